import { normalizeText } from '../conventions';
import type { HeaderMatcher } from './header-matching';
import type { TableRow } from './table-file';

/** The header may sit below title rows: it is looked for in this many first rows. */
export const HEADER_SCAN_ROWS = 20;
const TOTAL_ROW = /^(合计|总计|小计|total|sum)/i;

export interface Header {
  row: number;
  cells: unknown[];
}

export async function firstRows(rows: AsyncGenerator<TableRow>, count = HEADER_SCAN_ROWS): Promise<TableRow[]> {
  const head: TableRow[] = [];
  while (head.length < count) {
    const next = await rows.next();
    if (next.done) break;
    head.push(next.value);
  }
  return head;
}

/** The header is the row matching most known columns (title rows above it match none). */
export function findHeader(head: TableRow[], headers: HeaderMatcher, saved: Record<string, string> = {}): Header | null {
  let best: { row: TableRow; matched: number } | null = null;
  for (const row of head) {
    const matched = row.cells.filter((cell) => saved[normalizeText(cell)] ?? headers.field(cell)).length;
    if (matched > (best?.matched ?? 0)) best = { row, matched };
  }
  return best?.row ?? null;
}

/** The field of each column: the seller's confirmed mapping first, then the aliases. */
export function mapColumns(header: Header, headers: HeaderMatcher, saved: Record<string, string> = {}): (string | null)[] {
  return header.cells.map((cell) => saved[normalizeText(cell)] ?? headers.field(cell));
}

/** The rows below the header: the rest of the first rows, then the rest of the file. */
export async function* rowsBelow(header: Header, head: TableRow[], rest: AsyncGenerator<TableRow>): AsyncGenerator<TableRow> {
  for (const row of head) if (row.row > header.row) yield row;
  yield* rest;
}

/** A row's cells by field. */
export function fieldsOf(cells: unknown[], mapping: (string | null)[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  mapping.forEach((field, i) => {
    if (field) fields[field] = cells[i];
  });
  return fields;
}

/** Blank rows and a trailing 合计 / total row carry no record. */
export function isDataRow(cells: unknown[]): boolean {
  const first = cells.find((cell) => normalizeText(cell) !== '');
  return first !== undefined && !TOTAL_ROW.test(normalizeText(first));
}

/** The file's own header of the column a field came from, so the seller can find the cell. */
export function columnOf(header: Header, mapping: (string | null)[], field: string): string {
  const cell = header.cells[mapping.indexOf(field)];
  return cell === undefined ? field : normalizeText(cell);
}
