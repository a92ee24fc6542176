import { useCallback, useEffect, useRef, useState } from 'react';
import type { CoreClient } from '../../electron/core/contract';
import { useCore } from '../stores/core-store';
import { errorMessage } from './error-message';

/**
 * What `fetch` answers — a drawer's item, a page's list — loaded when `key` or `refresh` changes and
 * whenever `load()` is called, with what went wrong worded for the seller (the last data stays shown).
 */
export function useLoaded<D>(fetch: (client: CoreClient) => Promise<D>, key: string, refresh: unknown = 0) {
  const client = useCore((s) => s.client);
  const [data, setData] = useState<D | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const latest = useRef(fetch);
  useEffect(() => {
    latest.current = fetch; // before the load below: effects run in order
  });
  const load = useCallback(() => {
    if (!client) return;
    latest
      .current(client)
      .then((d) => {
        setData(d);
        setProblem(null);
      })
      .catch((error: unknown) => setProblem(errorMessage(error)));
  }, [client, key]); // eslint-disable-line react-hooks/exhaustive-deps -- `key` names what is loaded
  useEffect(load, [load, refresh]);
  return { data, problem, load, client };
}
