import { parentPort, workerData } from 'node:worker_threads';
import { openWorkerConnection } from '../db';
import { ExportCancelled, writeExportFile, type ExportFileRequest, type SecondReader } from './export-file';
import { startSecondReader } from './second-reader';

/**
 * The export worker: streams one export to its file (export-file.ts) from its own read-only
 * connection, reporting progress, until done, failed or cancelled. One worker per export, so no
 * export holds up the core's event loop, a sync or a usage flush; a big sheet gets a second reader
 * on a thread of its own (second-reader.ts).
 */
export interface ExportWorkerData {
  file: string;
  request: ExportFileRequest;
  nativeBinding?: string;
  /** Rows from which an XLSX sheet is written by two readers (default export-file.ts SPLIT_MIN_ROWS). */
  splitMinRows?: number;
}

export type ExportWorkerRequest = { type: 'cancel' };

export type ExportWorkerMessage =
  | { type: 'progress'; rows: number; total: number }
  | { type: 'done'; result: Awaited<ReturnType<typeof writeExportFile>> }
  | { type: 'failed'; cancelled: boolean; code: string | null; syscall: string | null; message: string };

const EXPORT_CACHE_KIB = 2048;

if (parentPort) void runExport(workerData as ExportWorkerData);

async function runExport({ file, request, nativeBinding, splitMinRows }: ExportWorkerData): Promise<void> {
  const post = (message: ExportWorkerMessage) => parentPort!.postMessage(message);
  let cancelled = false;
  let second: SecondReader | null = null;
  parentPort!.on('message', (message: ExportWorkerRequest) => {
    if (message.type !== 'cancel') return;
    cancelled = true;
    void second?.close(); // a second reader still writing stops now; the export fails as cancelled
  });
  const db = openWorkerConnection(file, { nativeBinding, readonly: true });
  // Rows are read once, in index order: the default 16 MB page cache held pages never read again
  // (14 MB more RSS, no faster).
  db.pragma(`cache_size = -${EXPORT_CACHE_KIB}`);
  try {
    const result = await writeExportFile(
      db,
      request,
      { progress: (rows, total) => post({ type: 'progress', rows, total }), cancelled: () => cancelled },
      {
        secondReader: (rows) => {
          second = startSecondReader({ file, ...rows, cacheKib: EXPORT_CACHE_KIB, ...(nativeBinding ? { nativeBinding } : {}) });
          return second;
        },
        ...(splitMinRows ? { splitMinRows } : {}),
      },
    );
    post({ type: 'done', result });
  } catch (error) {
    const { code = null, syscall = null } = error as NodeJS.ErrnoException;
    post({
      type: 'failed',
      cancelled: cancelled || error instanceof ExportCancelled,
      code,
      syscall,
      message: error instanceof Error ? error.message : String(error),
    });
  } finally {
    db.close();
    parentPort!.close();
  }
}
