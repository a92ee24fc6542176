import { Alert, App as AntApp, Button, ConfigProvider, Layout, Menu, Tag, Tooltip, Typography } from 'antd';
import enUSLocale from 'antd/locale/en_US';
import zhCNLocale from 'antd/locale/zh_CN';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusBar } from '../components/StatusBar';
import { SyncAllButton } from '../components/SyncAllButton';
import { applyLanguage } from '../i18n';
import { AgentsPage } from '../pages/agents/AgentsPage';
import { ListingPage } from '../pages/listing/ListingPage';
import { OffersPage } from '../pages/offers/OffersPage';
import { OverviewPage } from '../pages/overview/OverviewPage';
import { PlanningPage } from '../pages/planning/PlanningPage';
import { ReceiversPage } from '../pages/receivers/ReceiversPage';
import { BillsPage } from '../pages/review/BillsPage';
import { OrdersPage } from '../pages/review/OrdersPage';
import { TicketsPage } from '../pages/review/TicketsPage';
import { TransactionDetailsPage } from '../pages/review/TransactionDetailsPage';
import { SettingsPage } from '../pages/SettingsPage';
import { StoreFiguresPage } from '../pages/store-figures/StoreFiguresPage';
import { SupervisionPage } from '../pages/supervision/SupervisionPage';
import { UsagePage } from '../pages/usage/UsagePage';
import { VouchersPage } from '../pages/vouchers/VouchersPage';
import { useCore } from '../stores/core-store';
import { useNavigation } from '../stores/navigation-store';
import './app.css';
import { formatTime } from './format-time';
import { SECTION_ICONS } from './section-icons';
import { sectionGroups, type SectionKey } from './sections';

const STATUS_REFRESH_MS = 10_000;
/** A compact menu: all fifteen sections and their groups fit a 720-px-high window (collapsed: 640) without scrolling. */
const THEME = { components: { Menu: { itemHeight: 32, itemMarginBlock: 1, groupTitleFontSize: 12, groupTitleLineHeight: 1.2 } } };
/** Below this window width the menu shows icons only, so tables keep their columns. */
const NARROW_WINDOW_PX = 1200;

export function App() {
  const language = useCore((s) => s.settings?.language ?? 'zh-CN');
  useEffect(() => applyLanguage(language), [language]);
  useEffect(() => {
    const timer = setInterval(() => void useCore.getState().refreshStatus(), STATUS_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const narrow = useNarrowWindow();
  return (
    <ConfigProvider locale={language === 'zh-CN' ? zhCNLocale : enUSLocale} theme={THEME}>
      <AntApp>
        <Layout style={{ height: '100vh' }}>
          <Layout.Sider
            width={208}
            collapsedWidth={56}
            collapsed={narrow}
            trigger={null}
            theme="light"
            className="app-sider"
            style={{ overflow: 'auto', borderRight: '1px solid #f0f0f0' }}
          >
            <Navigation collapsed={narrow} />
          </Layout.Sider>
          <Layout style={{ minWidth: 0 }}>
            <Header />
            <main className="app-content">
              <Banners />
              <CurrentPage />
            </main>
            <footer className="app-footer">
              <StatusBar />
            </footer>
          </Layout>
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}

function useNarrowWindow(): boolean {
  const [narrow, setNarrow] = useState(() => window.innerWidth < NARROW_WINDOW_PX);
  useEffect(() => {
    const onResize = () => setNarrow(window.innerWidth < NARROW_WINDOW_PX);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return narrow;
}

function Navigation({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  const section = useNavigation((s) => s.section);
  const go = useNavigation((s) => s.go);
  const item = (key: SectionKey) => ({ key, icon: SECTION_ICONS[key], label: <span data-testid={`nav-${key}`}>{t(`nav.sections.${key}`)}</span> });
  // collapsed, the groups' titles would have no room: the sections follow each other, named in tooltips
  const items = collapsed
    ? sectionGroups.flatMap((group) => group.sections.map(item))
    : sectionGroups.map((group) => ({ type: 'group' as const, key: group.key, label: t(`nav.groups.${group.key}`), children: group.sections.map(item) }));
  return (
    <Menu
      mode="inline"
      inlineCollapsed={collapsed}
      selectedKeys={[section]}
      items={items}
      onClick={({ key }) => go(key as SectionKey)}
      data-testid="navigation"
      style={{ borderInlineEnd: 'none' }}
    />
  );
}

function Header() {
  const { t } = useTranslation();
  const language = useCore((s) => s.settings?.language ?? 'zh-CN');
  const updateSettings = useCore((s) => s.updateSettings);
  const dataSource = useCore((s) => s.status?.dataSource);
  return (
    <header className="app-header">
      <Typography.Text strong style={{ flex: 1, fontSize: 15 }} data-testid="app-title">
        {t('app.title')}
      </Typography.Text>
      {dataSource?.kind === 'sandbox' && (
        <Tooltip title={t(dataSource.reason === 'no-credentials' ? 'status.sandboxNoCredentials' : 'status.sandboxBanner')}>
          <Tag color="gold" data-testid="sandbox-banner" data-reason={dataSource.reason} style={{ marginInlineEnd: 0 }}>
            {t(dataSource.reason === 'no-credentials' ? 'status.sandboxTagNoCredentials' : 'status.sandboxTag')}
          </Tag>
        </Tooltip>
      )}
      <SyncAllButton />
      <Button data-testid="language-switch" onClick={() => void updateSettings({ language: language === 'zh-CN' ? 'en-US' : 'zh-CN' })}>
        {t('app.languageSwitch')}
      </Button>
    </header>
  );
}

function Banners() {
  const { t } = useTranslation();
  const connectionError = useCore((s) => s.connectionError);
  const notices = useCore((s) => s.notices);
  const dismiss = useCore((s) => s.dismissNotice);
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  return (
    <>
      {connectionError && (
        <Alert
          type="error"
          showIcon
          data-testid="connection-error"
          message={connectionError === 'session-expired' ? t('app.sessionExpired') : t('app.coreUnreachable', { message: connectionError })}
        />
      )}
      {notices.map((notice, index) => (
        <Alert
          key={index}
          type={notice.level}
          showIcon
          closable
          onClose={() => dismiss(index)}
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

/** Every section's page: a section without one does not compile. */
const PAGES: Record<SectionKey, () => React.JSX.Element | null> = {
  overview: OverviewPage,
  settings: SettingsPage,
  usage: UsagePage,
  orders: OrdersPage,
  transactions: TransactionDetailsPage,
  bills: BillsPage,
  tickets: TicketsPage,
  storeFigures: StoreFiguresPage,
  supervision: SupervisionPage,
  offers: OffersPage,
  vouchers: VouchersPage,
  planning: PlanningPage,
  agents: AgentsPage,
  listing: ListingPage,
  receivers: ReceiversPage,
};

function CurrentPage() {
  const Page = PAGES[useNavigation((s) => s.section)];
  return <Page />;
}
