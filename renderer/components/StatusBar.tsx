import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../electron/core/contract';
import { formatTime } from '../app/format-time';
import { useCore } from '../stores/core-store';

/** Data source, online/offline, sync state and usage-queue depth — every value read from the core. */
export function StatusBar() {
  const { t } = useTranslation();
  const status = useCore((s) => s.status);
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  if (!status) return <div className="status-bar" data-testid="status-bar" />;
  return (
    <div className="status-bar" data-testid="status-bar">
      <Space size="large" wrap>
        <DataSourceItem status={status} />
        <ConnectivityItem status={status} />
        <span data-testid="status-sync">
          {t('status.sync')}: {syncText(status, timeZone, t)}
        </span>
        <QueueItem status={status} />
      </Space>
    </div>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function DataSourceItem({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const { kind, baseUrl } = status.dataSource;
  return (
    <span data-testid="status-data-source" data-kind={kind}>
      {t('status.dataSource')}: <Tag color={kind === 'sandbox' ? 'gold' : 'blue'}>{t(`status.${kind}`)}</Tag>
      <Typography.Text type="secondary">{baseUrl ?? t('status.notStarted')}</Typography.Text>
    </span>
  );
}

function ConnectivityItem({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const { state, detail } = status.connectivity;
  const color = state === 'online' ? 'green' : state === 'offline' ? 'red' : 'default';
  return (
    <span data-testid="status-connectivity" data-state={state}>
      {t('status.connectivity')}:{' '}
      <Tooltip title={detail}>
        <Tag color={color}>{t(`status.${state}`)}</Tag>
      </Tooltip>
    </span>
  );
}

function QueueItem({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const { queued, sending, dueSoon, atRisk } = status.usageQueue;
  return (
    <span data-testid="status-usage-queue" data-queued={queued} data-sending={sending}>
      {t('status.usageQueue')}: {t('status.queueDepth', { queued, sending })}
      {dueSoon > 0 && <Tag color="orange">{t('status.dueSoon', { count: dueSoon })}</Tag>}
      {atRisk > 0 && <Tag color="red">{t('status.atRisk', { count: atRisk })}</Tag>}
    </span>
  );
}

function syncText(status: AppStatus, timeZone: string, t: T): string {
  const { state, lastSyncedAt } = status.sync;
  if (state === 'running') return t('status.syncRunning');
  if (state === 'error') return t('status.syncError');
  if (lastSyncedAt === null) return t('status.syncNever');
  return t('status.syncIdle', { time: formatTime(lastSyncedAt, timeZone) });
}
