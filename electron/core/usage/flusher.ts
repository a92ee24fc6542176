import { EXPIRY_MS } from '../conventions';
import { formatSdrTime, type ApiOutcome, type UsagePushRecord } from '../koogallery';
import type { Connector } from '../marketplace';
import { retryDelayMs } from './backoff';
import { newLeaseOwner } from './lease-owner';
import type { ClockOffset } from './clock-offset';
import type { OutboxRecord, UsageStore } from './usage-store';

export const MAX_BATCH = 1000;

/** Codes that blame something inside the batch: bisect to find the record and reject only it. */
const RECORD_LEVEL_CODES = new Set(['MKT.0100', 'MKT.0101', 'MKT.0199', 'MKT.9001', 'MKT.9002', 'MKT.9004']);
/** Credentials or account problems: no record is at fault, so keep them all queued and pause. */
const ACCOUNT_PAUSE_MS = 5 * 60_000;

export interface FlusherOptions {
  store: UsageStore;
  connector: () => Connector | null;
  /** The local clock (tests inject one). */
  now: () => number;
  offset: ClockOffset;
  owner?: string;
  leaseMs?: number;
  batchSize?: number;
  random?: () => number;
  /** Told after every batch, so the status bar and page can refresh. */
  onProgress?: () => void;
  /** Told when the marketplace refuses the credentials. */
  onAccountProblem?: (code: string | null, message: string) => void;
}

export interface FlushReport {
  batches: number;
  accepted: number;
  retried: number;
  rejected: number;
  /** Set when the marketplace asked us to wait (Retry-After) or refused the account. */
  pausedUntil: number | null;
}

/**
 * Sends due usage records, most urgent first, in signed batches of at most 1000. Each batch is
 * leased before it is sent; an answer updates the lease, a crash lets it expire and the identical
 * records go again (the marketplace's duplicate rule makes them count once).
 */
export class UsageFlusher {
  private pausedUntil = 0;
  private readonly owner: string;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly random: () => number;

  constructor(private readonly options: FlusherOptions) {
    this.owner = options.owner ?? newLeaseOwner();
    this.leaseMs = options.leaseMs ?? 2 * 60_000;
    this.batchSize = Math.min(MAX_BATCH, options.batchSize ?? MAX_BATCH);
    this.random = options.random ?? Math.random;
  }

  /** Marketplace time: the local clock corrected by the Date headers seen so far. */
  marketplaceNow(): number {
    return this.options.now() + this.options.offset.offsetMs;
  }

  get pausedUntilMs(): number | null {
    return this.pausedUntil > this.marketplaceNow() ? this.pausedUntil : null;
  }

  /**
   * Sends everything due now; returns when nothing more is due, the marketplace asked to wait, or
   * `signal` was aborted (after the batch in flight, whose answer is always stored).
   */
  async flushDue(signal?: AbortSignal): Promise<FlushReport> {
    const report: FlushReport = { batches: 0, accepted: 0, retried: 0, rejected: 0, pausedUntil: null };
    const connector = this.options.connector();
    if (!connector) return report;
    this.options.store.expireOld(this.marketplaceNow(), EXPIRY_MS);
    while (this.marketplaceNow() >= this.pausedUntil && !signal?.aborted) {
      const batch = this.options.store.claim(this.owner, this.marketplaceNow(), this.leaseMs, this.batchSize);
      if (batch.length === 0) break;
      await this.sendBatch(connector, batch, report);
      this.options.onProgress?.();
    }
    report.pausedUntil = this.pausedUntilMs;
    return report;
  }

  private async sendBatch(connector: Connector, batch: OutboxRecord[], report: FlushReport): Promise<void> {
    const store = this.options.store;
    const ids = batch.map((r) => r.id);
    const startedAt = this.marketplaceNow();
    let attemptId = 0;
    const { outcome } = await connector.api.pushUsage(batch.map(toWire), (proof) => {
      attemptId = store.beginAttempt({ startedAt, ...proof }, ids); // logged before the request leaves
    });
    report.batches++;
    this.options.offset.observe(outcome.meta);
    const now = this.marketplaceNow();
    store.finishAttempt(attemptId, {
      finishedAt: now,
      httpStatus: outcome.meta.httpStatus,
      code: outcome.code,
      message: outcome.message,
      outcome: outcome.class,
    });
    await this.settle(connector, batch, outcome, now, report);
  }

  private async settle(connector: Connector, batch: OutboxRecord[], outcome: ApiOutcome<null>, now: number, report: FlushReport): Promise<void> {
    const store = this.options.store;
    const ids = batch.map((r) => r.id);
    switch (outcome.class) {
      case 'ok':
        store.markAccepted(ids, now);
        report.accepted += ids.length;
        return;
      case 'throttled':
        this.pausedUntil = Math.max(this.pausedUntil, now + (outcome.retryAfterMs ?? retryDelayMs(1, now, now, this.random)));
        this.holdUntilPauseEnds(batch, now, outcome.code, outcome.message, report);
        return;
      case 'retryable':
      case 'ambiguous':
        // ambiguous: the same records (same metering_sn, same times) go again; duplicates count once
        for (const record of batch)
          store.release([record.id], now + retryDelayMs(record.attempts, now, record.windowClosesAt, this.random), now, outcome.code, outcome.message);
        report.retried += ids.length;
        return;
      case 'permanent':
        return this.settlePermanent(connector, batch, outcome, now, report);
    }
  }

  private async settlePermanent(
    connector: Connector,
    batch: OutboxRecord[],
    outcome: Exclude<ApiOutcome<null>, { class: 'ok' }>,
    now: number,
    report: FlushReport,
  ): Promise<void> {
    const store = this.options.store;
    const recordLevel = outcome.splitBatch || (outcome.code !== null && RECORD_LEVEL_CODES.has(outcome.code));
    if (!recordLevel) {
      this.pausedUntil = now + ACCOUNT_PAUSE_MS;
      this.holdUntilPauseEnds(batch, now, outcome.code, outcome.message, report);
      this.options.onAccountProblem?.(outcome.code, outcome.message);
      return;
    }
    if (batch.length > 1) {
      // one bad record must not block the others: send each half on its own, unless the answer to the
      // first half asked us to wait (Retry-After, an account problem): then the second half waits too
      const middle = Math.ceil(batch.length / 2);
      for (const half of [batch.slice(0, middle), batch.slice(middle)]) {
        if (this.marketplaceNow() < this.pausedUntil)
          this.holdUntilPauseEnds(half, this.marketplaceNow(), null, 'Held back: the marketplace asked to wait', report);
        else await this.sendBatch(connector, half, report);
      }
      return;
    }
    store.finish([batch[0]!.id], outcome.code === 'MKT.9004' ? 'expired' : 'rejected', now, outcome.code, outcome.message);
    report.rejected++;
  }

  /** Leased records that must not go yet: back to the queue, due when the pause ends, counted as retried. */
  private holdUntilPauseEnds(batch: OutboxRecord[], now: number, code: string | null, message: string, report: FlushReport): void {
    this.options.store.release(
      batch.map((r) => r.id),
      this.pausedUntil,
      now,
      code,
      message,
    );
    report.retried += batch.length;
  }
}

function toWire(record: OutboxRecord): UsagePushRecord {
  return {
    instance_id: record.instanceId,
    record_time: formatSdrTime(record.recordedAt),
    begin_time: formatSdrTime(record.beginAt),
    end_time: formatSdrTime(record.endAt),
    usage_value: record.usageValue,
    metering_sn: record.meteringSn,
    ...(record.relatePkgInstance ? { relate_pkg_instance: record.relatePkgInstance } : {}),
  };
}
