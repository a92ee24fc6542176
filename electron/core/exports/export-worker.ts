import { parentPort, workerData } from 'node:worker_threads';
import { openWorkerConnection } from '../db';
import { ExportCancelled, writeExportFile, type ExportFileRequest } from './export-file';

/**
 * The export worker: streams one export to its file (export-file.ts) from its own read-only
 * connection, reporting progress, until done, failed or cancelled. One worker per export, so no
 * export holds up the core's event loop, a sync or a usage flush.
 */
export interface ExportWorkerData {
  file: string;
  request: ExportFileRequest;
  nativeBinding?: string;
}

export type ExportWorkerRequest = { type: 'cancel' };

export type ExportWorkerMessage =
  | { type: 'progress'; rows: number; total: number }
  | { type: 'done'; result: Awaited<ReturnType<typeof writeExportFile>> }
  | { type: 'failed'; cancelled: boolean; code: string | null; syscall: string | null; message: string };

const EXPORT_CACHE_KIB = 2048;

if (parentPort) void runExport(workerData as ExportWorkerData);

async function runExport({ file, request, nativeBinding }: ExportWorkerData): Promise<void> {
  const post = (message: ExportWorkerMessage) => parentPort!.postMessage(message);
  let cancelled = false;
  parentPort!.on('message', (message: ExportWorkerRequest) => {
    if (message.type === 'cancel') cancelled = true;
  });
  const db = openWorkerConnection(file, { nativeBinding, readonly: true });
  // Rows are read once, in index order: the default 16 MB page cache held pages never read again
  // (14 MB more RSS, no faster).
  db.pragma(`cache_size = -${EXPORT_CACHE_KIB}`);
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
