import { parentPort, workerData } from 'node:worker_threads';
import { openWorkerConnection } from '../db';

/**
 * Sums over big lists (交易明细's 合计 over 1,000,000 rows takes a few hundred ms) on a thread with
 * its own read-only connection, so no page, count or scroll waits behind them. An answer is kept
 * while the database has not changed (PRAGMA data_version moves when another connection commits).
 */
export interface AggregateWorkerData {
  file: string;
  nativeBinding?: string;
}

export type AggregateRequest = { type: 'row'; id: number; sql: string; params: Record<string, unknown> } | { type: 'stop' };
export type AggregateAnswer = { id: number; row: unknown } | { id: number; error: string };

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
