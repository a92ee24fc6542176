import { SyncOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput, SyncResource } from '../../electron/core/contract';
import { errorMessage, syncErrorText } from '../app/error-message';
import { syncableResources, useCore } from '../stores/core-store';
import { JobProgressLine, useJobProgress } from './JobProgress';

type SyncResult = MethodOutput<'sync.run'>[number];

/**
 * 从云商店同步 one resource (`resources`: one or more; 全部同步 passes none, meaning every list the
 * source has), with progress (rows, rate, ETA) and cancel. Says how it ended: rows synced, or why
 * it stopped. A sync started elsewhere (the schedule, another page) shows here as running too.
 */
export function SyncButton({
  resources,
  label,
  onSynced,
  primary = false,
  testId,
}: {
  resources?: SyncResource[];
  label?: string;
  onSynced?: () => void;
  primary?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useCore((s) => s.client);
  const statuses = useCore((s) => s.status?.sync.resources);
  const capabilities = useCore((s) => s.capabilities);
  const [running, setRunning] = useState(false);
  const watched = (resources ?? syncableResources(capabilities)).filter((r) => capabilities?.lists.includes(r));
  const syncing = statuses?.find((r) => r.state === 'running' && watched.includes(r.resource))?.resource ?? null;
  const progress = useJobProgress(syncing ? `sync:${syncing}` : null);
  const run = async () => {
    setRunning(true);
    try {
      report(await client!.call('sync.run', resources ? { resources } : {}));
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setRunning(false);
      onSynced?.();
    }
  };
  const report = (results: SyncResult[]) => {
    const failed = results.find((r) => r.error);
    const rows = results.reduce((n, r) => n + r.rows, 0);
    if (failed?.error) void message.error(t('sync.failed', { resource: t(`syncResources.${failed.resource}`), reason: syncErrorText(failed.error) }));
    else if (results.some((r) => r.cancelled)) void message.info(t('sync.cancelled', { rows: rows.toLocaleString() }));
    else void message.success(t('sync.done', { rows: rows.toLocaleString() }));
  };
  if (running || syncing) {
    return (
      <span data-testid={testId && `${testId}-running`}>
        {syncing && !resources?.length ? <span style={{ marginInlineEnd: 8 }}>{t(`syncResources.${syncing}`)}</span> : null}
        <JobProgressLine progress={progress} onCancel={() => void client!.call('sync.cancel', resources?.length === 1 ? { resource: resources[0] } : {})} />
      </span>
    );
  }
  return (
    <Tooltip title={watched.length === 0 ? t('sync.nothingToSync') : null}>
      <Button icon={<SyncOutlined />} type={primary ? 'primary' : 'default'} disabled={watched.length === 0} onClick={() => void run()} data-testid={testId}>
        {label ?? t('review.sync')}
      </Button>
    </Tooltip>
  );
}
