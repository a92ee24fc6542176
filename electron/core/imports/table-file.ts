import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { CoreError } from '../contract';

/** One row of a table file: its 1-based number as a spreadsheet shows it, and its cells. */
export interface TableRow {
  row: number;
  cells: unknown[];
}

/** One line of a JSON Lines file: an object, or why the line is not one. */
export type JsonLine = { row: number; record: Record<string, unknown> } | { row: number; error: string };

export type TableFormat = 'csv' | 'xlsx';

/**
 * The one reader for every table file a seller brings (Seller Center exports, usage files, the
 * SDR anomaly list): a CSV or the first sheet of an XLSX, streamed row by row. Rich-text and
 * formula cells become their text and result; anything that is not such a file is refused by name.
 */
export async function* readTableFile(file: string, what = 'a table file', accepted = '.xlsx or .csv'): AsyncGenerator<TableRow> {
  const name = path.basename(file);
  if (!fs.existsSync(file)) throw new CoreError('NOT_FOUND', `File not found: ${file}`);
  const format = tableFormat(file);
  if (format === 'csv') yield* readCsv(file, name);
  else if (format === 'xlsx') yield* readXlsx(file, name);
  else throw new CoreError('VALIDATION', `${name}: not ${what}: unsupported file type "${path.extname(file) || 'no extension'}" (expected ${accepted})`);
}

export function tableFormat(file: string): TableFormat | null {
  const extension = path.extname(file).toLowerCase();
  return extension === '.csv' ? 'csv' : extension === '.xlsx' ? 'xlsx' : null;
}

export function isJsonLines(file: string): boolean {
  return /\.(jsonl|ndjson)$/i.test(file);
}

/** JSON Lines: one object per line; blank lines skipped, a line that is not an object reported. */
export async function* readJsonLines(file: string): AsyncGenerator<JsonLine> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let row = 0;
  for await (const line of lines) {
    row++;
    if (!line.trim()) continue;
    const record = parseObject(line);
    yield record ? { row, record } : { row, error: 'line is not a JSON object' };
  }
}

function parseObject(line: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(line);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

async function* readCsv(file: string, name: string): AsyncGenerator<TableRow> {
  const parser = fs.createReadStream(file).pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true }));
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) yield { row: ++row, cells };
  } catch (error) {
    throw new CoreError('VALIDATION', `${name}, row ${row + 1}: not readable as CSV (${error instanceof Error ? error.message : String(error)})`);
  }
}

async function* readXlsx(file: string, name: string): AsyncGenerator<TableRow> {
  if (!isZip(file)) throw new CoreError('VALIDATION', `${name}: not a valid .xlsx file (it is not an Excel workbook; was it renamed or damaged?)`);
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
    for await (const sheet of workbook) {
      for await (const sheetRow of sheet as AsyncIterable<ExcelJS.Row>) {
        yield { row: sheetRow.number, cells: (sheetRow.values as unknown[]).slice(1).map(cellValue) };
      }
      return; // the first sheet only
    }
  } catch (error) {
    if (error instanceof CoreError) throw error;
    throw new CoreError('VALIDATION', `${name}: the workbook is damaged and cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** A cell's value: rich text joined, a formula's result, a hyperlink's text, an error's code. */
function cellValue(value: unknown): unknown {
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const v = value as { text?: unknown; result?: unknown; richText?: { text: string }[]; error?: unknown };
    if (v.richText) return v.richText.map((part) => part.text).join('');
    if (v.result !== undefined) return cellValue(v.result);
    if (v.text !== undefined) return cellValue(v.text);
    if (v.error !== undefined) return String(v.error);
  }
  return value;
}

function isZip(file: string): boolean {
  const handle = fs.openSync(file, 'r');
  try {
    const magic = Buffer.alloc(4);
    fs.readSync(handle, magic, 0, 4, 0);
    return magic.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  } finally {
    fs.closeSync(handle);
  }
}
