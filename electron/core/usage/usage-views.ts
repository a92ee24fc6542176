import type { z } from 'zod';
import type { SqliteDatabase } from '../db';
import type { uploadAttemptSchema, usageRecordViewSchema, usageWindowSchema } from '../contract/usage.contract';

type UsageWindow = z.infer<typeof usageWindowSchema>;
type UsageRecordView = z.infer<typeof usageRecordViewSchema>;
type UploadAttempt = z.infer<typeof uploadAttemptSchema>;

/** 话单管理: one row per reporting window with counts by outcome. */
export function listWindows(db: SqliteDatabase, limit: number, before: number | undefined): UsageWindow[] {
  const rows = db
    .prepare(
      `SELECT window_opens_at AS windowOpensAt, MAX(window_closes_at) AS windowClosesAt, billing_cycle AS billingCycle,
         COUNT(*) AS records,
         SUM(state IN ('queued', 'sending')) AS waiting,
         SUM(state = 'accepted' AND timeliness = 'on_time') AS onTime,
         SUM(state = 'accepted' AND timeliness = 'late') AS late,
         SUM(state = 'accepted' AND timeliness = 'overdue') AS overdue,
         SUM(state = 'rejected') AS rejected,
         SUM(state = 'expired') AS expired,
         SUM(state = 'anomaly') AS anomaly
       FROM usage_records WHERE window_opens_at < @before
       GROUP BY window_opens_at, billing_cycle ORDER BY window_opens_at DESC LIMIT @limit`,
    )
    .all({ before: before ?? Number.MAX_SAFE_INTEGER, limit }) as Omit<UsageWindow, 'onTimeRatio'>[];
  return rows.map((row) => {
    const settled = row.records - row.waiting;
    return { ...row, onTimeRatio: settled === 0 ? null : row.onTime / row.records };
  });
}

export function listRecords(db: SqliteDatabase, windowOpensAt: number, state: string | undefined, afterId: number, limit: number): UsageRecordView[] {
  return db
    .prepare(
      `SELECT id, metering_sn AS meteringSn, instance_id AS instanceId, begin_at AS beginAt, end_at AS endAt, usage_value AS usageValue,
         billing_cycle AS billingCycle, state, timeliness, attempts, last_error_code AS lastErrorCode,
         last_error_message AS lastErrorMessage, accepted_at AS acceptedAt
       FROM usage_records WHERE window_opens_at = @windowOpensAt AND (@state IS NULL OR state = @state) AND id > @afterId
       ORDER BY id LIMIT @limit`,
    )
    .all({ windowOpensAt, state: state ?? null, afterId, limit }) as UsageRecordView[];
}

const ATTEMPT_COLUMNS = `id, started_at AS startedAt, finished_at AS finishedAt, ts, nonce, body_sha256 AS bodySha256,
  record_count AS recordCount, http_status AS httpStatus, code, message, outcome`;

export function listAttempts(db: SqliteDatabase, limit: number, beforeId: number | undefined): UploadAttempt[] {
  return db
    .prepare(`SELECT ${ATTEMPT_COLUMNS} FROM upload_attempts WHERE id < ? ORDER BY id DESC LIMIT ?`)
    .all(beforeId ?? Number.MAX_SAFE_INTEGER, limit) as UploadAttempt[];
}
