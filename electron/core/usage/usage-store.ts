import type { SqliteDatabase } from '../db';
import { reportingWindow } from './reporting-window';
import { identityKey, type ValidUsageRecord } from './usage-validation';

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

/** The usage outbox's SQL, and nothing else: every write is one transaction. */
export class UsageStore {
  constructor(private readonly db: SqliteDatabase) {}

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
            r.meteringSn, r.instanceId, r.productId, r.beginAt, r.endAt, r.recordedAt, r.usageValue, r.relatePkgInstance, r.billingCycle,
            window.opensAt, window.closesAt, window.opensAt + options.startOffsetMs, options.source, options.sourceFile, options.now, options.now,
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

  markAccepted(ids: number[], acceptedAt: number): void {
    this.updateEach(
      ids,
      `UPDATE usage_records SET state = 'accepted', accepted_at = @at, lease_owner = NULL, lease_until = NULL, updated_at = @at,
         last_error_code = NULL, last_error_message = NULL,
         timeliness = CASE
           WHEN @at <= window_closes_at THEN 'on_time'
           WHEN @at <= CASE billing_cycle WHEN 'hourly' THEN window_closes_at + 7200000 ELSE window_opens_at + 3600000 END THEN 'late'
           ELSE 'overdue' END
       WHERE id = @id AND state = 'sending'`,
      { at: acceptedAt },
    );
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

  /** This install's random start offset inside each window (0–5 min), chosen once and kept. */
  startOffsetMs(random: () => number): number {
    const row = this.db.prepare(`SELECT value_json FROM settings WHERE key = 'usage.startOffsetMs'`).get() as { value_json: string } | undefined;
    if (row) return Number(JSON.parse(row.value_json));
    const offset = Math.floor(random() * 5 * 60_000);
    this.db.prepare(`INSERT INTO settings (key, value_json, updated_at) VALUES ('usage.startOffsetMs', ?, ?)`).run(JSON.stringify(offset), Date.now());
    return offset;
  }

  private updateEach(ids: number[], sql: string, params: Record<string, unknown>): void {
    const statement = this.db.prepare(sql);
    this.db.transaction(() => {
      for (const id of ids) statement.run({ ...params, id });
    })();
  }
}
