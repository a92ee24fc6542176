import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../electron/core/contract';
import { syncErrorText } from '../../app/error-message';
import { formatTime } from '../../app/format-time';
import { SyncButton } from '../../components/SyncButton';
import { useCore } from '../../stores/core-store';

type ResourceSync = AppStatus['sync']['resources'][number];
const STATE_COLORS = { never: 'default', idle: 'green', running: 'processing', error: 'red' } as const;

/** Where each list stands: last sync, running, or why it failed, with a retry. */
export function SyncTable({ resources }: { resources: ResourceSync[] }) {
  const { t } = useTranslation();
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const capabilities = useCore((s) => s.capabilities);
  const lists = capabilities?.lists ?? [];
  return (
    <Card size="small" title={t('overview.syncTitle')}>
      <Table
        size="small"
        rowKey="resource"
        pagination={false}
        dataSource={resources}
        data-testid="overview-sync"
        columns={[
          { title: t('overview.list'), dataIndex: 'resource', width: 110, render: (r: string) => t(`syncResources.${r}`) },
          {
            title: t('status.sync'),
            dataIndex: 'state',
            width: 110,
            render: (state: ResourceSync['state']) => <Tag color={STATE_COLORS[state]}>{t(`overview.syncStates.${state}`)}</Tag>,
          },
          { title: t('overview.lastSynced'), dataIndex: 'lastSyncedAt', width: 150, render: (ms: number | null) => (ms ? formatTime(ms, timeZone) : '-') },
          {
            title: t('overview.note'),
            key: 'note',
            render: (_: unknown, r: ResourceSync) =>
              r.error ? (
                <Typography.Text type="danger">{syncErrorText(r.error)}</Typography.Text>
              ) : !lists.includes(r.resource) ? (
                t('overview.importOnly')
              ) : r.resource === 'transaction_details' && r.completeThrough ? (
                t('overview.completeThrough', { day: formatTime(r.completeThrough - 1, timeZone).slice(0, 10) })
              ) : (
                ''
              ),
          },
          {
            title: '',
            key: 'action',
            width: 150,
            render: (_: unknown, r: ResourceSync) =>
              lists.includes(r.resource) && <SyncButton resources={[r.resource]} label={r.error ? t('status.retry') : t('overview.syncOne')} />,
          },
        ]}
      />
    </Card>
  );
}
