import { Alert, Button, Empty, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../electron/core/contract';
import { formatTime, zoneName } from '../../app/format-time';
import { ExportButton } from '../../components/ExportButton';
import { useCore } from '../../stores/core-store';
import { UsageRecordsTable } from './UsageRecordsTable';
import { useQueueVersion } from './useQueueRefresh';

type UsageWindow = MethodOutput<'usage.windows'>[number];

/** One row per reporting window; expand a row for its records. */
export function UsageWindowsTable({
  onGo,
  onlyAnomalies = false,
  onShowAll,
}: {
  onGo: (tab: 'capture' | 'import') => void;
  /** Only the windows holding anomalous records (the overview's to-do), until 显示全部. */
  onlyAnomalies?: boolean;
  onShowAll?: () => void;
}) {
  const { t } = useTranslation();
  const client = useCore((s) => s.client);
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const version = useQueueVersion();
  const [windows, setWindows] = useState<UsageWindow[]>([]);
  useEffect(() => {
    void client?.call('usage.windows', { limit: 96 }).then(setWindows);
  }, [client, version]);

  const count = (key: keyof UsageWindow, color?: string) => ({
    title: t(`usage.${key}`),
    dataIndex: key,
    width: 80,
    render: (value: number) => (value > 0 && color ? <Tag color={color}>{value}</Tag> : value),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ExportButton selection={{ table: 'usage_windows', filters: {} }} testId="usage-export-windows" />
      {onlyAnomalies && (
        <Alert
          type="info"
          showIcon
          data-testid="usage-only-anomalies"
          message={t('usage.onlyAnomalies')}
          action={
            <Button size="small" onClick={onShowAll}>
              {t('usage.showAll')}
            </Button>
          }
        />
      )}
      <Table
        size="small"
        rowKey={(w) => `${w.windowOpensAt}-${w.billingCycle}`}
        dataSource={onlyAnomalies ? windows.filter((w) => w.anomaly > 0) : windows}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('usage.noWindows')} data-testid="usage-windows-empty">
              <Space>
                <Button type="primary" onClick={() => onGo('capture')}>
                  {t('usage.tabs.capture')}
                </Button>
                <Button onClick={() => onGo('import')}>{t('usage.tabs.import')}</Button>
              </Space>
            </Empty>
          ),
        }}
        pagination={false}
        data-testid="usage-windows"
        onRow={(w) => ({ 'data-testid': `usage-window-${w.windowOpensAt}` }) as React.HTMLAttributes<HTMLElement>}
        expandable={{ expandedRowRender: (w) => <UsageRecordsTable windowOpensAt={w.windowOpensAt} /> }}
        columns={[
          {
            title: t('usage.windowInZone', { zone: zoneName(timeZone) }),
            key: 'window',
            width: 210,
            render: (_: unknown, w: UsageWindow) => `${formatTime(w.windowOpensAt, timeZone)} – ${formatTime(w.windowClosesAt, timeZone).slice(11)}`,
          },
          { title: t('usage.cycle'), dataIndex: 'billingCycle', width: 90, render: (c: string) => t(`vocab.billingCycle.${c}`) },
          count('records'),
          count('waiting', 'blue'),
          count('onTime', 'green'),
          count('late', 'orange'),
          count('overdue', 'red'),
          count('rejected', 'red'),
          count('expired', 'default'),
          count('anomaly', 'purple'),
          {
            title: t('usage.onTimeRatio'),
            dataIndex: 'onTimeRatio',
            width: 100,
            render: (ratio: number | null) => <span data-testid="usage-on-time-ratio">{ratio === null ? '-' : `${(ratio * 100).toFixed(1)}%`}</span>,
          },
        ]}
      />
    </Space>
  );
}
