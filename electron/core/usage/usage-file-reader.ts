import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import aliases from '../../../resources/header-aliases/usage-records.json';
import { CoreError } from '../contract/errors';
import type { RawUsageRow } from './usage-validation';

export interface NumberedRow {
  /** 1-based: the header is row 1 of a CSV or XLSX sheet; JSON Lines count lines. */
  row: number;
  data: RawUsageRow;
}

const ALIAS_TO_FIELD = new Map<string, string>(
  Object.entries(aliases as Record<string, string[]>).flatMap(([field, names]) => names.map((name) => [normalizeHeader(name), field] as const)),
);

export const USAGE_COLUMNS = ['instance_id', 'begin_time', 'end_time', 'usage_value'];
/** Seller Center's SDR anomaly list identifies records without their value. */
export const ANOMALY_LIST_COLUMNS = ['instance_id', 'begin_time', 'end_time'];

/** Reads a usage file (CSV, XLSX or JSON Lines) as rows keyed by wire field names, streaming. */
export async function* readUsageFile(file: string, required: string[] = USAGE_COLUMNS): AsyncGenerator<NumberedRow> {
  const extension = path.extname(file).toLowerCase();
  if (!fs.existsSync(file)) throw new CoreError('NOT_FOUND', `File not found: ${file}`);
  if (extension === '.csv') yield* readCsv(file, required);
  else if (extension === '.xlsx') yield* readXlsx(file, required);
  else if (extension === '.jsonl' || extension === '.ndjson') yield* readJsonLines(file);
  else throw new CoreError('VALIDATION', `${path.basename(file)}: unsupported file type "${extension}"; expected .csv, .xlsx or .jsonl`);
}

async function* readCsv(file: string, required: string[]): AsyncGenerator<NumberedRow> {
  const parser = fs.createReadStream(file).pipe(parse({ bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }));
  let header: (string | null)[] | null = null;
  let row = 0;
  for await (const cells of parser as AsyncIterable<string[]>) {
    row++;
    if (!header) header = mapHeader(cells, file, required);
    else yield { row, data: toRecord(header, cells) };
  }
}

async function* readXlsx(file: string, required: string[]): AsyncGenerator<NumberedRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit' });
  for await (const worksheet of workbook) {
    let header: (string | null)[] | null = null;
    for await (const sheetRow of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = (sheetRow.values as unknown[]).slice(1).map(cellText);
      if (!header) header = mapHeader(values, file, required);
      else yield { row: sheetRow.number, data: toRecord(header, values) };
    }
    return; // the first sheet only
  }
}

async function* readJsonLines(file: string): AsyncGenerator<NumberedRow> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let row = 0;
  for await (const line of lines) {
    row++;
    if (!line.trim()) continue;
    try {
      const parsed: unknown = JSON.parse(line);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      yield { row, data: renameKeys(parsed as Record<string, unknown>) };
    } catch {
      yield { row, data: { __parseError: 'line is not a JSON object' } };
    }
  }
}

function mapHeader(cells: string[], file: string, required: string[]): (string | null)[] {
  const header = cells.map((cell) => ALIAS_TO_FIELD.get(normalizeHeader(cell)) ?? null);
  const missing = required.filter((field) => !header.includes(field));
  if (missing.length > 0) {
    throw new CoreError('VALIDATION', `${path.basename(file)}, row 1: missing column(s) ${missing.join(', ')}; found ${cells.join(', ')}`);
  }
  return header;
}

function toRecord(header: (string | null)[], cells: unknown[]): RawUsageRow {
  const record: RawUsageRow = {};
  header.forEach((field, i) => {
    if (field) record[field] = cells[i];
  });
  return record;
}

function renameKeys(object: Record<string, unknown>): RawUsageRow {
  const record: RawUsageRow = {};
  for (const [key, value] of Object.entries(object)) record[ALIAS_TO_FIELD.get(normalizeHeader(key)) ?? key] = value;
  return record;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && 'text' in value) return String((value as { text: unknown }).text);
  if (typeof value === 'object' && 'result' in value) return String((value as { result: unknown }).result);
  return String(value);
}

function normalizeHeader(text: string): string {
  return String(text).trim().toLowerCase().replace(/[\s_()（）]/g, '');
}
