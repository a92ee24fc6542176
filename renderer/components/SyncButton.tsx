import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncResource } from '../../electron/core/contract';
import { useCore } from '../stores/core-store';
import { JobProgressLine, useJobProgress } from './JobProgress';

/** "同步" for one resource, with progress (rows, rate, ETA) and cancel; tells the page when done. */
export function SyncButton({ resource, onSynced }: { resource: SyncResource; onSynced: () => void }) {
  const { t } = useTranslation();
  const client = useCore((s) => s.client);
  const [running, setRunning] = useState(false);
  const progress = useJobProgress(running ? `sync:${resource}` : null);
  const run = async () => {
    setRunning(true);
    try {
      await client!.call('sync.run', { resources: [resource] });
    } finally {
      setRunning(false);
      onSynced();
    }
  };
  if (!running)
    return (
      <Button onClick={() => void run()} data-testid={`sync-${resource}`}>
        {t('review.sync')}
      </Button>
    );
  return <JobProgressLine progress={progress} onCancel={() => void client!.call('sync.cancel', { resource })} />;
}
