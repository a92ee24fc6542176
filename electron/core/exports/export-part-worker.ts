import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { openWorkerConnection, type SqliteDatabase } from '../db';
import { labelled, type ExportField, type Query } from '../lists';
import { exportColumns, finishing, pinSnapshot, slice, streamRows } from './export-file';
import { createSheetPartWriter, type DeflatedPart } from './writers';

/**
 * The second reader of a big XLSX export (second-reader.ts starts it): on its own connection it
 * pins the snapshot the export thread pinned, then writes the sheet's last rows as a deflated part.
 * It is told the query and the columns rather than looking the table up, so it loads no more code
 * than that takes.
 */
export interface PartWorkerData {
  file: string;
  /** Every row of the export, in its order (the worker reads a slice of it). */
  query: Query;
  fields: ExportField[];
  cacheKib: number;
  nativeBinding?: string;
}

export type PartWorkerRequest = { type: 'pin' } | { type: 'write'; offset: number; firstRowNumber: number; partFile: string };

export type PartWorkerMessage =
  | { type: 'ready' }
  | { type: 'pinned' }
  | { type: 'progress'; rows: number }
  | { type: 'done'; part: Omit<DeflatedPart, 'file'> }
  | { type: 'failed'; code: string | null; syscall: string | null; message: string };

if (parentPort) serve(workerData as PartWorkerData);

function serve(data: PartWorkerData): void {
  const post = (message: PartWorkerMessage) => parentPort!.postMessage(message);
  const db = openWorkerConnection(data.file, { nativeBinding: data.nativeBinding, readonly: true });
  db.pragma(`cache_size = -${data.cacheKib}`);
  parentPort!.on('message', (message: PartWorkerRequest) => {
    if (message.type === 'pin') {
      if (db.inTransaction) db.exec('ROLLBACK'); // pinned again: a commit fell between the two readers
      pinSnapshot(db);
      post({ type: 'pinned' });
    } else {
      writePart(db, data, message, post).catch((error: unknown) => {
        const { code = null, syscall = null } = error as NodeJS.ErrnoException;
        post({ type: 'failed', code, syscall, message: error instanceof Error ? error.message : String(error) });
      });
    }
  });
  post({ type: 'ready' });
}

async function writePart(
  db: SqliteDatabase,
  { query, fields }: PartWorkerData,
  { offset, firstRowNumber, partFile }: Extract<PartWorkerRequest, { type: 'write' }>,
  post: (message: PartWorkerMessage) => void,
): Promise<void> {
  const out = fs.createWriteStream(partFile, { flags: 'wx', highWaterMark: 1 << 20 });
  const writer = createSheetPartWriter(out, { columns: exportColumns(fields), firstRowNumber });
  const rows = streamRows(db, slice(query, -1, offset), labelled(fields), writer, { cancelled: () => false }, (count) =>
    post({ type: 'progress', rows: count }),
  );
  await finishing(writer, rows); // cancelling is the export thread's: it ends this thread
  db.exec('COMMIT');
  post({ type: 'done', part: writer.part() });
}
