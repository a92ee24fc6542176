import type { SqliteDatabase } from '../db';
import type { SyncResource } from '../contract/status.contract';
import { CoreError } from '../contract/errors';
import type { EventBus } from '../events/event-bus';
import type { Connector } from '../marketplace/connector';
import { markOrderSearchStale, rebuildOrderSearchIfStale } from '../review/order-search';
import { cacheWriter } from './cache-writers';

export interface SyncResult {
  resource: SyncResource;
  rows: number;
  pages: number;
  completed: boolean;
  cancelled: boolean;
  error: string | null;
}

const PAGE_SIZE = 1000;

/**
 * Pulls one resource page by page from its stored cursor. Each page's rows and the cursor after it
 * commit in one transaction, so a crash resumes exactly where the cache left off, and re-reading a
 * page only rewrites the same rows.
 */
export class SyncEngine {
  private readonly running = new Map<SyncResource, AbortController>();

  constructor(
    private readonly db: SqliteDatabase,
    private readonly connector: () => Connector | null,
    private readonly events: EventBus,
    private readonly now: () => number,
    /** Lets the WAL checkpoint catch up when it has fallen behind; awaited before each page is written. */
    private readonly checkpointCatchUp: () => Promise<void> = () => Promise.resolve(),
  ) {}

  isRunning(resource?: SyncResource): boolean {
    return resource ? this.running.has(resource) : this.running.size > 0;
  }

  cancel(resource?: SyncResource): void {
    for (const [name, controller] of this.running) if (!resource || name === resource) controller.abort();
  }

  async sync(resource: SyncResource): Promise<SyncResult> {
    const connector = this.connector();
    if (!connector) throw new CoreError('UNAVAILABLE', 'No data source is started');
    if (!connector.capabilities.lists.includes(resource)) {
      throw new CoreError('UNSUPPORTED', `${connector.source} cannot list ${resource}; import the Seller Center export file instead`);
    }
    if (this.running.has(resource)) throw new CoreError('CONFLICT', `${resource} is already syncing`);
    const controller = new AbortController();
    this.running.set(resource, controller);
    this.events.emit({ type: 'sync', resource, state: 'running', message: null });
    try {
      const result = await this.pull(connector, resource, controller.signal);
      if (resource === 'orders') rebuildOrderSearchIfStale(this.db); // also after a cancel or a crash: what arrived is searchable
      this.events.emit({ type: 'sync', resource, state: result.cancelled ? 'cancelled' : result.error ? 'error' : 'idle', message: result.error });
      return result;
    } finally {
      this.running.delete(resource);
    }
  }

  private async pull(connector: Connector, resource: SyncResource, signal: AbortSignal): Promise<SyncResult> {
    const write = cacheWriter(this.db, resource, connector.source);
    const saveCursor = this.db.prepare(
      `INSERT INTO sync_cursors (resource, cursor, last_synced_at, complete_through) VALUES (@resource, @cursor, @at, @through)
       ON CONFLICT (resource) DO UPDATE SET cursor = excluded.cursor, last_synced_at = excluded.last_synced_at,
         complete_through = COALESCE(excluded.complete_through, sync_cursors.complete_through)`,
    );
    const result: SyncResult = { resource, rows: 0, pages: 0, completed: false, cancelled: false, error: null };
    const started = this.now();
    let cursor = this.storedCursor(resource);
    for (;;) {
      if (signal.aborted) return { ...result, cancelled: true };
      // the next page downloads while the checkpoint catches up (if it has to), then is written
      const [outcome] = await Promise.all([connector.listPage(resource, cursor, PAGE_SIZE), this.checkpointCatchUp()]);
      if (outcome.class !== 'ok') return { ...result, error: `${outcome.code ?? outcome.class}: ${outcome.message}` };
      const page = outcome.data;
      this.db.transaction(() => {
        write(page.items);
        if (resource === 'orders' && page.items.length > 0) markOrderSearchStale(this.db);
        saveCursor.run({ resource, cursor: page.nextCursor, at: this.now(), through: page.completeThrough });
      })();
      result.rows += page.items.length;
      result.pages++;
      this.progress(resource, result.rows, page.remaining, started);
      cursor = page.nextCursor;
      if (!page.hasMore) return { ...result, completed: true };
    }
  }

  private storedCursor(resource: SyncResource): string | null {
    const row = this.db.prepare('SELECT cursor FROM sync_cursors WHERE resource = ?').get(resource) as { cursor: string | null } | undefined;
    return row?.cursor ?? null;
  }

  private progress(resource: SyncResource, done: number, remaining: number | null, started: number): void {
    const seconds = Math.max(0.001, (this.now() - started) / 1000);
    const rate = done / seconds;
    const total = remaining === null ? null : done + remaining;
    this.events.emit({
      type: 'progress',
      jobId: `sync:${resource}`,
      label: `sync.${resource}`,
      done,
      total,
      ratePerSecond: rate,
      etaMs: remaining !== null && rate > 0 ? (remaining / rate) * 1000 : null,
      finished: remaining === 0,
    });
  }
}
