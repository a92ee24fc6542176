import crypto from 'node:crypto';
import path from 'node:path';
import { CoreError } from '../contract/errors';
import type { SqliteDatabase } from '../db';
import type { JobContext } from '../jobs';
import { rebuildOrderSearch } from '../review/order-search';
import { EXPORT_KINDS, type ExportKind, type ExportKindSpec } from './export-kinds';
import { ImportStaging } from './import-staging';
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

interface Header {
  row: number;
  cells: unknown[];
}

const HEADER_SCAN_ROWS = 20;
const TOTAL_ROW = /^(合计|总计|小计|total|sum)/i;

/**
 * Imports a Seller Center export (orders, transaction details or bills; xlsx or csv). Title rows
 * above the header, blank rows and trailing total rows are skipped; every bad row is reported with
 * its column; the rows are written in one transaction, or not at all (also when cancelled).
 */
export async function importSellerCenterFile(db: SqliteDatabase, file: string, kind: ExportKind, userMapping: Record<string, string> = {}, job?: JobContext): Promise<ImportResult> {
  const spec = EXPORT_KINDS[kind];
  const name = path.basename(file);
  const rows = readTable(file);
  const head = await firstRows(rows, HEADER_SCAN_ROWS);
  const saved = { ...rememberedMapping(db, head, spec), ...userMapping };
  const header = findHeader(head, spec, saved);
  if (!header) throw wrongKind(name, spec, head) ?? noHeader(name, spec);
  const mapping = header.cells.map((cell) => saved[normalizeText(cell)] ?? matchAlias(spec, cell));
  const missing = spec.required.filter((field) => !mapping.includes(field));
  if (missing.length > 0) {
    const wrong = wrongKind(name, spec, head);
    if (wrong) throw wrong;
    const needsMapping = { headers: header.cells.map(normalizeText), missing, mapping: Object.fromEntries(header.cells.map((c, i) => [normalizeText(c), mapping[i] ?? null])) };
    return { kind, rows: 0, imported: 0, problems: [], refused: true, needsMapping };
  }
  const body = (async function* () {
    for (const row of head) if (row.row > header.row) yield row;
    yield* rows;
  })();
  const staging = new ImportStaging(db);
  try {
    const { rows: read, problems } = await stageRows(body, spec, header, mapping, staging, job);
    const result: ImportResult = { kind, rows: read, imported: 0, problems, refused: problems.length > 0, needsMapping: null };
    if (result.refused) return result;
    job?.throwIfCancelled();
    staging.commit(spec.writer(db), () => {
      remember(db, header.cells, spec, mapping);
      // in the same transaction: a crash never leaves the search index behind the orders
      if (kind === 'orders' && staging.rows > 0) rebuildOrderSearch(db);
    });
    return { ...result, imported: staging.rows };
  } finally {
    staging.drop();
    await rows.return(undefined);
  }
}

/** Reads the first rows of a file and says which kind of Seller Center export it is, if any. */
export async function detectExportKind(file: string): Promise<ExportKind | null> {
  const rows = readTable(file);
  try {
    return kindOf(await firstRows(rows, HEADER_SCAN_ROWS))?.kind ?? null;
  } finally {
    await rows.return(undefined);
  }
}

/** Parses every data row into the staging table; returns how many rows there were and every problem found. */
async function stageRows(body: AsyncGenerator<TableRow>, spec: ExportKindSpec, header: Header, mapping: (string | null)[], staging: ImportStaging, job?: JobContext) {
  const problems: ImportProblem[] = [];
  const columnOf = (field: string) => {
    const cell = header.cells[mapping.indexOf(field)];
    return cell === undefined ? field : normalizeText(cell);
  };
  let seen = 0;
  for await (const { row, cells } of body) {
    job?.throwIfCancelled();
    if (isBlank(cells) || TOTAL_ROW.test(normalizeText(cells.find((c) => normalizeText(c) !== '')))) continue;
    const fields: Record<string, unknown> = {};
    mapping.forEach((field, i) => field && (fields[field] = cells[i]));
    const outcome = spec.parse(fields);
    if ('problems' in outcome) for (const p of outcome.problems) problems.push({ row, column: columnOf(p.field), reason: p.reason });
    // once a row is bad the file is refused: keep reading only to list every problem
    else if (problems.length === 0) staging.add(outcome.values);
    seen++;
    job?.progress(seen);
  }
  return { rows: seen, problems };
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
function findHeader(head: TableRow[], spec: ExportKindSpec, saved: Record<string, string>): Header | null {
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

/** The kind whose required columns are all in one of the first rows; the most specific wins. */
function kindOf(head: TableRow[], except?: ExportKindSpec): ExportKindSpec | null {
  const complete = Object.values(EXPORT_KINDS).filter((kind) => {
    const header = kind !== except ? findHeader(head, kind, {}) : null;
    return header !== null && kind.required.every((field) => header.cells.some((cell) => matchAlias(kind, cell) === field));
  });
  return complete.sort((a, b) => matchedColumns(head, b) - matchedColumns(head, a))[0] ?? null;
}

function matchedColumns(head: TableRow[], kind: ExportKindSpec): number {
  return findHeader(head, kind, {})?.cells.filter((cell) => matchAlias(kind, cell)).length ?? 0;
}

function wrongKind(name: string, spec: ExportKindSpec, head: TableRow[]): CoreError | null {
  const other = kindOf(head, spec);
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
