import path from 'node:path';
import aliases from '../../../resources/header-aliases/usage-records.json';
import { CoreError } from '../contract';
import {
  columnOf,
  fieldsOf,
  findHeader,
  firstRows,
  HeaderMatcher,
  isDataRow,
  isJsonLines,
  mapColumns,
  openJsonLines,
  openTableFile,
  rowsBelow,
  type JsonLine,
  type TableRow,
} from '../imports';
import type { RawUsageRow } from './usage-validation';

export interface NumberedRow {
  /** 1-based: the row number of a CSV or XLSX sheet; JSON Lines count lines. */
  row: number;
  data: RawUsageRow;
  /** The file's own header of a field's column, so a bad row names the cell the seller sees. */
  columnOf?: (field: string) => string;
}

export const USAGE_HEADERS = new HeaderMatcher(aliases);
export const USAGE_COLUMNS = ['instance_id', 'begin_time', 'end_time', 'usage_value'];
/** Seller Center's SDR anomaly list identifies records without their value. */
export const ANOMALY_LIST_COLUMNS = ['instance_id', 'begin_time', 'end_time'];

/** A usage file opened for reading: its rows keyed by wire field names, and the encoding its text was in. */
export interface UsageFile {
  encoding: string | null;
  rows: AsyncGenerator<NumberedRow>;
}

/**
 * Opens a usage file (CSV, XLSX or JSON Lines) through the import pipeline's reader and header
 * matcher; its rows stream as they are taken.
 */
export function openUsageFile(file: string, required: string[] = USAGE_COLUMNS): UsageFile {
  if (isJsonLines(file)) {
    const { encoding, lines } = openJsonLines(file);
    return { encoding, rows: jsonRows(lines) };
  }
  const table = openTableFile(file, 'a usage file', '.csv, .xlsx or .jsonl');
  return { encoding: table.encoding, rows: tableRows(file, table.rows, required) };
}

async function* jsonRows(lines: AsyncGenerator<JsonLine>): AsyncGenerator<NumberedRow> {
  for await (const line of lines)
    yield 'error' in line ? { row: line.row, data: { __parseError: line.error } } : { row: line.row, data: renameKeys(line.record) };
}

async function* tableRows(file: string, rows: AsyncGenerator<TableRow>, required: string[]): AsyncGenerator<NumberedRow> {
  try {
    const head = await firstRows(rows);
    const header = findHeader(head, USAGE_HEADERS);
    const mapping = header ? mapColumns(header, USAGE_HEADERS) : [];
    const missing = required.filter((field) => !mapping.includes(field));
    if (!header || missing.length > 0) {
      const found = (header ?? head[0])?.cells.join(', ') ?? 'nothing';
      throw new CoreError('VALIDATION', `${path.basename(file)}, row ${header?.row ?? 1}: missing column(s) ${missing.join(', ')}; found ${found}`, {
        reason: 'file.missingColumns',
        params: { file: path.basename(file), row: header?.row ?? 1, missing: missing.map((field) => USAGE_HEADERS.shownName(field)).join('、') },
      });
    }
    const named = (field: string) => columnOf(header, mapping, field);
    for await (const { row, cells } of rowsBelow(header, head, rows)) {
      if (isDataRow(cells)) yield { row, data: fieldsOf(cells.map(cellText), mapping), columnOf: named };
    }
  } finally {
    await rows.return(undefined);
  }
}

function renameKeys(object: Record<string, unknown>): RawUsageRow {
  const record: RawUsageRow = {};
  for (const [key, value] of Object.entries(object)) record[USAGE_HEADERS.field(key) ?? key] = value;
  return record;
}

/** Usage values are text on the wire; a date typed into Excel becomes its UTC instant in ISO form. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}
