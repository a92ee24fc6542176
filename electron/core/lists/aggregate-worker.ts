import { parentPort, workerData } from 'node:worker_threads';
import { openWorkerConnection, type SqliteDatabase as Database } from '../db';

/**
 * Sums over big lists (交易明细's 合计 over 1,000,000 rows takes a few hundred ms) on a thread with
 * its own read-only connection, so no page, count or scroll waits behind them. An answer is kept
 * while the database has not changed (PRAGMA data_version moves when another connection commits).
 */
export interface AggregateWorkerData {
  file: string;
  nativeBinding?: string;
}

export type AggregateRequest =
  | { type: 'row'; id: number; sql: string; params: Record<string, unknown> }
  /** Every row of `sql` as arrays, read from one snapshot; `pinned[0]` turns 1 (and is notified) once the snapshot is taken. */
  | { type: 'snapshotRows'; id: number; sql: string; pinned: Int32Array }
  | { type: 'stop' };
export type AggregateAnswer = { id: number; row: unknown } | { id: number; rows: unknown[][] } | { id: number; error: string };

const MAX_KEPT = 64;

if (parentPort) serve(workerData as AggregateWorkerData);

function serve({ file, nativeBinding }: AggregateWorkerData): void {
  const db = openWorkerConnection(file, { nativeBinding, readonly: true });
  let stamp: unknown = null;
  const kept = new Map<string, unknown>();
  parentPort!.on('message', (request: AggregateRequest) => {
    if (request.type === 'stop') {
      db.close();
      parentPort!.close();
      return;
    }
    if (request.type === 'snapshotRows') return snapshotRows(db, request);
    try {
      const version = db.pragma('data_version', { simple: true });
      if (version !== stamp) {
        kept.clear();
        stamp = version;
      }
      const key = `${request.sql}\u0000${JSON.stringify(request.params)}`;
      if (!kept.has(key)) {
        if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
        kept.set(key, db.prepare(request.sql).get(request.params));
      }
      parentPort!.postMessage({ id: request.id, row: kept.get(key) } satisfies AggregateAnswer);
    } catch (error) {
      parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies AggregateAnswer);
    }
  });
}

/** Pins a read snapshot (a read transaction starts at its first read), says so, then reads the rows from it. */
function snapshotRows(db: Database, request: Extract<AggregateRequest, { type: 'snapshotRows' }>): void {
  try {
    db.exec('BEGIN');
    try {
      db.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get();
      Atomics.store(request.pinned, 0, 1);
      Atomics.notify(request.pinned, 0);
      const rows = db.prepare(request.sql).raw().all() as unknown[][];
      parentPort!.postMessage({ id: request.id, rows } satisfies AggregateAnswer);
    } finally {
      db.exec('COMMIT');
    }
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies AggregateAnswer);
  }
}
