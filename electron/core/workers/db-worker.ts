import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/**
 * A worker thread with its own SQLite connection, for work that must never hold up the core's
 * event loop. Role `checkpoints`: copies the WAL back into the database file every `intervalMs`
 * (a checkpoint after a 1,000,000-row sync copies hundreds of MB: about 0.5 s per 190 MB here).
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

function runCheckpoints({ file, intervalMs, nativeBinding }: CheckpointsWorkerData): void {
  const db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), intervalMs);
  parentPort!.on('message', (message: DbWorkerRequest) => {
    if (message.type !== 'stop') return;
    clearInterval(timer);
    db.close();
    parentPort!.close();
  });
}
