import { App as AntApp, Button, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/error-message';
import { PageFrame } from '../../components/page/PageFrame';
import { useCore } from '../../stores/core-store';
import { useArrivalFilters } from '../../stores/navigation-store';
import { AttemptsLog } from './AttemptsLog';
import { ImportUsageFile } from './ImportUsageFile';
import { ManualUsageForm } from './ManualUsageForm';
import { UsageWindowsTable } from './UsageWindowsTable';

/** 话单管理: reporting windows, capture (form and files), and the upload log. */
export function UsagePage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useCore((s) => s.client);
  const [tab, setTab] = useState('windows');
  // a to-do on 商家总览 opens the windows with anomalous records
  const [onlyAnomalies, setOnlyAnomalies] = useState(useArrivalFilters('usage')?.state === 'anomaly');
  const sendNow = async () => {
    try {
      const report = await client!.call('usage.flushNow', {});
      void message.info(t('usage.flushed', report));
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };
  return (
    <PageFrame
      title={t('nav.sections.usage')}
      testId="page-usage"
      scroll
      actions={
        <Button onClick={() => void sendNow()} data-testid="usage-flush">
          {t('usage.flushNow')}
        </Button>
      }
    >
      <Tabs
        size="small"
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'windows',
            label: t('usage.tabs.windows'),
            children: <UsageWindowsTable onGo={setTab} onlyAnomalies={onlyAnomalies} onShowAll={() => setOnlyAnomalies(false)} />,
          },
          { key: 'capture', label: t('usage.tabs.capture'), children: <ManualUsageForm /> },
          { key: 'import', label: t('usage.tabs.import'), children: <ImportUsageFile /> },
          { key: 'attempts', label: t('usage.tabs.attempts'), children: <AttemptsLog /> },
        ]}
      />
    </PageFrame>
  );
}
