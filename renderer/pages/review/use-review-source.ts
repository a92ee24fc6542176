import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../electron/core/contract';
import type { TableSort } from '../../components/big-table/BigTable';
import type { FetchedPage, PageFetcher } from '../../components/big-table/page-cache';
import { useCore } from '../../stores/core-store';

type PageMethod =
  | 'orders.page'
  | 'transactionDetails.page'
  | 'bills.page'
  | 'tickets.page'
  | 'supervision.page'
  | 'requirements.page'
  | 'offers.page'
  | 'vouchers.page'
  | 'planning.page';
type CountMethod = 'orders.count' | 'transactionDetails.count' | 'bills.count';
type Row<M extends PageMethod> = MethodOutput<M>['rows'][number];
type Total = { count: number; exact: boolean };

/**
 * What a big table needs for the current filters and sort: the match count (one call per filter
 * change) and a page fetcher (a new one per query, which resets the table's page cache).
 */
export function useReviewSource<M extends PageMethod>(
  pageMethod: M,
  countMethod: CountMethod | null,
  filters: MethodInput<M>['filters'],
  refresh: number,
  sort: TableSort | null = null,
) {
  const client = useCore((s) => s.client);
  const query = `${refresh}:${JSON.stringify({ filters, sort })}`;
  // the same filters by value are the same query, whatever object the page passes; a refresh is a new one
  const stable = useMemo(() => JSON.parse(query.slice(query.indexOf(':') + 1)) as { filters: typeof filters; sort: TableSort | null }, [query]);
  const countQuery = `${refresh}:${JSON.stringify(filters)}`;
  // a count belongs to the query it answered: a late answer for earlier filters is never shown
  const [counted, setCounted] = useState<{ query: string; total: Total } | null>(null);

  useEffect(() => {
    if (!client) return;
    const answered = (total: Total) => setCounted({ query: countQuery, total });
    if (countMethod) void client.call(countMethod, { filters: stable.filters } as MethodInput<CountMethod>).then(answered);
    else void countByPaging(client.call.bind(client) as CallFn, pageMethod, stable.filters).then(answered);
    // the count does not change with the sort: it is asked again only for new filters or a refresh
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, countQuery, countMethod, pageMethod]);
  const total = counted?.query === countQuery ? counted.total : null;

  const fetchPage = useMemo<PageFetcher<Row<M>>>(
    // a new fetcher per query (refresh included): it resets the table's page cache
    () => async (request) =>
      (await client!.call(pageMethod as MethodName, { filters: stable.filters, sort: stable.sort, ...request } as never)) as FetchedPage<Row<M>>,
    [client, pageMethod, stable],
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
 * A page's filters, a setter that merges changes, and `clear`. The setter never changes, so a
 * memoized filter form does not re-render when the filters (and the table) change. `formKey`
 * changes on clear: give it to the filter form as its key, so its fields clear too.
 */
export function useFilters<F extends object>(initial: Partial<F> = {}) {
  const [filters, setFilters] = useState<F>(() => clean(initial) as F);
  const [formKey, setFormKey] = useState(0);
  const set = useCallback((changes: Partial<F>) => setFilters((f) => clean({ ...f, ...changes })), []);
  const clear = useCallback(() => {
    setFilters({} as F);
    setFormKey((k) => k + 1);
  }, []);
  return { filters, set, clear, formKey, filtered: Object.keys(filters).length > 0 };
}
