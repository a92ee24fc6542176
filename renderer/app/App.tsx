import { Alert, App as AntApp, Button, ConfigProvider, Layout, Menu, Typography } from 'antd';
import enUSLocale from 'antd/locale/en_US';
import zhCNLocale from 'antd/locale/zh_CN';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusBar } from '../components/StatusBar';
import { applyLanguage } from '../i18n';
import { formatTime } from './format-time';
import { OverviewPage } from '../pages/OverviewPage';
import { PlannedPage } from '../pages/PlannedPage';
import { BillsPage } from '../pages/review/BillsPage';
import { OrdersPage } from '../pages/review/OrdersPage';
import { TicketsPage } from '../pages/review/TicketsPage';
import { TransactionDetailsPage } from '../pages/review/TransactionDetailsPage';
import { SettingsPage } from '../pages/SettingsPage';
import { UsagePage } from '../pages/usage/UsagePage';
import { useCore } from '../stores/core-store';
import { useNavigation } from '../stores/navigation-store';
import { sectionGroups, type SectionKey } from './sections';

const STATUS_REFRESH_MS = 10_000;

export function App() {
  const language = useCore((s) => s.settings?.language ?? 'zh-CN');
  useEffect(() => applyLanguage(language), [language]);
  useEffect(() => {
    const timer = setInterval(() => void useCore.getState().refreshStatus(), STATUS_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <ConfigProvider locale={language === 'zh-CN' ? zhCNLocale : enUSLocale}>
      <AntApp>
        <Layout style={{ height: '100vh' }}>
          <Layout.Sider width={232} theme="light" style={{ overflow: 'auto', borderRight: '1px solid #f0f0f0' }}>
            <Navigation />
          </Layout.Sider>
          <Layout>
            <Header />
            <Layout.Content style={{ overflow: 'auto', padding: 16 }}>
              <Banners />
              <CurrentPage />
            </Layout.Content>
            <Layout.Footer style={{ padding: '6px 16px', borderTop: '1px solid #f0f0f0', background: '#fff' }}>
              <StatusBar />
            </Layout.Footer>
          </Layout>
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}

function Navigation() {
  const { t } = useTranslation();
  const section = useNavigation((s) => s.section);
  const go = useNavigation((s) => s.go);
  const items = sectionGroups.map((group) => ({
    type: 'group' as const,
    key: group.key,
    label: t(`nav.groups.${group.key}`),
    children: group.sections.map((key) => ({ key, label: <span data-testid={`nav-${key}`}>{t(`nav.sections.${key}`)}</span> })),
  }));
  return <Menu mode="inline" selectedKeys={[section]} items={items} onClick={({ key }) => go(key as SectionKey)} data-testid="navigation" />;
}

function Header() {
  const { t } = useTranslation();
  const language = useCore((s) => s.settings?.language ?? 'zh-CN');
  const updateSettings = useCore((s) => s.updateSettings);
  const section = useNavigation((s) => s.section);
  return (
    <Layout.Header style={{ background: '#fff', padding: '0 16px', display: 'flex', alignItems: 'center', borderBottom: '1px solid #f0f0f0' }}>
      <Typography.Title level={4} style={{ margin: 0, flex: 1 }} data-testid="page-title">
        {t('app.title')} · {t(`nav.sections.${section}`)}
      </Typography.Title>
      <Button data-testid="language-switch" onClick={() => void updateSettings({ language: language === 'zh-CN' ? 'en-US' : 'zh-CN' })}>
        {t('app.languageSwitch')}
      </Button>
    </Layout.Header>
  );
}

function Banners() {
  const { t } = useTranslation();
  const connectionError = useCore((s) => s.connectionError);
  const dataSource = useCore((s) => s.status?.dataSource);
  const notices = useCore((s) => s.notices);
  const dismiss = useCore((s) => s.dismissNotice);
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  return (
    <>
      {connectionError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="connection-error"
          message={connectionError === 'session-expired' ? t('app.sessionExpired') : t('app.coreUnreachable', { message: connectionError })}
        />
      )}
      {dataSource?.kind === 'sandbox' && (
        <Alert
          type="warning"
          showIcon
          banner
          style={{ marginBottom: 12 }}
          data-testid="sandbox-banner"
          message={t(dataSource.reason === 'no-credentials' ? 'status.sandboxNoCredentials' : 'status.sandboxBanner')}
        />
      )}
      {notices.map((notice, index) => (
        <Alert
          key={index}
          type={notice.level}
          showIcon
          closable
          onClose={() => dismiss(index)}
          style={{ marginBottom: 12 }}
          message={t(notice.messageKey, noticeValues(notice.values ?? {}, timeZone))}
        />
      ))}
    </>
  );
}

/** A notice's values as the seller reads them: instants (keys ending in At) in the seller's time zone. */
function noticeValues(values: Record<string, string | number>, timeZone: string): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, key.endsWith('At') && typeof value === 'number' ? formatTime(value, timeZone) : value]),
  );
}

function CurrentPage() {
  const section = useNavigation((s) => s.section);
  if (section === 'overview') return <OverviewPage />;
  if (section === 'settings') return <SettingsPage />;
  if (section === 'usage') return <UsagePage />;
  if (section === 'orders') return <OrdersPage />;
  if (section === 'transactions') return <TransactionDetailsPage />;
  if (section === 'bills') return <BillsPage />;
  if (section === 'tickets') return <TicketsPage />;
  return <PlannedPage section={section} />;
}
