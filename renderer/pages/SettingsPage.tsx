import { App as AntApp, Button, Card, Descriptions, Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../electron/core/contract';
import { useCore } from '../stores/core-store';
import { PageFrame } from '../components/page/PageFrame';
import { AppUpdateCard } from '../components/AppUpdateCard';
import { CredentialsCard } from './CredentialsCard';
import { NoticesCard } from './receivers/NoticesCard';
import { errorMessage } from '../app/error-message';

const TIME_ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Singapore', 'Europe/Berlin', 'America/New_York', 'UTC'];

/** Settings stored by the core; each change is one validated call. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const settings = useCore((s) => s.settings);
  const updateSettings = useCore((s) => s.updateSettings);
  const client = useCore((s) => s.client);
  const refreshStatus = useCore((s) => s.refreshStatus);
  if (!settings) return null;

  const save = async (changes: Partial<Settings>) => {
    try {
      await updateSettings(changes);
      void message.success(t('settings.saved'));
    } catch (error) {
      void message.error(t('settings.failed', { message: errorMessage(error) }));
    }
  };

  return (
    <PageFrame title={t('nav.sections.settings')} testId="page-settings" scroll>
      <Card size="small" title={t('settings.general')}>
        <Form layout="vertical" style={{ maxWidth: 560 }}>
          <Form.Item label={t('settings.language')}>
            <Radio.Group value={settings.language} onChange={(e) => void save({ language: e.target.value as Settings['language'] })}>
              <Radio.Button value="zh-CN">简体中文</Radio.Button>
              <Radio.Button value="en-US">English</Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Form.Item label={t('settings.timeZone')}>
            <Select
              value={settings.timeZone}
              options={TIME_ZONES.map((z) => ({ value: z, label: t(`settings.zones.${z.replace('/', '_')}`) }))}
              onChange={(timeZone) => void save({ timeZone })}
              data-testid="settings-time-zone"
            />
          </Form.Item>
          <Form.Item label={t('settings.dataSource')}>
            <Radio.Group value={settings.dataSource} onChange={(e) => void save({ dataSource: e.target.value as Settings['dataSource'] })}>
              <Radio value="sandbox">{t('settings.sandboxOption')}</Radio>
              <Radio value="real">{t('settings.realOption')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item label={t('settings.region')}>
            <Radio.Group value={settings.marketplaceRegion} onChange={(e) => void save({ marketplaceRegion: e.target.value as Settings['marketplaceRegion'] })}>
              <Radio value="cn">{t('settings.regionCn')}</Radio>
              <Radio value="intl">{t('settings.regionIntl')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item label={t('settings.syncInterval')}>
            <Select
              value={settings.syncIntervalMinutes}
              style={{ width: '100%', maxWidth: 520 }}
              onChange={(syncIntervalMinutes) => void save({ syncIntervalMinutes })}
              data-testid="settings-sync-interval"
              options={[0, 15, 30, 60, 240].map((m) => ({ value: m, label: m === 0 ? t('settings.syncManual') : t('settings.syncEvery', { minutes: m }) }))}
            />
          </Form.Item>
          <FolderField
            label={t('imports.watchedFolder')}
            help={t('imports.watchedFolderHelp')}
            value={settings.exportsWatchedFolder}
            onSave={(exportsWatchedFolder) => void save({ exportsWatchedFolder })}
            testId="settings-exports-folder"
          />
          <FolderField
            label={t('usage.watchedFolder')}
            help={t('usage.watchedFolderHelp')}
            value={settings.usageWatchedFolder}
            onSave={(usageWatchedFolder) => void save({ usageWatchedFolder })}
            testId="settings-watched-folder"
          />
          <FolderField
            label={t('exports.folder')}
            help={t('exports.folderHelp')}
            value={settings.exportFolder}
            onSave={(exportFolder) => void save({ exportFolder })}
            testId="settings-export-folder"
          />
          <Button onClick={() => void client?.call('status.checkConnectivity', {}).then(refreshStatus)}>{t('settings.checkNow')}</Button>
        </Form>
      </Card>
      <CredentialsCard />
      <NoticesCard />
      <SellerProfileCard settings={settings} save={save} />
      <AboutCard />
      <AppUpdateCard />
    </PageFrame>
  );
}

/**
 * 商家总览's seller with the real KooGallery source, which has no API for them: the name and the
 * 商业信息认证 / 服务协议签署 states as Seller Center shows them, entered once. The sandbox lists its own.
 */
function SellerProfileCard({ settings, save }: { settings: Settings; save: (changes: Partial<Settings>) => Promise<void> }) {
  const { t } = useTranslation();
  const options = (group: 'certification' | 'agreement', codes: string[]) => codes.map((code) => ({ value: code, label: t(`vocab.${group}.${code}`) }));
  return (
    <Card size="small" title={t('settings.seller.title')} style={{ marginTop: 12 }} data-testid="seller-profile-card">
      <Form layout="vertical" style={{ maxWidth: 560 }}>
        <Form.Item label={t('overview.seller.name')} extra={t('settings.seller.help')}>
          <Input.Search
            defaultValue={settings.sellerName ?? ''}
            enterButton={t('settings.save')}
            onSearch={(typed) => void save({ sellerName: typed.trim() || null })}
            data-testid="settings-seller-name"
          />
        </Form.Item>
        <Form.Item label={t('overview.seller.certification')}>
          <Select
            allowClear
            value={settings.certificationState}
            style={{ width: 200 }}
            options={options('certification', ['certified', 'in_review', 'not_certified'])}
            onChange={(value) => void save({ certificationState: value ?? null })}
          />
        </Form.Item>
        <Form.Item label={t('overview.seller.agreement')}>
          <Select
            allowClear
            value={settings.agreementState}
            style={{ width: 200 }}
            options={options('agreement', ['signed', 'unsigned'])}
            onChange={(value) => void save({ agreementState: value ?? null })}
          />
        </Form.Item>
      </Form>
    </Card>
  );
}

/** The app's facts, for support: version, database, where the data lives. */
function AboutCard() {
  const { t } = useTranslation();
  const info = useCore((s) => s.info);
  if (!info) return null;
  return (
    <Card size="small" title={t('overview.localCache')} style={{ marginTop: 12 }}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('overview.version')}>{info.version}</Descriptions.Item>
        <Descriptions.Item label={t('overview.schemaVersion')}>{info.schemaVersion}</Descriptions.Item>
        <Descriptions.Item label={t('overview.dataDir')}>
          <span data-testid="overview-data-dir">{info.dataDir}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('overview.host')}>{t(`overview.hosts.${info.host}`)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** A folder path typed in and saved with its button; empty means none (or the default). */
function FolderField({
  label,
  help,
  value,
  onSave,
  testId,
}: {
  label: string;
  help: string;
  value: string | null;
  onSave: (folder: string | null) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item label={label} extra={help}>
      <Input.Search defaultValue={value ?? ''} enterButton={t('settings.save')} onSearch={(typed) => onSave(typed.trim() || null)} data-testid={testId} />
    </Form.Item>
  );
}
