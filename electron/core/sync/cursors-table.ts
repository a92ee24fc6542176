import { syncErrorSchema, syncResourceSchema, type AppStatus, type SyncError, type SyncResource } from '../contract';
import type { SqliteDatabase } from '../db';

export interface CursorState {
  resource: SyncResource;
  lastSyncedAt: number | null;
  cursor: string | null;
  /** Transaction details: everything before this instant is in the cache (T+1). */
  completeThrough: number | null;
  error: SyncError | null;
}

/** The `sync_cursors` table: where each resource's sync resumes, and when it last ran. */
export class CursorsTable {
  private readonly saveStatement;

  constructor(private readonly db: SqliteDatabase) {
    this.saveStatement = db.prepare(
      `INSERT INTO sync_cursors (resource, cursor, last_synced_at, complete_through) VALUES (@resource, @cursor, @at, @through)
       ON CONFLICT (resource) DO UPDATE SET cursor = excluded.cursor, last_synced_at = excluded.last_synced_at,
         complete_through = COALESCE(excluded.complete_through, sync_cursors.complete_through)`,
    );
  }

  cursor(resource: SyncResource): string | null {
    return (this.db.prepare('SELECT cursor FROM sync_cursors WHERE resource = ?').pluck().get(resource) as string | null | undefined) ?? null;
  }

  /** Call in the transaction that writes the page the cursor follows. */
  save(resource: SyncResource, cursor: string | null, at: number, completeThrough: number | null): void {
    this.saveStatement.run({ resource, cursor, at, through: completeThrough });
  }

  /** How a run ended: an error is kept until a run of the resource succeeds. */
  recordOutcome(resource: SyncResource, error: SyncError | null): void {
    this.db
      .prepare(
        `INSERT INTO sync_cursors (resource, last_error_json, last_error_at) VALUES (@resource, @json, @at)
         ON CONFLICT (resource) DO UPDATE SET last_error_json = excluded.last_error_json, last_error_at = excluded.last_error_at`,
      )
      .run({ resource, json: error ? JSON.stringify(error) : null, at: error?.at ?? null });
  }

  all(): CursorState[] {
    const rows = this.db
      .prepare('SELECT resource, cursor, last_synced_at AS lastSyncedAt, complete_through AS completeThrough, last_error_json AS errorJson FROM sync_cursors')
      .all() as (Omit<CursorState, 'error'> & { errorJson: string | null })[];
    const byResource = new Map(rows.map(({ errorJson, ...row }) => [row.resource, { ...row, error: parseError(errorJson) }]));
    return syncResourceSchema.options.map(
      (resource) => byResource.get(resource) ?? { resource, cursor: null, lastSyncedAt: null, completeThrough: null, error: null },
    );
  }

  /** The status bar's sync line: per resource, and all together. */
  summary(running: (resource: SyncResource) => boolean): AppStatus['sync'] {
    const resources = this.all().map((cursor) => ({
      ...cursor,
      state: running(cursor.resource)
        ? ('running' as const)
        : cursor.error
          ? ('error' as const)
          : cursor.lastSyncedAt === null
            ? ('never' as const)
            : ('idle' as const),
    }));
    const times = resources.map((r) => r.lastSyncedAt).filter((t): t is number => t !== null);
    const lastSyncedAt = times.length ? Math.max(...times) : null;
    const states = new Set(resources.map((r) => r.state));
    const state = states.has('running') ? 'running' : states.has('error') ? 'error' : lastSyncedAt === null ? 'never' : 'idle';
    return { state, lastSyncedAt, resources };
  }
}

function parseError(json: string | null): SyncError | null {
  if (!json) return null;
  const parsed = syncErrorSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}
