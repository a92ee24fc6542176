import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../electron/core/contract';
import type { FetchedPage, PageFetcher } from '../../components/big-table/page-cache';
import { useCore } from '../../stores/core-store';

type PageMethod = 'orders.page' | 'transactionDetails.page' | 'bills.page' | 'tickets.page';
type CountMethod = 'orders.count' | 'transactionDetails.count' | 'bills.count';
type Row<M extends PageMethod> = MethodOutput<M>['rows'][number];
type Total = { count: number; exact: boolean };

/**
 * What a big table needs for the current filters: the match count (one call per filter change) and
 * a page fetcher (a new one per filter change, which resets the table's page cache).
 */
export function useReviewSource<M extends PageMethod>(pageMethod: M, countMethod: CountMethod | null, filters: MethodInput<M>['filters'], refresh: number) {
  const client = useCore((s) => s.client);
  const key = JSON.stringify(filters);
  const query = `${refresh}:${key}`;
  // the same filters by value are the same query, whatever object the page passes; a refresh is a new one
  const stableFilters = useMemo(() => JSON.parse(query.slice(query.indexOf(':') + 1)) as typeof filters, [query]);
  // a count belongs to the query it answered: a late answer for earlier filters is never shown
  const [counted, setCounted] = useState<{ query: string; total: Total } | null>(null);

  useEffect(() => {
    if (!client) return;
    const answered = (total: Total) => setCounted({ query, total });
    if (countMethod) void client.call(countMethod, { filters: stableFilters } as MethodInput<CountMethod>).then(answered);
    else void countByPaging(client.call.bind(client) as CallFn, pageMethod, stableFilters).then(answered);
  }, [client, query, countMethod, pageMethod, stableFilters]);
  const total = counted?.query === query ? counted.total : null;

  const fetchPage = useMemo<PageFetcher<Row<M>>>(
    // a new fetcher per query (refresh included): it resets the table's page cache
    () => async (request) => (await client!.call(pageMethod as MethodName, { filters: stableFilters, ...request } as never)) as FetchedPage<Row<M>>,
    [client, pageMethod, stableFilters],
  );
  return { total, fetchPage };
}

type CallFn = (method: string, input: unknown) => Promise<{ rows: unknown[]; next: unknown }>;

/** Small lists (tickets) are counted by reading their keys. */
async function countByPaging(call: CallFn, method: string, filters: unknown) {
  let count = 0;
  let after: unknown = null;
  do {
    const page = await call(method, { filters, limit: 500, after });
    count += page.rows.length;
    after = page.next;
  } while (after);
  return { count, exact: true };
}

/** Drops unset filters, so "cleared" and "never set" are the same query. */
export function clean<T extends object>(filters: T): T {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== null && v !== '')) as T;
}

/**
 * A page's filters and a setter that merges changes. The setter never changes, so a memoized
 * filter form does not re-render when the filters (and the table) change.
 */
export function useFilters<F extends object>(): [F, (changes: Partial<F>) => void] {
  const [filters, setFilters] = useState<F>({} as F);
  const set = useCallback((changes: Partial<F>) => setFilters((f) => clean({ ...f, ...changes })), []);
  return [filters, set];
}
