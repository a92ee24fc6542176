import { Button, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppStatus, SyncResource } from '../../electron/core/contract';
import { syncErrorText } from '../app/error-message';
import { formatTime } from '../app/format-time';
import { useCore } from '../stores/core-store';
import './status-bar.css';

type SyncState = AppStatus['sync']['resources'][number];
const CONNECTIVITY_COLORS = { online: 'green', degraded: 'orange', offline: 'red', unknown: 'default' } as const;

/** Data source, connection, sync state per resource (with the reason and a retry) and the usage queue — every value read from the core. */
export function StatusBar() {
  const status = useCore((s) => s.status);
  if (!status) return <div className="status-bar" data-testid="status-bar" />;
  return (
    <div className="status-bar" data-testid="status-bar">
      <DataSourceItem status={status} />
      <ConnectivityItem status={status} />
      <SyncItem status={status} />
      <QueueItem status={status} />
    </div>
  );
}

function DataSourceItem({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const { kind, baseUrl } = status.dataSource;
  return (
    <Tooltip title={baseUrl ?? t('status.notStarted')}>
      <span className="status-item" data-testid="status-data-source" data-kind={kind}>
        {t('status.dataSource')}: <Tag color={kind === 'sandbox' ? 'gold' : 'blue'}>{t(`status.${kind}`)}</Tag>
      </span>
    </Tooltip>
  );
}

function ConnectivityItem({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const { state, detail } = status.connectivity;
  return (
    <Tooltip title={detail ? t('status.connectivityDetail', { detail }) : null}>
      <span className="status-item" data-testid="status-connectivity" data-state={state}>
        {t('status.connectivity')}: <Tag color={CONNECTIVITY_COLORS[state]}>{t(`status.${state}`)}</Tag>
      </span>
    </Tooltip>
  );
}

function SyncItem({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const client = useCore((s) => s.client);
  const { state, lastSyncedAt, resources } = status.sync;
  const running = resources.filter((r) => r.state === 'running');
  const failed = resources.filter((r) => r.state === 'error');
  const retry = () => void client?.call('sync.run', { resources: failed.map((r) => r.resource) }).catch(() => undefined);
  return (
    <span className="status-item status-sync" data-testid="status-sync" data-state={state}>
      {t('status.sync')}: {state === 'running' && <Tag color="processing">{t('status.syncRunningOf', { resources: names(running, t) })}</Tag>}
      {state === 'error' && (
        <>
          <Tooltip title={<FailedList failed={failed} />}>
            <Tag color="red" data-testid="status-sync-error">
              {t('status.syncError')}
            </Tag>
          </Tooltip>
          <span className="status-reason" data-testid="status-sync-reason">
            {failed[0] ? `${t(`syncResources.${failed[0].resource}`)}：${syncErrorText(failed[0].error!)}` : ''}
          </span>
          <Button size="small" type="link" onClick={retry} data-testid="status-sync-retry">
            {t('status.retry')}
          </Button>
        </>
      )}
      {state === 'never' && t('status.syncNever')}
      {state === 'idle' && lastSyncedAt !== null && t('status.syncIdle', { time: formatTime(lastSyncedAt, timeZone) })}
    </span>
  );
}

function FailedList({ failed }: { failed: SyncState[] }) {
  const { t } = useTranslation();
  return (
    <>
      {failed.map((r) => (
        <div key={r.resource}>
          {t(`syncResources.${r.resource}`)}：{syncErrorText(r.error!)}
        </div>
      ))}
    </>
  );
}

function names(resources: { resource: SyncResource }[], t: (key: string) => string): string {
  return resources.map((r) => t(`syncResources.${r.resource}`)).join('、');
}

function QueueItem({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const { queued, sending, dueSoon, atRisk } = status.usageQueue;
  return (
    <span className="status-item" data-testid="status-usage-queue" data-queued={queued} data-sending={sending}>
      {t('status.usageQueue')}: {t('status.queueDepth', { queued, sending })}
      {dueSoon > 0 && <Tag color="orange">{t('status.dueSoon', { count: dueSoon })}</Tag>}
      {atRisk > 0 && <Tag color="red">{t('status.atRisk', { count: atRisk })}</Tag>}
    </span>
  );
}
