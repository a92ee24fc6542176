import { useEffect, useState } from 'react';
import type { SyncResource } from '../../electron/core/contract';
import { useCore } from '../stores/core-store';

/**
 * A counter that moves each time a sync of `resource` ends, whoever started it (this page, 全部同步,
 * the status bar's retry, the schedule): a table keyed on it shows the new rows without asking.
 */
export function useSyncedVersion(resource: SyncResource): number {
  const client = useCore((s) => s.client);
  const [version, setVersion] = useState(0);
  useEffect(
    () => client?.subscribe((event) => event.type === 'sync' && event.resource === resource && event.state !== 'running' && setVersion((v) => v + 1)),
    [client, resource],
  );
  return version;
}
