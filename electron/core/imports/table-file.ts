import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parse } from 'csv-parse';
import { CoreError } from '../contract';
import { decodedText, detectEncoding, ENCODING_NAMES, type DetectedEncoding } from './text-decoding';
import type { StageTimes } from './stage-times';
import { readXlsxRows, XLSX_LIMITS } from './xlsx-reader';

/** One row of a table file: its 1-based number as a spreadsheet shows it, and its cells. */
export interface TableRow {
  row: number;
  cells: unknown[];
}

/** One line of a JSON Lines file: an object, or why the line is not one. */
export type JsonLine = { row: number; record: Record<string, unknown> } | { row: number; error: string };

export type TableFormat = 'csv' | 'xlsx';

/** An opened table file: its rows, streamed, and the text encoding it was read in (CSV; null for XLSX). */
export interface TableFile {
  format: TableFormat;
  /** e.g. "UTF-8", "GB18030 (GBK)"; null for a workbook. */
  encoding: string | null;
  rows: AsyncGenerator<TableRow>;
}

/**
 * The one reader for every table file a seller brings (Seller Center exports, usage files, the
 * SDR anomaly list): a CSV in whatever encoding it was saved in, or the first sheet of an XLSX,
 * streamed row by row. Rich-text and formula cells become their text and result; anything that is
 * not such a file is refused by name. `stages` records the time spent parsing a workbook's XML.
 */
export function openTableFile(file: string, what = 'a table file', accepted = '.xlsx or .csv', stages?: StageTimes): TableFile {
  const name = path.basename(file);
  if (!fs.existsSync(file)) throw new CoreError('NOT_FOUND', `File not found: ${file}`, { reason: 'file.notFound', params: { file: name } });
  const format = tableFormat(file);
  if (format === 'xlsx') return { format, encoding: null, rows: readXlsx(file, name, stages) };
  if (format === 'csv') {
    const detected = detectEncoding(file);
    return { format, encoding: ENCODING_NAMES[detected.encoding], rows: readCsv(file, name, detected) };
  }
  const extension = path.extname(file) || 'no extension';
  throw new CoreError('VALIDATION', `${name}: not ${what}: unsupported file type "${extension}" (expected ${accepted})`, {
    reason: 'file.unsupportedType',
    params: { file: name, extension, accepted },
  });
}

export function tableFormat(file: string): TableFormat | null {
  const extension = path.extname(file).toLowerCase();
  return extension === '.csv' ? 'csv' : extension === '.xlsx' ? 'xlsx' : null;
}

export function isJsonLines(file: string): boolean {
  return /\.(jsonl|ndjson)$/i.test(file);
}

/** JSON Lines, in whatever encoding it was saved in: one object per line. */
export function openJsonLines(file: string): { encoding: string; lines: AsyncGenerator<JsonLine> } {
  const detected = detectEncoding(file);
  return { encoding: ENCODING_NAMES[detected.encoding], lines: readJsonLines(file, detected) };
}

/** Blank lines skipped, a line that is not an object reported. */
async function* readJsonLines(file: string, encoding: DetectedEncoding): AsyncGenerator<JsonLine> {
  const lines = readline.createInterface({ input: decodedText(file, encoding), crlfDelay: Infinity });
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

async function* readCsv(file: string, name: string, encoding: DetectedEncoding): AsyncGenerator<TableRow> {
  const parser = decodedText(file, encoding).pipe(parse({ relax_column_count: true, relax_quotes: true }));
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) yield { row: ++row, cells };
  } catch (error) {
    if (error instanceof CoreError) throw error;
    throw new CoreError('VALIDATION', `${name}, row ${row + 1}: not readable as CSV (${error instanceof Error ? error.message : String(error)})`, {
      reason: 'file.notCsv',
      params: { file: name, row: row + 1 },
    });
  }
}

async function* readXlsx(file: string, name: string, stages?: StageTimes): AsyncGenerator<TableRow> {
  if (!isZip(file))
    throw new CoreError('VALIDATION', `${name}: not a valid .xlsx file (it is not an Excel workbook; was it renamed or damaged?)`, {
      reason: 'file.notXlsx',
      params: { file: name },
    });
  yield* readXlsxRows(file, XLSX_LIMITS, stages);
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
