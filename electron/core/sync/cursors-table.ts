import { syncResourceSchema, type AppStatus, type SyncResource } from '../contract';
import type { SqliteDatabase } from '../db';

export interface CursorState {
  resource: SyncResource;
  lastSyncedAt: number | null;
  cursor: string | null;
  /** Transaction details: everything before this instant is in the cache (T+1). */
  completeThrough: number | null;
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

  all(): CursorState[] {
    const rows = this.db
      .prepare('SELECT resource, cursor, last_synced_at AS lastSyncedAt, complete_through AS completeThrough FROM sync_cursors')
      .all() as CursorState[];
    const byResource = new Map(rows.map((r) => [r.resource, r]));
    return syncResourceSchema.options.map((resource) => byResource.get(resource) ?? { resource, cursor: null, lastSyncedAt: null, completeThrough: null });
  }

  /** The status bar's sync line. */
  summary(running: boolean): AppStatus['sync'] {
    const resources = this.all();
    const times = resources.map((r) => r.lastSyncedAt).filter((t): t is number => t !== null);
    const lastSyncedAt = times.length ? Math.max(...times) : null;
    return { state: running ? 'running' : lastSyncedAt === null ? 'never' : 'idle', lastSyncedAt, resources };
  }
}
