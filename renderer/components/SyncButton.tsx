import { Button, Progress, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncResource } from '../../electron/core/contract';
import { useCore } from '../stores/core-store';

/** "同步" for one resource, with progress (rows, rate, ETA) and cancel; tells the page when done. */
export function SyncButton({ resource, onSynced }: { resource: SyncResource; onSynced: () => void }) {
  const { t } = useTranslation();
  const client = useCore((s) => s.client);
  const [progress, setProgress] = useState<{ done: number; total: number | null; rate: number | null; etaMs: number | null } | null>(null);
  useEffect(
    () =>
      client?.subscribe((event) => {
        if (event.type === 'progress' && event.jobId === `sync:${resource}`) setProgress({ done: event.done, total: event.total, rate: event.ratePerSecond, etaMs: event.etaMs });
      }),
    [client, resource],
  );
  const run = async () => {
    setProgress({ done: 0, total: null, rate: null, etaMs: null });
    try {
      await client!.call('sync.run', { resources: [resource] });
    } finally {
      setProgress(null);
      onSynced();
    }
  };
  if (!progress) return <Button onClick={() => void run()} data-testid={`sync-${resource}`}>{t('review.sync')}</Button>;
  const percent = progress.total ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <Space>
      <Progress type="line" percent={percent} size="small" style={{ width: 160 }} />
      <span>{t('review.syncProgress', { done: progress.done.toLocaleString(), rate: Math.round(progress.rate ?? 0), eta: Math.ceil((progress.etaMs ?? 0) / 1000) })}</span>
      <Button size="small" onClick={() => void client!.call('sync.cancel', { resource })}>{t('review.cancel')}</Button>
    </Space>
  );
}
