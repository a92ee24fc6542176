import { App as AntApp, Button, Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCore } from '../../stores/core-store';
import { AttemptsLog } from './AttemptsLog';
import { ImportUsageFile } from './ImportUsageFile';
import { ManualUsageForm } from './ManualUsageForm';
import { UsageWindowsTable } from './UsageWindowsTable';

/** 话单管理: reporting windows, capture (form and files), and the upload log. */
export function UsagePage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useCore((s) => s.client);
  const sendNow = async () => {
    const report = await client!.call('usage.flushNow', {});
    void message.info(t('usage.flushed', report));
  };
  return (
    <Card
      title={t('nav.sections.usage')}
      data-testid="page-usage"
      extra={
        <Button onClick={() => void sendNow()} data-testid="usage-flush">
          {t('usage.flushNow')}
        </Button>
      }
    >
      <Tabs
        items={[
          { key: 'windows', label: t('usage.tabs.windows'), children: <UsageWindowsTable /> },
          { key: 'capture', label: t('usage.tabs.capture'), children: <ManualUsageForm /> },
          { key: 'import', label: t('usage.tabs.import'), children: <ImportUsageFile /> },
          { key: 'attempts', label: t('usage.tabs.attempts'), children: <AttemptsLog /> },
        ]}
      />
    </Card>
  );
}
