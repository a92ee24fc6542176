import { useEffect, useState } from 'react';
import { useCore } from '../../stores/core-store';

/** A counter that moves whenever the usage queue changes, to reload what a table shows. */
export function useQueueVersion(): number {
  const client = useCore((s) => s.client);
  const [version, setVersion] = useState(0);
  useEffect(() => client?.subscribe((event) => event.type === 'queue' && setVersion((v) => v + 1)), [client]);
  return version;
}
