import { transactionDetailsVisibleBefore } from '../conventions';
import { CoreError, syncResourceSchema, type SyncError, type SyncResource } from '../contract';
import { writeRefetchable, type SqliteDatabase } from '../db';
import type { EventBus } from '../events';
import type { JobContext, JobEngine, Schedule } from '../jobs';
import type { Connector, ItemRows } from '../marketplace';
import type { ApiOutcome } from '../koogallery';
import type { CursorsTable, CursorState } from './cursors-table';
import type { SyncWriters } from './list-items';

export interface SyncResult {
  resource: SyncResource;
  rows: number;
  pages: number;
  completed: boolean;
  cancelled: boolean;
  /** Why the run stopped early: the marketplace's code (or the network's), its HTTP status and message. */
  error: SyncError | null;
  /** Where the run's time went, in ms (logged and benchmarked). */
  timings: SyncTimings;
}

export interface SyncTimings {
  /** Waiting for pages the write had not overlapped: the marketplace serving, HTTP and JSON parse. */
  waitingForPagesMs: number;
  /** Waiting for the WAL checkpoint to catch up before a write. */
  waitingForCheckpointMs: number;
  /** Writing pages to the cache, in their transactions. */
  writingMs: number;
  /** After the last page: indexes and search built in bulk. */
  finishingMs: number;
}

export interface SyncServiceOptions {
  db: SqliteDatabase;
  /** How each list's pages are written to the cache. */
  writers: SyncWriters;
  cursors: CursorsTable;
  connector: () => Connector | null;
  events: EventBus;
  jobs: JobEngine;
  now: () => number;
  /** Lets the WAL checkpoint catch up when it has fallen behind; awaited before each page is written. */
  checkpointCatchUp: () => Promise<void>;
  /** How often lists sync by themselves, in minutes (设置); 0: only on demand. */
  intervalMinutes: () => number;
  isOnline: () => boolean;
  /** How often the schedule looks for due resources; 0 turns automatic sync off (tests sync by hand). */
  tickMs: number;
  /** Told when a resource starts or stops syncing (the status bar refreshes). */
  onStateChange: () => void;
}

const PAGE_SIZE = 1000;
const syncJobId = (resource: SyncResource) => `sync:${resource}`;

/**
 * Pulls each resource page by page from its stored cursor, as a job (`sync:orders`, …: progress and
 * cancel like any job). Each page's rows and the cursor after it commit in one transaction, so a
 * crash resumes exactly where the cache left off, and re-reading a page only rewrites the same rows.
 */
export class SyncService {
  readonly schedules: Schedule[];

  constructor(private readonly options: SyncServiceOptions) {
    this.schedules = [{ name: 'sync.due', everyMs: options.tickMs, run: () => this.syncDue() }];
  }

  isRunning(resource?: SyncResource): boolean {
    return resource ? this.options.jobs.isRunning(syncJobId(resource)) : this.options.jobs.runningIds('sync:').length > 0;
  }

  /** Stops running syncs after the page in progress; the next run resumes from there. */
  cancel(resource?: SyncResource): boolean {
    const ids = resource ? [syncJobId(resource)] : this.options.jobs.runningIds('sync:');
    return ids.map((id) => this.options.jobs.cancel(id)).some(Boolean);
  }

  summary() {
    return this.options.cursors.summary((resource) => this.isRunning(resource));
  }

  /** Syncs one resource after another (default: every one the source can list). */
  async syncResources(resources?: SyncResource[]): Promise<SyncResult[]> {
    const results: SyncResult[] = [];
    for (const resource of resources ?? this.listable()) results.push(await this.sync(resource));
    return results;
  }

  /** The scheduled sync: whatever is due and not already running, when the source is reachable. */
  async syncDue(): Promise<SyncResult[]> {
    const minutes = this.options.intervalMinutes();
    if (this.options.tickMs === 0 || minutes === 0 || !this.options.isOnline() || this.isRunning()) return [];
    const due = dueResources(this.options.now(), this.options.cursors.all(), this.listable(), minutes * 60_000);
    return due.length > 0 ? this.syncResources(due) : [];
  }

  sync(resource: SyncResource): Promise<SyncResult> {
    const connector = this.options.connector();
    if (!connector) return Promise.reject(new CoreError('UNAVAILABLE', 'No data source is started', { reason: 'sync.noSource' }));
    if (!connector.capabilities.lists.includes(resource)) {
      return Promise.reject(
        new CoreError('UNSUPPORTED', `${connector.source} cannot list ${resource}; import the Seller Center export file instead`, {
          reason: 'source.noList',
          params: { resource },
        }),
      );
    }
    if (this.isRunning(resource))
      return Promise.reject(new CoreError('CONFLICT', `${resource} is already syncing`, { reason: 'sync.running', params: { resource } }));
    const run = this.options.jobs.run(syncJobId(resource), `sync.${resource}`, (job) => this.run(connector, resource, job));
    void run.finally(() => this.options.onStateChange()).catch(() => undefined); // once the job no longer counts as running
    return run;
  }

  private async run(connector: Connector, resource: SyncResource, job: JobContext): Promise<SyncResult> {
    const { events, cursors } = this.options;
    events.emit({ type: 'sync', resource, state: 'running', message: null });
    this.options.onStateChange();
    const writer = this.options.writers[resource](connector.source, cursors.cursor(resource) === null);
    const timings: SyncTimings = { waitingForPagesMs: 0, waitingForCheckpointMs: 0, writingMs: 0, finishingMs: 0 };
    let result: SyncResult;
    try {
      result = await this.pull(connector, resource, writer.write, job, timings);
    } catch (error) {
      cursors.recordOutcome(resource, {
        code: null,
        httpStatus: null,
        networkError: null,
        message: error instanceof Error ? error.message : String(error),
        at: this.options.now(),
      });
      throw error;
    } finally {
      const finishing = performance.now();
      await writer.finish(); // also after a cancel or a failure: what arrived is searchable
      timings.finishingMs = performance.now() - finishing;
    }
    // told once the writer has finished: pages refreshing on it read the indexes and totals the load left to the end
    if (!result.cancelled) cursors.recordOutcome(resource, result.error);
    events.emit({ type: 'sync', resource, state: result.cancelled ? 'cancelled' : result.error ? 'error' : 'idle', message: result.error?.message ?? null });
    return result;
  }

  /**
   * Pages download one ahead: the next page is requested before this one is written, so the
   * marketplace serves it (and the socket receives it) while SQLite writes.
   */
  private async pull(
    connector: Connector,
    resource: SyncResource,
    write: (rows: ItemRows) => void,
    job: JobContext,
    timings: SyncTimings,
  ): Promise<SyncResult> {
    const { db, cursors } = this.options;
    const result: SyncResult = { resource, rows: 0, pages: 0, completed: false, cancelled: false, error: null, timings };
    let next = prefetch(connector.listPage(resource, cursors.cursor(resource), PAGE_SIZE));
    for (;;) {
      if (job.signal.aborted) return { ...result, cancelled: true };
      const outcome = await timed(next, (ms) => (timings.waitingForPagesMs += ms));
      if (outcome.class !== 'ok') return { ...result, error: syncError(outcome, this.options.now()) };
      const page = outcome.data;
      if (page.hasMore) {
        next = prefetch(connector.listPage(resource, page.nextCursor, PAGE_SIZE));
        await requestLeaves();
      }
      await timed(this.options.checkpointCatchUp(), (ms) => (timings.waitingForCheckpointMs += ms));
      const writing = performance.now();
      writeRefetchable(db, () => {
        write(page.rows);
        cursors.save(resource, page.nextCursor, this.options.now(), page.completeThrough);
      });
      timings.writingMs += performance.now() - writing;
      result.rows += page.rows.values.length;
      result.pages++;
      job.progress(result.rows, page.remaining === null ? null : result.rows + page.remaining);
      if (!page.hasMore) return { ...result, completed: true };
    }
  }

  private listable(): SyncResource[] {
    const lists = this.options.connector()?.capabilities.lists ?? [];
    return syncResourceSchema.options.filter((r) => lists.includes(r));
  }
}

/** A page requested ahead may be left unread (a cancel): its failure must not go unhandled. */
function prefetch<T>(page: Promise<T>): Promise<T> {
  page.catch(() => undefined);
  return page;
}

/**
 * Lets the request just made leave before the page's write holds the thread: Node writes a request
 * on its socket in a later tick, which would otherwise wait behind the whole write.
 */
function requestLeaves(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function timed<T>(promise: Promise<T>, add: (ms: number) => void): Promise<T> {
  const started = performance.now();
  try {
    return await promise;
  } finally {
    add(performance.now() - started);
  }
}

function syncError(outcome: Exclude<ApiOutcome<unknown>, { class: 'ok' }>, at: number): SyncError {
  return { code: outcome.code, httpStatus: outcome.meta.httpStatus, networkError: outcome.meta.networkError, message: outcome.message, at };
}

/**
 * Which resources are due: orders, tickets and products every `intervalMs`; transaction details once
 * a day after 08:00 Beijing time, when the previous day becomes available (T+1), and not before.
 */
export function dueResources(
  now: number,
  cursors: Pick<CursorState, 'resource' | 'lastSyncedAt' | 'completeThrough'>[],
  listable: readonly SyncResource[],
  intervalMs: number,
): SyncResource[] {
  const byResource = new Map(cursors.map((c) => [c.resource, c]));
  return listable.filter((resource) => {
    const cursor = byResource.get(resource);
    if (resource === 'transaction_details') return (cursor?.completeThrough ?? 0) < transactionDetailsVisibleBefore(now);
    return cursor?.lastSyncedAt == null || now - cursor.lastSyncedAt >= intervalMs;
  });
}
