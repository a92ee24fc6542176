import type { SqliteDatabase } from '../db';
import { syncResourceSchema, type AppStatus, type UsageQueueSummary } from '../contract/status.contract';

/** A window closing within this many ms counts as "due soon" in the status bar. */
export const DUE_SOON_MS = 15 * 60_000;

export function readUsageQueueSummary(db: SqliteDatabase, now: number): UsageQueueSummary {
  const row = db
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
  return row;
}

export function readSyncSummary(db: SqliteDatabase, running: boolean): AppStatus['sync'] {
  const rows = db.prepare('SELECT resource, cursor, last_synced_at, complete_through FROM sync_cursors').all() as {
    resource: string;
    cursor: string | null;
    last_synced_at: number | null;
    complete_through: number | null;
  }[];
  const byResource = new Map(rows.map((r) => [r.resource, r]));
  const resources = syncResourceSchema.options.map((resource) => ({
    resource,
    lastSyncedAt: byResource.get(resource)?.last_synced_at ?? null,
    cursor: byResource.get(resource)?.cursor ?? null,
    completeThrough: byResource.get(resource)?.complete_through ?? null,
  }));
  const times = resources.map((r) => r.lastSyncedAt).filter((t): t is number => t !== null);
  const lastSyncedAt = times.length ? Math.max(...times) : null;
  return { state: running ? 'running' : lastSyncedAt === null ? 'never' : 'idle', lastSyncedAt, resources };
}
