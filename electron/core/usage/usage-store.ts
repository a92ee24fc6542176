import type { z } from 'zod';
import { reportingWindow, timeliness, windowOpeningAt, type BillingCycle } from '../conventions';
import type { uploadAttemptSchema, UsageQueueSummary, usageRecordViewSchema, usageWindowSchema } from '../contract';
import type { SqliteDatabase } from '../db';
import { identityKey, type ValidUsageRecord } from './usage-validation';

type UsageWindow = z.infer<typeof usageWindowSchema>;
type UsageRecordView = z.infer<typeof usageRecordViewSchema>;
type UploadAttempt = z.infer<typeof uploadAttemptSchema>;

export type UsageState = 'queued' | 'sending' | 'accepted' | 'rejected' | 'anomaly' | 'expired';

/** A record as the flusher sends it: the validated record, stored, with its deadline and attempt count. */
export interface OutboxRecord extends Omit<ValidUsageRecord, 'row'> {
  id: number;
  windowClosesAt: number;
  attempts: number;
}

export interface AttemptProof {
  startedAt: number;
  ts: string;
  nonce: string;
  bodySha256: string;
  recordCount: number;
}

export interface AttemptResult {
  finishedAt: number;
  httpStatus: number | null;
  code: string | null;
  message: string;
  outcome: string;
}

export interface InsertOptions {
  now: number;
  source: string;
  sourceFile: string | null;
  startOffsetMs: number;
}

class RolledBack extends Error {}

const OUTBOX_COLUMNS = `id, metering_sn AS meteringSn, instance_id AS instanceId, product_id AS productId, begin_at AS beginAt,
  end_at AS endAt, recorded_at AS recordedAt, usage_value AS usageValue, relate_pkg_instance AS relatePkgInstance,
  billing_cycle AS billingCycle, window_closes_at AS windowClosesAt, attempts`;

/** A window closing within this many ms counts as "due soon" (status bar, overview). */
export const DUE_SOON_MS = 15 * 60_000;

/**
 * The usage outbox's tables (usage_records, upload_attempts, upload_attempt_records): every
 * statement that touches them, and nothing else. Every write is one transaction.
 */
export class UsageStore {
  constructor(private readonly db: SqliteDatabase) {}

  /** Instances usage was captured for, most recent first, with the cycle they were billed by. */
  capturedInstances(limit = 5000): { instanceId: string; billingCycle: 'hourly' | 'daily' }[] {
    return this.db
      .prepare(
        `SELECT instance_id AS instanceId, billing_cycle AS billingCycle FROM usage_records
         GROUP BY instance_id ORDER BY MAX(created_at) DESC LIMIT ?`,
      )
      .all(limit) as { instanceId: string; billingCycle: 'hourly' | 'daily' }[];
  }

  /** Which identities or metering_sn values already exist, and in what state. */
  findExisting(records: ValidUsageRecord[], exceptId = 0): Map<string, { state: UsageState; by: 'identity' | 'metering_sn' }> {
    const byIdentity = this.db.prepare('SELECT state FROM usage_records WHERE instance_id = ? AND begin_at = ? AND end_at = ? AND id != ?');
    const bySn = this.db.prepare('SELECT state FROM usage_records WHERE metering_sn = ? AND id != ?');
    const found = new Map<string, { state: UsageState; by: 'identity' | 'metering_sn' }>();
    for (const record of records) {
      const identity = byIdentity.get(record.instanceId, record.beginAt, record.endAt, exceptId) as { state: UsageState } | undefined;
      const sn = identity ? undefined : (bySn.get(record.meteringSn, exceptId) as { state: UsageState } | undefined);
      if (identity) found.set(identityKey(record), { state: identity.state, by: 'identity' });
      else if (sn) found.set(identityKey(record), { state: sn.state, by: 'metering_sn' });
    }
    return found;
  }

  /**
   * Queues records in one transaction; `startOffsetMs` spreads this install's pushes inside each
   * window. A record that already exists (same identity or metering_sn) is not inserted but returned
   * as a conflict; with `allOrNothing`, any conflict rolls the whole transaction back.
   */
  insert(records: ValidUsageRecord[], options: InsertOptions & { allOrNothing?: boolean }): { inserted: number; conflicts: ValidUsageRecord[] } {
    const statement = this.db.prepare(
      `INSERT INTO usage_records (metering_sn, instance_id, product_id, begin_at, end_at, recorded_at, usage_value, relate_pkg_instance,
         billing_cycle, state, window_opens_at, window_closes_at, eligible_at, source, source_file, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    const conflicts: ValidUsageRecord[] = [];
    let inserted = 0;
    try {
      this.db.transaction(() => {
        for (const r of records) {
          const window = reportingWindow(r.endAt, r.billingCycle);
          const { changes } = statement.run(
            r.meteringSn,
            r.instanceId,
            r.productId,
            r.beginAt,
            r.endAt,
            r.recordedAt,
            r.usageValue,
            r.relatePkgInstance,
            r.billingCycle,
            window.opensAt,
            window.closesAt,
            window.opensAt + options.startOffsetMs,
            options.source,
            options.sourceFile,
            options.now,
            options.now,
          );
          if (changes === 0) conflicts.push(r);
          else inserted++;
        }
        if (options.allOrNothing && conflicts.length > 0) throw new RolledBack();
      })();
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error;
      inserted = 0;
    }
    return { inserted, conflicts };
  }

  /** A corrected record goes back to the queue with its new values and a fresh attempt count. */
  requeue(id: number, r: ValidUsageRecord, options: { now: number; startOffsetMs: number }): void {
    const window = reportingWindow(r.endAt, r.billingCycle);
    this.db
      .prepare(
        `UPDATE usage_records SET metering_sn = ?, begin_at = ?, end_at = ?, usage_value = ?, state = 'queued', window_opens_at = ?,
           window_closes_at = ?, eligible_at = ?, timeliness = NULL, attempts = 0, next_attempt_at = NULL, last_error_code = NULL,
           last_error_message = NULL, accepted_at = NULL, updated_at = ? WHERE id = ?`,
      )
      .run(r.meteringSn, r.beginAt, r.endAt, r.usageValue, window.opensAt, window.closesAt, window.opensAt + options.startOffsetMs, options.now, id);
  }

  /**
   * Leases the most urgent sendable records (earliest deadline first): queued ones whose time has
   * come, and ones whose previous lease expired (a crashed sender).
   */
  claim(owner: string, now: number, leaseMs: number, limit: number): OutboxRecord[] {
    return this.db.transaction(() => {
      const rows = this.db
        .prepare(
          `SELECT ${OUTBOX_COLUMNS} FROM usage_records
           WHERE (state = 'queued' AND eligible_at <= @now AND COALESCE(next_attempt_at, 0) <= @now)
              OR (state = 'sending' AND lease_until <= @now)
           ORDER BY window_closes_at, id LIMIT @limit`,
        )
        .all({ now, limit }) as OutboxRecord[];
      const lease = this.db.prepare(
        `UPDATE usage_records SET state = 'sending', lease_owner = ?, lease_until = ?, attempts = attempts + 1, updated_at = ? WHERE id = ?`,
      );
      for (const row of rows) lease.run(owner, now + leaseMs, now, row.id);
      return rows.map((row) => ({ ...row, attempts: row.attempts + 1 }));
    })();
  }

  /** Accepted by the marketplace at `acceptedAt`; each record's timeliness follows its window's rule. */
  /** Owners holding leases on records being sent now. */
  leaseOwners(): string[] {
    return this.db.prepare(`SELECT DISTINCT lease_owner FROM usage_records WHERE state = 'sending' AND lease_owner IS NOT NULL`).pluck().all() as string[];
  }

  /** Back to the queue, due at once: records whose lease holder is gone (a crash). Says how many. */
  releaseLeasesOf(owners: string[], now: number): number {
    const release = this.db.prepare(
      `UPDATE usage_records SET state = 'queued', lease_owner = NULL, lease_until = NULL, next_attempt_at = NULL, updated_at = ?
       WHERE state = 'sending' AND lease_owner = ?`,
    );
    return this.db.transaction(() => owners.reduce((released, owner) => released + release.run(now, owner).changes, 0))();
  }

  markAccepted(ids: number[], acceptedAt: number): void {
    const windowOf = this.db.prepare('SELECT window_opens_at AS opensAt, billing_cycle AS cycle FROM usage_records WHERE id = ?');
    const accept = this.db.prepare(
      `UPDATE usage_records SET state = 'accepted', accepted_at = @at, timeliness = @timeliness, lease_owner = NULL, lease_until = NULL,
         updated_at = @at, last_error_code = NULL, last_error_message = NULL
       WHERE id = @id AND state = 'sending'`,
    );
    this.db.transaction(() => {
      for (const id of ids) {
        const row = windowOf.get(id) as { opensAt: number; cycle: BillingCycle } | undefined;
        if (row) accept.run({ id, at: acceptedAt, timeliness: timeliness(windowOpeningAt(row.opensAt, row.cycle), acceptedAt) });
      }
    })();
  }

  /** Back to the queue, not before `nextAttemptAt`; the error is kept for the page. */
  release(ids: number[], nextAttemptAt: number, now: number, code: string | null, message: string): void {
    this.updateEach(
      ids,
      `UPDATE usage_records SET state = 'queued', lease_owner = NULL, lease_until = NULL, next_attempt_at = @next,
         last_error_code = @code, last_error_message = @message, updated_at = @now WHERE id = @id AND state = 'sending'`,
      { next: nextAttemptAt, now, code, message },
    );
  }

  /** Refused for good (kept, never deleted): `rejected`, or `expired` for the 21-day limit. */
  finish(ids: number[], state: 'rejected' | 'expired', now: number, code: string | null, message: string): void {
    this.updateEach(
      ids,
      `UPDATE usage_records SET state = @state, lease_owner = NULL, lease_until = NULL, last_error_code = @code,
         last_error_message = @message, updated_at = @now WHERE id = @id`,
      { state, now, code, message },
    );
  }

  /** Queued records past the 21-day limit are expired before they are sent (KooGallery would refuse them). */
  expireOld(now: number, expiryMs: number): number {
    return this.db
      .prepare(
        `UPDATE usage_records SET state = 'expired', last_error_code = 'MKT.9004', last_error_message = 'begin_time older than 21 days', updated_at = @now
         WHERE state = 'queued' AND begin_at < @limit`,
      )
      .run({ now, limit: now - expiryMs }).changes;
  }

  /** When the next record becomes sendable (null: nothing waiting). */
  nextDueAt(): number | null {
    const row = this.db
      .prepare(
        `SELECT MIN(CASE state WHEN 'queued' THEN MAX(eligible_at, COALESCE(next_attempt_at, 0)) ELSE lease_until END) AS due
         FROM usage_records WHERE state IN ('queued', 'sending')`,
      )
      .get() as { due: number | null };
    return row.due;
  }

  /** After the network returns: everything waiting on a backoff is due now. */
  clearBackoff(now: number): void {
    this.db.prepare(`UPDATE usage_records SET next_attempt_at = NULL, updated_at = ? WHERE state = 'queued' AND next_attempt_at IS NOT NULL`).run(now);
  }

  beginAttempt(proof: AttemptProof, recordIds: number[]): number {
    return this.db.transaction(() => {
      const id = Number(
        this.db
          .prepare('INSERT INTO upload_attempts (started_at, ts, nonce, body_sha256, record_count) VALUES (?, ?, ?, ?, ?)')
          .run(proof.startedAt, proof.ts, proof.nonce, proof.bodySha256, proof.recordCount).lastInsertRowid,
      );
      const link = this.db.prepare('INSERT INTO upload_attempt_records (attempt_id, record_id) VALUES (?, ?)');
      for (const recordId of recordIds) link.run(id, recordId);
      return id;
    })();
  }

  finishAttempt(id: number, result: AttemptResult): void {
    this.db
      .prepare('UPDATE upload_attempts SET finished_at = ?, http_status = ?, code = ?, message = ?, outcome = ? WHERE id = ?')
      .run(result.finishedAt, result.httpStatus, result.code, result.message, result.outcome, id);
  }

  /** Windows closing in (from, until] that still have unsent records. */
  windowsAtRisk(from: number, until: number): { windowClosesAt: number; unsent: number }[] {
    return this.db
      .prepare(
        `SELECT window_closes_at AS windowClosesAt, COUNT(*) AS unsent FROM usage_records
         WHERE state IN ('queued', 'sending') AND window_closes_at > ? AND window_closes_at <= ? GROUP BY window_closes_at`,
      )
      .all(from, until) as { windowClosesAt: number; unsent: number }[];
  }

  /** Records the marketplace accepted but lists as anomalies (Seller Center's anomaly list, reconciled). */
  anomalyCount(): number {
    return this.db.prepare(`SELECT COUNT(*) FROM usage_records WHERE state = 'anomaly'`).pluck().get() as number;
  }

  /** A stored record, by its local id, in the shape validation takes (for 更正). */
  rawRecord(id: number): Record<string, unknown> | undefined {
    return this.db.prepare('SELECT * FROM usage_records WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  }

  /** The status bar's queue: what waits, what is being sent, what is due soon or already late. */
  queueSummary(now: number): UsageQueueSummary {
    return this.db
      .prepare(
        `SELECT
           COALESCE(SUM(state = 'queued'), 0) AS queued,
           COALESCE(SUM(state = 'sending'), 0) AS sending,
           COALESCE(SUM(window_closes_at >= @now AND window_closes_at < @soon), 0) AS dueSoon,
           COALESCE(SUM(window_closes_at < @now), 0) AS atRisk
         FROM usage_records
         WHERE state IN ('queued', 'sending')`,
      )
      .get({ now, soon: now + DUE_SOON_MS }) as UsageQueueSummary;
  }

  /** 话单管理: one row per reporting window with counts by outcome, newest first. */
  windows(limit: number, before: number | undefined): UsageWindow[] {
    const rows = this.db
      .prepare(
        `SELECT ${WINDOW_COUNTS} FROM usage_records WHERE window_opens_at < @before GROUP BY window_opens_at, billing_cycle ORDER BY window_opens_at DESC LIMIT @limit`,
      )
      .all({ before: before ?? Number.MAX_SAFE_INTEGER, limit }) as Omit<UsageWindow, 'onTimeRatio'>[];
    return rows.map((row) => ({ ...row, onTimeRatio: row.records === row.waiting ? null : row.onTime / row.records }));
  }

  /** The records of one window (drill-down), optionally of one state. */
  records(windowOpensAt: number, state: string | undefined, afterId: number, limit: number): UsageRecordView[] {
    return this.db
      .prepare(
        `SELECT id, metering_sn AS meteringSn, instance_id AS instanceId, begin_at AS beginAt, end_at AS endAt, usage_value AS usageValue,
           billing_cycle AS billingCycle, state, timeliness, attempts, last_error_code AS lastErrorCode,
           last_error_message AS lastErrorMessage, accepted_at AS acceptedAt
         FROM usage_records WHERE window_opens_at = @windowOpensAt AND (@state IS NULL OR state = @state) AND id > @afterId
         ORDER BY id LIMIT @limit`,
      )
      .all({ windowOpensAt, state: state ?? null, afterId, limit }) as UsageRecordView[];
  }

  /** The upload attempts log, newest first. */
  attempts(limit: number, beforeId: number | undefined): UploadAttempt[] {
    return this.db
      .prepare(
        `SELECT id, started_at AS startedAt, finished_at AS finishedAt, ts, nonce, body_sha256 AS bodySha256, record_count AS recordCount,
           http_status AS httpStatus, code, message, outcome
         FROM upload_attempts WHERE id < ? ORDER BY id DESC LIMIT ?`,
      )
      .all(beforeId ?? Number.MAX_SAFE_INTEGER, limit) as UploadAttempt[];
  }

  /** The accepted (or already anomalous) record with this identity: Seller Center's SDR list names records this way. */
  findAccepted(instanceId: string, beginAt: number, endAt: number): number | null {
    const id = this.db
      .prepare(`SELECT id FROM usage_records WHERE instance_id = ? AND begin_at = ? AND end_at = ? AND state IN ('accepted', 'anomaly')`)
      .pluck()
      .get(instanceId, beginAt, endAt);
    return (id as number | undefined) ?? null;
  }

  /** Records the marketplace listed as anomalies, with its reason, in one transaction. */
  markAnomalies(matches: { id: number; reason: string }[], now: number): void {
    const mark = this.db.prepare(
      `UPDATE usage_records SET state = 'anomaly', last_error_code = 'ANOMALY', last_error_message = ?, updated_at = ? WHERE id = ?`,
    );
    this.db.transaction(() => {
      for (const match of matches) mark.run(match.reason, now, match.id);
    })();
  }

  private updateEach(ids: number[], sql: string, params: Record<string, unknown>): void {
    const statement = this.db.prepare(sql);
    this.db.transaction(() => {
      for (const id of ids) statement.run({ ...params, id });
    })();
  }
}

/** 话单管理's counts per window (key, export header, SQL), shared by the page and the on-time report export. */
export const WINDOW_OUTCOMES = [
  ['records', '话单数', 'COUNT(*)'],
  ['waiting', '待发送', `SUM(state IN ('queued', 'sending'))`],
  ['onTime', '准时', `SUM(state = 'accepted' AND timeliness = 'on_time')`],
  ['late', '迟报', `SUM(state = 'accepted' AND timeliness = 'late')`],
  ['overdue', '超时', `SUM(state = 'accepted' AND timeliness = 'overdue')`],
  ['rejected', '拒绝', `SUM(state = 'rejected')`],
  ['expired', '过期', `SUM(state = 'expired')`],
  ['anomaly', '异常', `SUM(state = 'anomaly')`],
] as const;

const WINDOW_COUNTS = `window_opens_at AS windowOpensAt, MAX(window_closes_at) AS windowClosesAt, billing_cycle AS billingCycle,
  ${WINDOW_OUTCOMES.map(([key, , sql]) => `${sql} AS ${key}`).join(', ')}`;
