import crypto from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import type { NoticeCategory } from '../conventions';
import { CoreError, type BadRow, type captureResultSchema, type manualUsageSchema } from '../contract';
import type { EventBus } from '../events';
import { withUploadedFile } from '../imports';
import type { JobEngine, Schedule } from '../jobs';
import { formatSdrTime } from '../koogallery';
import type { Connector, KnownInstance } from '../marketplace';
import type { KeyValues } from '../settings';
import { fileAway, WatchedFolder } from '../watch';
import { badRows, captureRows } from './capture';
import { ClockOffset } from './clock-offset';
import { isGoneOwner } from './lease-owner';
import { UsageFlusher, type FlushReport } from './flusher';
import { reconcileAnomalies, type ReconcileResult } from './reconciliation';
import { ANOMALY_LIST_COLUMNS, openUsageFile, type NumberedRow } from './usage-files';
import { type UsageStore } from './usage-store';
import { validateUsageRow } from './usage-validation';

type CaptureResult = z.infer<typeof captureResultSchema>;
type ManualUsage = z.infer<typeof manualUsageSchema>;

export interface UsageServiceOptions {
  store: UsageStore;
  values: KeyValues;
  connector: () => Connector | null;
  now: () => number;
  events: EventBus;
  jobs: JobEngine;
  /** Raises the 话单 window-closing notification as the seller switched it (notices/ Notifier). */
  notify: (category: Extract<NoticeCategory, 'usage.windowClosing'>, values: Record<string, string | number>) => void;
  random?: () => number;
  /** Scheduler tick; 0 turns the background scheduler off (tests drive flushNow). */
  tickMs?: number;
  leaseMs?: number;
}

const WARN_BEFORE_CLOSE_MS = 5 * 60_000;
const START_OFFSET_KEY = 'usage.startOffsetMs';
/** Each install starts pushing at a random minute 0–5 of every window, chosen once and kept. */
const START_OFFSET_SPREAD_MS = 5 * 60_000;
export const USAGE_FLUSH_JOB = 'usage:flush';

/**
 * 话单: capture, the outbox flusher and its schedule, and the warning before a window closes with
 * records unsent.
 */
export class UsageService {
  readonly store: UsageStore;
  readonly offset = new ClockOffset();
  readonly flusher: UsageFlusher;
  readonly schedules: Schedule[];
  private readonly warned = new Set<number>();
  private watched: WatchedFolder | null = null;

  constructor(private readonly options: UsageServiceOptions) {
    this.store = options.store;
    this.flusher = new UsageFlusher({
      store: this.store,
      connector: options.connector,
      now: options.now,
      offset: this.offset,
      ...(options.random ? { random: options.random } : {}),
      ...(options.leaseMs !== undefined ? { leaseMs: options.leaseMs } : {}),
      onProgress: () => this.emitQueue(),
      onAccountProblem: (code, message) =>
        options.events.emit({ type: 'notice', level: 'error', messageKey: 'usage.accountRefused', values: { code: code ?? '-', message } }),
    });
    this.schedules = [{ name: 'usage.tick', everyMs: options.tickMs ?? 15_000, run: () => this.tick() }];
  }

  /**
   * At start: records a crashed process was sending go back to the queue at once (the marketplace's
   * duplicate rule counts a record sent twice once), so they are sent within seconds, well inside
   * their window.
   */
  recoverLeases(): number {
    const gone = this.store.leaseOwners().filter((owner) => isGoneOwner(owner));
    const released = gone.length > 0 ? this.store.releaseLeasesOf(gone, this.flusher.marketplaceNow()) : 0;
    if (released > 0) this.emitQueue();
    return released;
  }

  /** Watches `dir` for usage files (or stops watching when null). */
  async watchFolder(dir: string | null): Promise<void> {
    if (this.watched?.dir === dir) return;
    await this.watched?.stop();
    this.watched = null;
    const next = dir ? new WatchedFolder(dir, (file) => this.importWatched(file)) : null;
    next?.start(); // a folder that cannot be watched throws here, and is not kept
    this.watched = next;
  }

  async stop(): Promise<void> {
    await this.watchFolder(null);
  }

  /**
   * Instances usage can be reported for, each once: the cache's pay-per-use order lines first, then
   * those usage was captured for, then the source's own list (the sandbox's; KooGallery has none).
   */
  async knownInstances(fromOrders: Omit<KnownInstance, 'billingCycle'>[]): Promise<KnownInstance[]> {
    const fromSource = await (this.options.connector()?.instances() ?? Promise.resolve([])).catch(() => []);
    const captured = this.store.capturedInstances();
    const cycles = new Map([...fromSource, ...captured].map((i) => [i.instanceId, i.billingCycle]));
    const known = new Map<string, KnownInstance>();
    const add = (instance: KnownInstance) => {
      const before = known.get(instance.instanceId);
      known.set(instance.instanceId, {
        instanceId: instance.instanceId,
        productName: before?.productName ?? instance.productName,
        customerName: before?.customerName ?? instance.customerName,
        billingCycle: before?.billingCycle ?? instance.billingCycle ?? cycles.get(instance.instanceId) ?? null,
      });
    };
    fromOrders.forEach((i) => add({ ...i, billingCycle: null }));
    captured.forEach((i) => add({ ...i, productName: null, customerName: null }));
    fromSource.forEach(add);
    return [...known.values()];
  }

  /** One flush at a time (a job: its progress shows, `jobs.cancel` stops it after the batch in flight); a second caller shares it. */
  flushNow(): Promise<FlushReport> {
    return this.options.jobs.runShared(USAGE_FLUSH_JOB, 'usage.flush', (job) => this.flusher.flushDue(job.signal).finally(() => this.emitQueue()));
  }

  /** The network is back: forget backoffs and send everything due, in deadline order. */
  async onOnline(): Promise<void> {
    this.store.clearBackoff(this.flusher.marketplaceNow());
    await this.flushNow();
  }

  async captureManual(input: ManualUsage): Promise<CaptureResult> {
    const data = { ...input, record_time: formatSdrTime(this.flusher.marketplaceNow()) };
    return this.capture({ encoding: null, rows: [{ row: 1, data }] }, 'manual', null, false);
  }

  importFile(fileName: string, contentBase64: string, queueValidOnly: boolean): Promise<CaptureResult> {
    return withUploadedFile(fileName, contentBase64, (file) => this.capture(openUsageFile(file), 'import', fileName, queueValidOnly));
  }

  async reconcile(fileName: string, contentBase64: string): Promise<ReconcileResult> {
    const result = await withUploadedFile(fileName, contentBase64, (file) =>
      reconcileAnomalies(this.store, openUsageFile(file, ANOMALY_LIST_COLUMNS).rows, this.flusher.marketplaceNow()),
    );
    this.emitQueue();
    return result;
  }

  /** Corrects a refused record in place and queues it again; its attempts stay in the log. */
  async correct(id: number, changes: { usage_value?: string; begin_time?: string; end_time?: string }): Promise<CaptureResult> {
    const record = this.store.rawRecord(id);
    if (!record) throw new CoreError('NOT_FOUND', `Usage record ${id} does not exist`, { reason: 'usage.recordNotFound', params: { id } });
    if (!['rejected', 'anomaly', 'expired'].includes(String(record.state))) {
      throw new CoreError('CONFLICT', `Usage record ${id} is ${String(record.state)}; only rejected, anomalous or expired records can be corrected`, {
        reason: 'usage.notCorrectable',
        params: { id, state: String(record.state) },
      });
    }
    const data = {
      instance_id: record.instance_id,
      begin_time: changes.begin_time ?? formatSdrTime(Number(record.begin_at)),
      end_time: changes.end_time ?? formatSdrTime(Number(record.end_at)),
      usage_value: changes.usage_value ?? record.usage_value,
      billing_cycle: record.billing_cycle,
      relate_pkg_instance: record.relate_pkg_instance ?? undefined,
      product_id: record.product_id ?? undefined,
      // a re-push is a new SDR for the marketplace: it gets a new seller-side id
      metering_sn: `${String(record.metering_sn).slice(0, 48)}-r${crypto.randomBytes(4).toString('hex')}`,
    };
    const now = this.flusher.marketplaceNow();
    const { record: valid, problems } = validateUsageRow(data, 1, now);
    const clash = valid ? this.store.findExisting([valid], id).size > 0 : false;
    if (!valid || clash) {
      const all = clash
        ? [...problems, { row: 1, field: 'end_time', reason: 'another record already has this instance_id, begin_time and end_time', key: 'knownIdentity' }]
        : problems;
      return { encoding: null, rows: 1, queued: 0, problems: badRows(all), refused: true };
    }
    this.store.requeue(id, valid, { now, startOffsetMs: this.startOffsetMs() });
    this.afterQueued();
    return { encoding: null, rows: 1, queued: 1, problems: [], refused: false };
  }

  /** The schedule's tick: warn about windows about to close, and send what is due. */
  async tick(): Promise<void> {
    this.warnWindowsClosing();
    const due = this.store.nextDueAt();
    if (due !== null && due <= this.flusher.marketplaceNow()) await this.flushNow();
  }

  /** The usage.windowClosing notification (OS and/or in-app, as the seller switched it) 5 minutes before a window closes with records unsent. */
  warnWindowsClosing(): void {
    const now = this.flusher.marketplaceNow();
    for (const window of this.store.windowsAtRisk(now, now + WARN_BEFORE_CLOSE_MS)) {
      if (this.warned.has(window.windowClosesAt)) continue;
      this.warned.add(window.windowClosesAt);
      this.options.notify('usage.windowClosing', { count: window.unsent, closesAt: window.windowClosesAt });
    }
  }

  private async importWatched(file: string): Promise<void> {
    const result = await Promise.resolve()
      .then(() => this.capture(openUsageFile(file), 'watched', path.basename(file), false))
      .catch((error: unknown) => ({
        encoding: null,
        rows: 0,
        queued: 0,
        refused: true,
        problems: [fileProblem(error)],
      }));
    fileAway(file, result.refused ? 'refused' : 'imported', this.options.now(), result.problems);
    const values = { file: path.basename(file), queued: result.queued, problems: result.problems.length };
    this.options.events.emit({
      type: 'notice',
      level: result.refused ? 'error' : 'info',
      messageKey: result.refused ? 'usage.watchedRefused' : 'usage.watchedImported',
      values,
    });
  }

  private async capture(
    { encoding, rows }: { encoding: string | null; rows: AsyncIterable<NumberedRow> | Iterable<NumberedRow> },
    source: 'manual' | 'import' | 'watched',
    sourceFile: string | null,
    queueValidOnly: boolean,
  ): Promise<CaptureResult> {
    const result = await captureRows(this.store, rows, {
      now: this.flusher.marketplaceNow(),
      source,
      sourceFile,
      queueValidOnly,
      startOffsetMs: this.startOffsetMs(),
    });
    if (result.queued > 0) this.afterQueued();
    return { ...result, encoding };
  }

  /** This install's random start offset inside each window (0–5 min), chosen once and kept. */
  private startOffsetMs(): number {
    const kept = this.options.values.get(START_OFFSET_KEY, z.number().int().nonnegative());
    if (kept !== undefined) return kept;
    const offset = Math.floor((this.options.random ?? Math.random)() * START_OFFSET_SPREAD_MS);
    this.options.values.set({ [START_OFFSET_KEY]: offset });
    return offset;
  }

  private afterQueued(): void {
    this.emitQueue();
    void this.flushNow().catch((error: unknown) => console.error('usage flush failed', error));
  }

  private emitQueue(): void {
    this.options.events.emit({ type: 'queue', queue: this.store.queueSummary(this.flusher.marketplaceNow()) });
  }
}

/** A file refused as a whole, as the one bad row the watched folder's errors list and notice carry. */
function fileProblem(error: unknown): BadRow {
  const reason = error instanceof Error ? error.message : String(error);
  if (error instanceof CoreError && error.reason)
    return { row: 1, column: '(file)', reason, key: `error:${error.reason}`, ...(error.params ? { params: error.params } : {}) };
  return { row: 1, column: '(file)', reason };
}
