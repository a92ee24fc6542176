import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ExportResult, ExportSelection } from '../contract';
import type { SqliteDatabase } from '../db';
import { labelled, type ExportTable, type LeftOut } from '../lists';
import { EXPORT_TABLES } from './export-registry';
import { createCsvWriter, createXlsxWriter, type TableWriter } from './writers';

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

/** Thrown when the seller cancelled: the temporary file is already removed. */
export class ExportCancelled extends Error {}

const EXCEL_MAX_ROWS = 1_048_576;
const PROGRESS_EVERY_ROWS = 2_000;

/**
 * Streams the rows a table's filters select from SQLite into an XLSX or CSV file. Runs on a worker
 * thread with its own read connection. Written to a temporary file in the target folder and renamed
 * when complete, so the final name never holds a partial file; on cancel or failure it is removed.
 */
export async function writeExportFile(
  db: SqliteDatabase,
  request: ExportFileRequest,
  hooks: ExportFileHooks,
): Promise<Omit<ExportResult, 'fileName' | 'filePath'>> {
  const table = EXPORT_TABLES[request.selection.table] as ExportTable<unknown>;
  const filters = filtersAsOf(request.selection, request.asOf);
  const total = table.count(db, filters);
  const leftOut: LeftOut[] = table.leftOut?.(db, filters) ?? [];
  const temp = path.join(path.dirname(request.target), `.${path.basename(request.target)}.${crypto.randomBytes(4).toString('hex')}.partial`);
  const writer = openWriter(temp, request.format, table);
  try {
    const rows = await streamRows(db, table, filters, writer, total, hooks);
    await writer.close();
    fs.renameSync(temp, request.target);
    return { format: request.format, rows, sheets: request.format === 'xlsx' ? Math.max(1, Math.ceil(rows / (EXCEL_MAX_ROWS - 1))) : 1, leftOut };
  } catch (error) {
    await writer.abort();
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

function openWriter(temp: string, format: ExportResult['format'], table: ExportTable<unknown>): TableWriter {
  // opened here, synchronously, so an unwritable folder fails at once with its own error code
  const fd = fs.openSync(temp, 'wx');
  const out = fs.createWriteStream(temp, { fd, highWaterMark: 1 << 20 });
  const columns = table.fields.map(({ header, type, width }) => ({ header, type, width }));
  return format === 'xlsx' ? createXlsxWriter(out, { sheetName: table.title, columns }) : createCsvWriter(out, { columns });
}

async function streamRows(
  db: SqliteDatabase,
  table: ExportTable<unknown>,
  filters: unknown,
  writer: TableWriter,
  total: number,
  hooks: ExportFileHooks,
): Promise<number> {
  const { sql, params } = table.rows(filters);
  const label = labelled(table.fields);
  let rows = 0;
  // this worker's connection serves nobody else, so the statement may stay open across awaits
  for (const raw of db.prepare(sql).raw().iterate(params) as Iterable<unknown[]>) {
    if (!writer.addRow(label(raw))) {
      await writer.drained();
      if (hooks.cancelled()) throw new ExportCancelled();
    }
    if (++rows % PROGRESS_EVERY_ROWS === 0) hooks.progress(rows, total);
  }
  hooks.progress(rows, total);
  return rows;
}
