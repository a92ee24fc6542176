import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/**
 * A worker thread with its own SQLite connection, for work that must never hold up the core's
 * event loop. Role `checkpoints`: copies the WAL back into the database file (a checkpoint after a
 * 1,000,000-row sync copies hundreds of MB: about 0.5 s per 190 MB here). While writes keep coming
 * (a sync, an import) it checkpoints every second, so the WAL never piles up; when idle, every
 * `intervalMs`.
 */
export interface CheckpointsWorkerData {
  role: 'checkpoints';
  file: string;
  intervalMs: number;
  nativeBinding?: string;
}

export type DbWorkerData = CheckpointsWorkerData;

export type DbWorkerRequest = { type: 'stop' };

const data = workerData as DbWorkerData;
if (data.role === 'checkpoints') runCheckpoints(data);

const BUSY_INTERVAL_MS = 1_000;

function runCheckpoints({ file, intervalMs, nativeBinding }: CheckpointsWorkerData): void {
  const db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  let timer: NodeJS.Timeout;
  const checkpoint = () => {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    const copied = (result?.checkpointed ?? 0) > 0;
    timer = setTimeout(checkpoint, copied ? Math.min(BUSY_INTERVAL_MS, intervalMs) : intervalMs);
  };
  timer = setTimeout(checkpoint, intervalMs);
  parentPort!.on('message', (message: DbWorkerRequest) => {
    if (message.type !== 'stop') return;
    clearTimeout(timer);
    db.close();
    parentPort!.close();
  });
}
