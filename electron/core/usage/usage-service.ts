import crypto from 'node:crypto';
import path from 'node:path';
import type { z } from 'zod';
import type { captureResultSchema, manualUsageSchema } from '../contract/usage.contract';
import { CoreError } from '../contract/errors';
import type { SqliteDatabase } from '../db';
import type { EventBus } from '../events/event-bus';
import type { Connector } from '../marketplace/connector';
import { formatSdrTime } from '../marketplace/koogallery';
import type { Platform } from '../platform';
import { readUsageQueueSummary } from '../status/status-readers';
import { captureRows } from './capture';
import { ClockOffset } from './clock-offset';
import { UsageFlusher, type FlushReport } from './flusher';
import { withUploadedFile } from '../imports/uploaded-file';
import { ANOMALY_LIST_COLUMNS, readUsageFile } from './usage-file-reader';
import { reconcileAnomalies, type ReconcileResult } from './reconciliation';
import { validateUsageRow } from './usage-validation';
import { fileAway, WatchedFolder } from '../watch/watched-folder';
import { UsageStore } from './usage-store';

type CaptureResult = z.infer<typeof captureResultSchema>;
type ManualUsage = z.infer<typeof manualUsageSchema>;

export interface UsageServiceOptions {
  db: SqliteDatabase;
  connector: () => Connector | null;
  now: () => number;
  events: EventBus;
  platform: Platform;
  random?: () => number;
  /** Scheduler tick; 0 turns the background scheduler off (tests drive flushNow). */
  tickMs?: number;
  leaseMs?: number;
}

const WARN_BEFORE_CLOSE_MS = 5 * 60_000;

/**
 * 话单: capture, the outbox flusher and its schedule, and the warning before a window closes with
 * records unsent.
 */
export class UsageService {
  readonly store: UsageStore;
  readonly offset = new ClockOffset();
  readonly flusher: UsageFlusher;
  private readonly warned = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private watched: WatchedFolder | null = null;
  private flushing: Promise<FlushReport> | null = null;

  constructor(private readonly options: UsageServiceOptions) {
    this.store = new UsageStore(options.db);
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
  }

  start(): void {
    const tick = this.options.tickMs ?? 15_000;
    if (tick <= 0) return;
    this.timer = setInterval(() => void this.tick(), tick);
    this.timer.unref();
    void this.tick();
  }

  /** Watches `dir` for usage files (or stops watching when null). */
  async watchFolder(dir: string | null): Promise<void> {
    if (this.watched?.dir === dir) return;
    await this.watched?.stop();
    this.watched = dir ? new WatchedFolder(dir, (file) => this.importWatched(file)) : null;
    this.watched?.start();
  }

  private async importWatched(file: string): Promise<void> {
    const result = await this.capture(readUsageFile(file), 'watched', path.basename(file), false).catch((error: unknown) => ({
      rows: 0, queued: 0, refused: true, problems: [{ row: 1, field: '(file)', reason: error instanceof Error ? error.message : String(error) }],
    }));
    fileAway(file, result.refused ? 'refused' : 'imported', result.problems);
    const values = { file: path.basename(file), queued: result.queued, problems: result.problems.length };
    this.options.events.emit({ type: 'notice', level: result.refused ? 'error' : 'info', messageKey: result.refused ? 'usage.watchedRefused' : 'usage.watchedImported', values });
  }

  /** Stops the scheduler and waits for a flush in progress, so the database can close under it. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.watchFolder(null);
    await this.flushing?.catch(() => undefined);
  }

  /** One flush at a time; a second caller shares the running one. */
  flushNow(): Promise<FlushReport> {
    this.flushing ??= this.flusher.flushDue().finally(() => {
      this.flushing = null;
      this.emitQueue();
    });
    return this.flushing;
  }

  async onOnline(): Promise<void> {
    this.store.clearBackoff(this.flusher.marketplaceNow());
    await this.flushNow();
  }

  async captureManual(input: ManualUsage): Promise<CaptureResult> {
    const data = { ...input, record_time: formatSdrTime(this.flusher.marketplaceNow()) };
    return this.capture([{ row: 1, data }], 'manual', null, false);
  }

  importFile(fileName: string, contentBase64: string, queueValidOnly: boolean): Promise<CaptureResult> {
    return withUploadedFile(fileName, contentBase64, (file) => this.capture(readUsageFile(file), 'import', fileName, queueValidOnly));
  }

  async reconcile(fileName: string, contentBase64: string): Promise<ReconcileResult> {
    const result = await withUploadedFile(fileName, contentBase64, (file) =>
      reconcileAnomalies(this.options.db, readUsageFile(file, ANOMALY_LIST_COLUMNS), this.flusher.marketplaceNow()),
    );
    this.emitQueue();
    return result;
  }

  /** Corrects a refused record in place and queues it again; its attempts stay in the log. */
  async correct(id: number, changes: { usage_value?: string; begin_time?: string; end_time?: string }): Promise<CaptureResult> {
    const record = this.options.db.prepare('SELECT * FROM usage_records WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    if (!record) throw new CoreError('NOT_FOUND', `Usage record ${id} does not exist`);
    if (!['rejected', 'anomaly', 'expired'].includes(String(record.state))) {
      throw new CoreError('CONFLICT', `Usage record ${id} is ${String(record.state)}; only rejected, anomalous or expired records can be corrected`);
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
      const all = clash ? [...problems, { row: 1, field: 'end_time', reason: 'another record already has this instance_id, begin_time and end_time' }] : problems;
      return { rows: 1, queued: 0, problems: all, refused: true };
    }
    this.store.requeue(id, valid, { now, startOffsetMs: this.store.startOffsetMs(this.options.random ?? Math.random) });
    this.afterQueued();
    return { rows: 1, queued: 1, problems: [], refused: false };
  }

  private async capture(rows: Parameters<typeof captureRows>[1], source: 'manual' | 'import' | 'watched', sourceFile: string | null, queueValidOnly: boolean): Promise<CaptureResult> {
    const result = await captureRows(this.store, rows, {
      now: this.flusher.marketplaceNow(),
      source,
      sourceFile,
      queueValidOnly,
      startOffsetMs: this.store.startOffsetMs(this.options.random ?? Math.random),
    });
    if (result.queued > 0) this.afterQueued();
    return result;
  }

  private afterQueued(): void {
    this.emitQueue();
    void this.flushNow();
  }

  private async tick(): Promise<void> {
    this.warnWindowsClosing();
    const due = this.store.nextDueAt();
    if (due !== null && due <= this.flusher.marketplaceNow()) await this.flushNow();
  }

  /** OS notification (in-app banner in browser mode) 5 minutes before a window closes with records unsent. */
  warnWindowsClosing(): void {
    const now = this.flusher.marketplaceNow();
    for (const window of this.store.windowsAtRisk(now, now + WARN_BEFORE_CLOSE_MS)) {
      if (this.warned.has(window.windowClosesAt)) continue;
      this.warned.add(window.windowClosesAt);
      const values = { count: window.unsent, closesAt: new Date(window.windowClosesAt).toISOString() };
      this.options.platform.notify('话单即将错过上报窗口', `${window.unsent} 条话单尚未发送，窗口将于 ${values.closesAt} 关闭`);
      this.options.events.emit({ type: 'notice', level: 'warning', messageKey: 'usage.windowClosing', values });
    }
  }

  private emitQueue(): void {
    this.options.events.emit({ type: 'queue', queue: readUsageQueueSummary(this.options.db, this.flusher.marketplaceNow()) });
  }
}
