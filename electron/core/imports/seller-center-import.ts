import crypto from 'node:crypto';
import path from 'node:path';
import { CoreError } from '../contract/errors';
import type { SqliteDatabase } from '../db';
import { rebuildOrderSearch } from '../review/orders';
import { EXPORT_KINDS, type ExportKind, type ExportKindSpec } from './export-kinds';
import { readTable, type TableRow } from './table-reader';
import { normalizeText } from './value-parsers';

export interface ImportProblem {
  row: number;
  /** The file's own column header, so the seller can find the cell. */
  column: string;
  reason: string;
}

export interface ImportResult {
  kind: ExportKind;
  rows: number;
  imported: number;
  problems: ImportProblem[];
  refused: boolean;
  /** Set when some required columns could not be matched: ask the seller to map them, then import again. */
  needsMapping: { headers: string[]; missing: string[]; mapping: Record<string, string | null> } | null;
}

const HEADER_SCAN_ROWS = 20;
const TOTAL_ROW = /^(合计|总计|小计|total|sum)/i;

/**
 * Imports a Seller Center export (orders or transaction details; xlsx or csv). Title rows above the
 * header, blank rows and trailing total rows are skipped; every bad row is reported with its column;
 * the rows are written in one transaction, or not at all.
 */
export async function importSellerCenterFile(db: SqliteDatabase, file: string, kind: ExportKind, userMapping: Record<string, string> = {}): Promise<ImportResult> {
  const spec = EXPORT_KINDS[kind];
  const name = path.basename(file);
  const rows = readTable(file);
  const head = await firstRows(rows, HEADER_SCAN_ROWS);
  const saved = { ...rememberedMapping(db, head, spec), ...userMapping };
  const header = findHeader(head, spec, saved);
  if (!header) throw otherKind(name, spec, head) ?? noHeader(name, spec);
  const mapping = header.cells.map((cell) => saved[normalizeText(cell)] ?? matchAlias(spec, cell));
  const missing = spec.required.filter((field) => !mapping.includes(field));
  const result: ImportResult = { kind, rows: 0, imported: 0, problems: [], refused: false, needsMapping: null };
  if (missing.length > 0) {
    const wrong = otherKind(name, spec, head);
    if (wrong) throw wrong;
    result.needsMapping = { headers: header.cells.map(normalizeText), missing, mapping: Object.fromEntries(header.cells.map((c, i) => [normalizeText(c), mapping[i] ?? null])) };
    result.refused = true;
    return result;
  }
  const parsed: unknown[][] = [];
  // exports repeat customer and product names on every row: keep one copy of each (a 200k-row import fits in far less memory)
  const strings = new Map<string, string>();
  const intern = (value: unknown) => {
    if (typeof value !== 'string') return value;
    const known = strings.get(value);
    if (known !== undefined) return known;
    strings.set(value, value);
    return value;
  };
  const body = (async function* () {
    for (const row of head) if (row.row > header.row) yield row;
    yield* rows;
  })();
  for await (const { row, cells } of body) {
    if (isBlank(cells) || TOTAL_ROW.test(normalizeText(cells.find((c) => normalizeText(c) !== '')))) continue;
    result.rows++;
    const fields: Record<string, unknown> = {};
    mapping.forEach((field, i) => field && (fields[field] = cells[i]));
    const outcome = spec.parse(fields);
    if ('problems' in outcome) {
      for (const p of outcome.problems) result.problems.push({ row, column: header.cells[mapping.indexOf(p.field)] ? normalizeText(header.cells[mapping.indexOf(p.field)]) : p.field, reason: p.reason });
    } else parsed.push(outcome.values.map(intern));
  }
  if (result.problems.length > 0) return { ...result, refused: true };
  const write = spec.writer(db);
  db.transaction(() => {
    for (const values of parsed) write(values);
    remember(db, header.cells, spec, mapping);
  })();
  if (kind === 'orders' && parsed.length > 0) rebuildOrderSearch(db);
  return { ...result, imported: parsed.length };
}

async function firstRows(rows: AsyncGenerator<TableRow>, count: number): Promise<TableRow[]> {
  const head: TableRow[] = [];
  while (head.length < count) {
    const next = await rows.next();
    if (next.done) break;
    head.push(next.value);
  }
  return head;
}

/** The header is the row matching most of this kind's columns (title rows above it match none). */
function findHeader(head: TableRow[], spec: ExportKindSpec, saved: Record<string, string>): { row: number; cells: unknown[] } | null {
  let best: { row: TableRow; matched: number } | null = null;
  for (const row of head) {
    const matched = row.cells.filter((cell) => saved[normalizeText(cell)] ?? matchAlias(spec, cell)).length;
    if (matched > (best?.matched ?? 0)) best = { row, matched };
  }
  return best?.row ?? null;
}

function matchAlias(spec: ExportKindSpec, cell: unknown): string | null {
  const text = normalizeText(cell).toLowerCase().replace(/\s/g, '');
  if (!text) return null;
  for (const [field, names] of Object.entries(spec.aliases)) if (names.some((n) => n.toLowerCase().replace(/\s/g, '') === text)) return field;
  return null;
}

/** The file is another kind of export when that kind's required columns are all there. */
function otherKind(name: string, spec: ExportKindSpec, head: TableRow[]): CoreError | null {
  const other = Object.values(EXPORT_KINDS).find((kind) => {
    const header = kind !== spec ? findHeader(head, kind, {}) : null;
    return header !== null && kind.required.every((field) => header.cells.some((cell) => matchAlias(kind, cell) === field));
  });
  return other ? new CoreError('VALIDATION', `${name}: this looks like a ${other.label} export, not a ${spec.label} export`) : null;
}

function noHeader(name: string, spec: ExportKindSpec): CoreError {
  return new CoreError('VALIDATION', `${name}: no ${spec.label} header row found in the first ${HEADER_SCAN_ROWS} rows (expected columns like ${spec.required.map((f) => spec.aliases[f]![0]).join(', ')})`);
}

function isBlank(cells: unknown[]): boolean {
  return cells.every((cell) => normalizeText(cell) === '');
}

function headerHash(cells: unknown[]): string {
  return crypto.createHash('sha256').update(cells.map(normalizeText).join('\u0001')).digest('hex');
}

/** A mapping the seller confirmed for this exact header set, by any row in the first rows. */
function rememberedMapping(db: SqliteDatabase, head: TableRow[], spec: ExportKindSpec): Record<string, string> {
  const find = db.prepare('SELECT mapping_json FROM import_column_mappings WHERE header_set_hash = ? AND file_kind = ?');
  for (const row of head) {
    const found = find.get(headerHash(row.cells), spec.kind) as { mapping_json: string } | undefined;
    if (found) return JSON.parse(found.mapping_json) as Record<string, string>;
  }
  return {};
}

function remember(db: SqliteDatabase, cells: unknown[], spec: ExportKindSpec, mapping: (string | null)[]): void {
  const entries = Object.fromEntries(cells.map((c, i) => [normalizeText(c), mapping[i]]).filter(([, f]) => f));
  const now = Date.now();
  db.prepare(
    `INSERT INTO import_column_mappings (header_set_hash, file_kind, headers_json, mapping_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (header_set_hash) DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`,
  ).run(headerHash(cells), spec.kind, JSON.stringify(cells.map(normalizeText)), JSON.stringify(entries), now, now);
}
