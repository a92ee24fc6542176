import { useEffect, useState } from 'react';
import type { CoreEvent } from '../../electron/core/contract';
import { useCore } from '../stores/core-store';

/** Whether an event means cached figures may have changed: a sync or import step, a usage flush. */
function changesData(event: CoreEvent): boolean {
  return event.type === 'sync' || event.type === 'queue' || (event.type === 'progress' && (event.finished || event.jobId.startsWith('sync:')));
}

/**
 * A counter that moves when the core reports data changes (syncs, imports, usage flushes), at most
 * once per `everyMs` and always after the last change: a page keyed on it stays live without
 * asking on every progress event.
 */
export function useDataVersion(everyMs = 1000): number {
  const client = useCore((s) => s.client);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!client) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = client.subscribe((event) => {
      if (!changesData(event) || timer) return;
      timer = setTimeout(() => {
        timer = null;
        setVersion((v) => v + 1);
      }, everyMs);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [client, everyMs]);
  return version;
}
