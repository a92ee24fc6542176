/**
 * Pages of a big table held by the UI: only pages near the viewport are kept. A page following a
 * cached one is fetched by key (fast at any depth); a page far from anything cached, by offset.
 */
/** The core's key of a page's last row (its sort value and id); opaque here. */
export interface PageKey {
  value: number | string | null;
  id: string;
}

export interface FetchedPage<Row> {
  rows: Row[];
  next: PageKey | null;
}

export type PageFetcher<Row> = (request: { limit: number; after: PageKey | null; offset: number }) => Promise<FetchedPage<Row>>;

/**
 * About three screens of rows. 50 rather than 100: a page of rows spread over a 1,000,000-row table
 * is that many random reads in the core, which shows on a cold cache (browser bench: first filter
 * change after a sync 148–174 → 104–135 ms, scroll frame p95 11.5–11.9 → 9.6–9.9 ms).
 */
export const PAGE_SIZE = 50;
/** 4,000 rows around the viewport. */
const PAGES_KEPT = 80;

export class PageCache<Row> {
  private readonly pages = new Map<number, FetchedPage<Row>>();
  private readonly loading = new Map<number, Promise<void>>();

  constructor(private readonly fetchPage: PageFetcher<Row>) {}

  row(index: number): Row | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.rows[index % PAGE_SIZE];
  }

  /** How many rows the first page holds (null until it is loaded). */
  firstPageRows(): number | null {
    return this.pages.get(0)?.rows.length ?? null;
  }

  /** Loads the pages covering rows [first, last]; resolves when they are in the cache. */
  async ensure(first: number, last: number): Promise<void> {
    const wanted: Promise<void>[] = [];
    for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) wanted.push(this.load(page));
    await Promise.all(wanted);
    this.evictFar(Math.floor(first / PAGE_SIZE));
  }

  private load(page: number): Promise<void> {
    if (this.pages.has(page)) return Promise.resolve();
    let pending = this.loading.get(page);
    if (!pending) {
      const previous = this.pages.get(page - 1);
      const request = previous?.next ? { limit: PAGE_SIZE, after: previous.next, offset: 0 } : { limit: PAGE_SIZE, after: null, offset: page * PAGE_SIZE };
      pending = this.fetchPage(request).then((fetched) => {
        this.pages.set(page, fetched);
        this.loading.delete(page);
      });
      this.loading.set(page, pending);
    }
    return pending;
  }

  private evictFar(center: number): void {
    if (this.pages.size <= PAGES_KEPT) return;
    const far = [...this.pages.keys()].sort((a, b) => Math.abs(b - center) - Math.abs(a - center));
    for (const page of far.slice(0, this.pages.size - PAGES_KEPT)) this.pages.delete(page);
  }
}
