import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ExportResult, ExportSelection } from '../contract';
import type { SqliteDatabase } from '../db';
import { labelled, type ExportField, type ExportTable, type LeftOut, type Query } from '../lists';
import { EXPORT_TABLES } from './export-registry';
import { createCsvWriter, createXlsxWriter, type DeflatedPart, type ExportColumn, type TableWriter } from './writers';

export interface ExportFileRequest {
  selection: ExportSelection;
  format: ExportResult['format'];
  /** The final file; the rows go to a temporary file beside it, renamed on success. */
  target: string;
  /** The time the rows are judged at (a requirement lapsed, a voucher ended): the moment the export started. */
  asOf: number;
}

/** A selection's filters with the time they are judged at, as the lists' conditions read it (`now`). */
export function filtersAsOf(selection: ExportSelection, asOf: number): ExportSelection['filters'] & { now: number } {
  return { ...selection.filters, now: asOf };
}

export interface ExportFileHooks {
  /** Rows written so far, and how many there will be. */
  progress(rows: number, total: number): void;
  cancelled(): boolean;
}

/**
 * A second reader for a big sheet (second-reader.ts): on its own thread and connection, it writes the
 * sheet's last rows while this thread writes the first ones.
 */
export interface SecondReader {
  /**
   * Pins `db`'s read snapshot and the second reader's to the same one (so the two halves are one
   * table); false when commits kept falling between the two, and then `db` is not pinned.
   */
  pin(db: SqliteDatabase): Promise<boolean>;
  /** Writes the rows from `offset` on into `partFile` as the sheet's last rows, numbered from `firstRowNumber`. */
  write(slice: { offset: number; firstRowNumber: number; partFile: string }, progress: (rows: number) => void): Promise<DeflatedPart>;
  /** Stops the reader and its thread (at once, if it is still writing). */
  close(): Promise<void>;
}

export interface ExportFileOptions {
  /** Starts a second reader of the export's rows; without it, or below `splitMinRows`, one thread writes every row. */
  secondReader?: (rows: { query: Query; fields: ExportField[] }) => SecondReader;
  /** Rows from which an XLSX export is split between two readers. */
  splitMinRows?: number;
}

/**
 * The heap of each thread that reads rows. An export makes a short-lived string of every value it
 * reads, and V8's default young generation grows to tens of MB to hold them; 6 MB collects them as
 * often as they die (5-7 MB less peak RSS for a 1,000,000-row export, no slower). What survives a
 * collection is promoted and the old generation grew by ~20 MB per thread over such an export
 * before V8 collected it; 16 MB makes it collect sooner (peak RSS 164 -> 152-153 MB, no slower).
 * What these threads keep alive is 5.5-9 MB (their code and a few chunks), measured.
 */
export const EXPORT_HEAP_LIMITS = { maxYoungGenerationSizeMb: 6, maxOldGenerationSizeMb: 16 };

/** Thrown when the seller cancelled: the temporary file is already removed. */
export class ExportCancelled extends Error {}

const EXCEL_MAX_ROWS = 1_048_576;
const PROGRESS_EVERY_ROWS = 2_000;
/**
 * Below this a second thread (a worker, its connection, pinning the snapshot) saves too little to
 * be worth starting: half of 100,000 rows is about 0.3 s of work.
 */
export const SPLIT_MIN_ROWS = 100_000;

/** Whether an XLSX export of `rows` rows is shared by two readers: enough rows, and all on one sheet. */
function shared(rows: number, options: ExportFileOptions): boolean {
  return rows >= (options.splitMinRows ?? SPLIT_MIN_ROWS) && rows < EXCEL_MAX_ROWS;
}

/**
 * Streams the rows a table's filters select from SQLite into an XLSX or CSV file. Runs on a worker
 * thread with its own read connection. Written to a temporary file in the target folder and renamed
 * when complete, so the final name never holds a partial file; on cancel or failure it is removed.
 * A big XLSX sheet is written by two threads, each reading half the rows from the same snapshot.
 */
export async function writeExportFile(
  db: SqliteDatabase,
  request: ExportFileRequest,
  hooks: ExportFileHooks,
  options: ExportFileOptions = {},
): Promise<Omit<ExportResult, 'fileName' | 'filePath'>> {
  const table = EXPORT_TABLES[request.selection.table] as ExportTable<unknown>;
  const filters = filtersAsOf(request.selection, request.asOf);
  const second = await pinnedSecondReader(db, table, filters, request.format, options);
  const temp = path.join(path.dirname(request.target), `.${path.basename(request.target)}.${crypto.randomBytes(4).toString('hex')}.partial`);
  const partFile = `${temp}.2`;
  try {
    const total = table.count(db, filters);
    const leftOut: LeftOut[] = table.leftOut?.(db, filters) ?? [];
    const split = second && shared(total, options) ? Math.ceil(total / 2) : null;
    const rows =
      split === null
        ? await writeRows(db, table, filters, temp, request.format, hooks, total)
        : await writeRowsInTwo(db, table, filters, temp, { second: second!, split, partFile }, hooks, total);
    fs.renameSync(temp, request.target);
    return { format: request.format, rows, sheets: request.format === 'xlsx' ? Math.max(1, Math.ceil(rows / (EXCEL_MAX_ROWS - 1))) : 1, leftOut };
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  } finally {
    if (db.inTransaction) db.exec('COMMIT'); // the pinned snapshot
    await second?.close();
    fs.rmSync(partFile, { force: true });
  }
}

/** A second reader on the same snapshot as `db` when the export is big enough to share, else null. */
async function pinnedSecondReader(
  db: SqliteDatabase,
  table: ExportTable<unknown>,
  filters: unknown,
  format: ExportResult['format'],
  options: ExportFileOptions,
): Promise<SecondReader | null> {
  if (format !== 'xlsx' || !options.secondReader) return null;
  if (!shared(table.count(db, filters), options)) return null; // counted again on the snapshot
  const second = options.secondReader({ query: table.rows(filters), fields: table.fields });
  const pinned = await second.pin(db).catch(async (error: unknown) => {
    await second.close();
    throw error;
  });
  if (pinned) return second;
  await second.close();
  return null;
}

async function writeRows(
  db: SqliteDatabase,
  table: ExportTable<unknown>,
  filters: unknown,
  temp: string,
  format: ExportResult['format'],
  hooks: ExportFileHooks,
  total: number,
): Promise<number> {
  const writer = openWriter(temp, format, table);
  return finishing(
    writer,
    streamRows(db, table.rows(filters), labelled(table.fields), writer, hooks, (rows) => hooks.progress(rows, total)),
  );
}

/** The first `split` rows here, the rest on the second reader's thread; the file waits for both. */
async function writeRowsInTwo(
  db: SqliteDatabase,
  table: ExportTable<unknown>,
  filters: unknown,
  temp: string,
  { second, split, partFile }: { second: SecondReader; split: number; partFile: string },
  hooks: ExportFileHooks,
  total: number,
): Promise<number> {
  const written = { first: 0, last: 0 };
  const progress = () => hooks.progress(written.first + written.last, total);
  const last = second.write({ offset: split, firstRowNumber: split + 2, partFile }, (rows) => {
    written.last = rows;
    progress();
  });
  last.catch(() => undefined); // awaited by the writer once the first rows are written
  const writer = openWriter(temp, 'xlsx', table, () => last);
  const first = streamRows(db, slice(table.rows(filters), split, 0), labelled(table.fields), writer, hooks, (rows) => {
    written.first = rows;
    progress();
  });
  await finishing(writer, first);
  return written.first + written.last;
}

/** Begins a read transaction and reads, which fixes the snapshot the connection sees until it ends. */
export function pinSnapshot(db: SqliteDatabase): void {
  db.exec('BEGIN');
  db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
}

/** The rows from `offset` on, at most `limit` (-1: all), of a query whose order is total. */
export function slice(query: Query, limit: number, offset: number): Query {
  return {
    sql: `SELECT * FROM (${query.sql}) LIMIT @export_slice_limit OFFSET @export_slice_offset`,
    params: { ...query.params, export_slice_limit: limit, export_slice_offset: offset },
  };
}

/** Closes the writer once the rows are written; aborts it if writing them failed. */
export async function finishing(writer: TableWriter, rows: Promise<number>): Promise<number> {
  try {
    const count = await rows;
    await writer.close();
    return count;
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

function openWriter(temp: string, format: ExportResult['format'], table: ExportTable<unknown>, continuedBy?: () => Promise<DeflatedPart>): TableWriter {
  // opened here, synchronously, so an unwritable folder fails at once with its own error code
  const fd = fs.openSync(temp, 'wx');
  const out = fs.createWriteStream(temp, { fd, highWaterMark: 1 << 20 });
  const columns = exportColumns(table.fields);
  if (format === 'csv') return createCsvWriter(out, { columns });
  return createXlsxWriter(out, { sheetName: table.title, columns, ...(continuedBy ? { continuedBy } : {}) });
}

/** The columns as the writers take them: header, type and width of each field. */
export function exportColumns(fields: readonly ExportField[]): ExportColumn[] {
  return fields.map(({ header, type, width }) => ({ header, type, width }));
}

/** Writes a query's rows, codes in words, reporting how many every few thousand; stops when cancelled. */
export async function streamRows(
  db: SqliteDatabase,
  { sql, params }: Query,
  label: (row: unknown[]) => unknown[],
  writer: TableWriter,
  hooks: Pick<ExportFileHooks, 'cancelled'>,
  progress: (rows: number) => void,
): Promise<number> {
  let rows = 0;
  // this worker's connection serves nobody else, so the statement may stay open across awaits
  for (const raw of db.prepare(sql).raw().iterate(params) as Iterable<unknown[]>) {
    if (!writer.addRow(label(raw))) {
      await writer.drained();
      if (hooks.cancelled()) throw new ExportCancelled();
    }
    if (++rows % PROGRESS_EVERY_ROWS === 0) progress(rows);
  }
  progress(rows);
  return rows;
}
