import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { ExportCancelled, writeExportFile, type ExportFileRequest } from '../exports/export-file';

/**
 * A worker thread with its own SQLite connection, for work that must never hold up the core's
 * event loop. Role `checkpoints`: copies the WAL back into the database file (a checkpoint after a
 * 1,000,000-row sync copies hundreds of MB: about 0.5 s per 190 MB here). While writes keep coming
 * it checkpoints every second, when idle every `intervalMs`, and at once on a `checkpoint` request
 * (a long writer letting it catch up: checkpoints.ts). Role `export`: streams one export to its file
 * (exports/export-file.ts) from a read-only connection, reporting progress, until done, failed or
 * cancelled.
 */
export interface CheckpointsWorkerData {
  role: 'checkpoints';
  file: string;
  intervalMs: number;
  nativeBinding?: string;
}

export interface ExportWorkerData {
  role: 'export';
  file: string;
  request: ExportFileRequest;
  nativeBinding?: string;
}

export type DbWorkerData = CheckpointsWorkerData | ExportWorkerData;

export type DbWorkerRequest = { type: 'stop' } | { type: 'cancel' } | { type: 'checkpoint' };

/** The checkpoint worker's answer to a `checkpoint` request. */
export type CheckpointsWorkerMessage = { type: 'checkpointed' };

export type ExportWorkerMessage =
  | { type: 'progress'; rows: number; total: number }
  | { type: 'done'; result: Awaited<ReturnType<typeof writeExportFile>> }
  | { type: 'failed'; cancelled: boolean; code: string | null; syscall: string | null; message: string };

const data = workerData as DbWorkerData;
if (data.role === 'checkpoints') runCheckpoints(data);
else if (data.role === 'export') void runExport(data);

const BUSY_INTERVAL_MS = 1_000;

/** This worker's own connection to the app's database (never a new file). */
function connect(file: string, nativeBinding: string | undefined, readonly: boolean): Database.Database {
  return new Database(file, { readonly, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
}

function runCheckpoints({ file, intervalMs, nativeBinding }: CheckpointsWorkerData): void {
  const db = connect(file, nativeBinding, false);
  let timer: NodeJS.Timeout;
  const checkpoint = () => {
    clearTimeout(timer);
    const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    const copied = (result?.checkpointed ?? 0) > 0;
    timer = setTimeout(checkpoint, copied ? Math.min(BUSY_INTERVAL_MS, intervalMs) : intervalMs);
  };
  timer = setTimeout(checkpoint, intervalMs);
  parentPort!.on('message', (message: DbWorkerRequest) => {
    if (message.type === 'checkpoint') {
      checkpoint();
      parentPort!.postMessage({ type: 'checkpointed' } satisfies CheckpointsWorkerMessage);
    }
    if (message.type !== 'stop') return;
    clearTimeout(timer);
    db.close();
    parentPort!.close();
  });
}

async function runExport({ file, request, nativeBinding }: ExportWorkerData): Promise<void> {
  const post = (message: ExportWorkerMessage) => parentPort!.postMessage(message);
  let cancelled = false;
  parentPort!.on('message', (message: DbWorkerRequest) => {
    if (message.type === 'cancel') cancelled = true;
  });
  const db = connect(file, nativeBinding, true);
  try {
    const result = await writeExportFile(db, request, { progress: (rows, total) => post({ type: 'progress', rows, total }), cancelled: () => cancelled });
    post({ type: 'done', result });
  } catch (error) {
    const { code = null, syscall = null } = error as NodeJS.ErrnoException;
    post({ type: 'failed', cancelled: error instanceof ExportCancelled, code, syscall, message: error instanceof Error ? error.message : String(error) });
  } finally {
    db.close();
    parentPort!.close();
  }
}
