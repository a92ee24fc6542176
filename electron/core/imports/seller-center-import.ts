import path from 'node:path';
import { normalizeText } from '../conventions';
import { CoreError, type BadRow, type ImportResult } from '../contract';
import type { JobContext } from '../jobs';
import type { ColumnMappings } from './column-mappings';
import { columnOf, fieldsOf, findHeader, firstRows, isDataRow, mapColumns, rowsBelow, HEADER_SCAN_ROWS, type Header } from './header-rows';
import { SELLER_CENTER_FILES, type ImportTables, type SellerCenterFileKind, type SellerCenterFileKindName } from './seller-center-files';
import { StageTimes } from './stage-times';
import { ImportStaging, type ImportStagingOptions } from './staging';
import { openTableFile, type TableRow } from './table-file';
import { withoutForeignKeys, type BulkLoads, type SqliteDatabase } from '../db';

export interface SellerCenterImportDeps {
  db: SqliteDatabase;
  tables: ImportTables;
  mappings: ColumnMappings;
  bulkLoads: BulkLoads;
  now: () => number;
  /** Where the imports' time goes, by stage (the import benchmark prints it). */
  stages?: StageTimes;
  staging?: ImportStagingOptions;
}

/**
 * The cache's page cache while a first import is copied in, its search rebuilt and its indexes built,
 * instead of the usual 16 MB: each of them appends or sorts, and with 4 MB a 200,000-order import
 * peaked at 139-144 MB instead of 150-163 MB, none of them slower. Calls answered between index
 * builds use it too.
 */
const MOVE_IN_CACHE_SIZE = -4096;

/**
 * Imports Seller Center exports (orders, transaction details or bills; xlsx or csv). Title rows
 * above the header, blank rows and trailing total rows are skipped; every bad row is reported with
 * its column; the rows are written in one transaction, or not at all (also when cancelled).
 */
export class SellerCenterImport {
  private readonly stages: StageTimes;

  constructor(private readonly deps: SellerCenterImportDeps) {
    this.stages = deps.stages ?? new StageTimes();
  }

  async importFile(file: string, kind: SellerCenterFileKindName, userMapping: Record<string, string> = {}, job?: JobContext): Promise<ImportResult> {
    const spec = SELLER_CENTER_FILES[kind];
    const name = path.basename(file);
    const { rows, encoding } = openTableFile(file, 'a Seller Center export', undefined, this.stages);
    try {
      const head = await firstRows(rows);
      const saved = {
        ...this.deps.mappings.find(
          head.map((r) => r.cells),
          kind,
        ),
        ...userMapping,
      };
      const header = findHeader(head, spec.headers, saved);
      if (!header) throw wrongKind(name, spec, head) ?? noHeader(name, spec);
      const mapping = mapColumns(header, spec.headers, saved);
      const missing = spec.required.filter((field) => !mapping.includes(field));
      if (missing.length > 0) {
        const wrong = wrongKind(name, spec, head);
        if (wrong) throw wrong;
        const needsMapping = {
          headers: header.cells.map(normalizeText),
          missing,
          mapping: Object.fromEntries(header.cells.map((c, i) => [normalizeText(c), mapping[i] ?? null])),
          fields: Object.keys(spec.headers.aliases).map((field) => ({ field, label: spec.headers.shownName(field) })),
        };
        return { kind, encoding, rows: 0, imported: 0, problems: [], refused: true, needsMapping };
      }
      return { ...(await this.stageAndWrite(spec, header, mapping, rowsBelow(header, head, rows), job)), encoding };
    } finally {
      await rows.return(undefined);
    }
  }

  /** Reads the first rows of a file and says which kind of Seller Center export it is, if any. */
  async detectKind(file: string): Promise<SellerCenterFileKindName | null> {
    const { rows } = openTableFile(file, 'a Seller Center export');
    try {
      return kindOf(await firstRows(rows))?.kind ?? null;
    } finally {
      await rows.return(undefined);
    }
  }

  private async stageAndWrite(
    spec: SellerCenterFileKind,
    header: Header,
    mapping: (string | null)[],
    body: AsyncGenerator<TableRow>,
    job?: JobContext,
  ): Promise<Omit<ImportResult, 'encoding'>> {
    const { stages, deps } = this;
    const now = deps.now();
    // into empty tables the staging also writes the rows, to be copied in whole
    const staging = new ImportStaging(
      spec.kind,
      now,
      spec.tables.every((table) => deps.bulkLoads.couldBegin(table)),
      deps.staging,
    );
    try {
      const problems: BadRow[] = [];
      let read = 0;
      for await (const { row, cells } of body) {
        job?.throwIfCancelled();
        if (!isDataRow(cells)) continue;
        const outcome = stages.measure('valueParsing', () => spec.parse(fieldsOf(cells, mapping)));
        if ('problems' in outcome)
          for (const { field, ...problem } of outcome.problems) problems.push({ row, column: columnOf(header, mapping, field), ...problem });
        // once a row is bad the file is refused: keep reading only to list every problem
        else if (problems.length === 0) stages.measure('staging', () => staging.add(outcome.record));
        if (staging.behind) await stages.measureAsync('staging', () => staging.caughtUp());
        read++;
        job?.progress(read);
      }
      const result = { kind: spec.kind, rows: read, imported: 0, problems, refused: problems.length > 0, needsMapping: null };
      if (result.refused) return result;
      await stages.measureAsync('staging', () => staging.complete());
      job?.throwIfCancelled();
      await this.moveIn(spec, staging, now, () => deps.mappings.remember(header.cells, spec.kind, mapping));
      return { ...result, imported: staging.rows };
    } finally {
      await staging.drop();
    }
  }

  /**
   * Moves the staged records into the cache in one transaction: copied whole when the staging wrote
   * the rows and the tables are still empty, else each record through the cache's writer.
   */
  private async moveIn(spec: SellerCenterFileKind, staging: ImportStaging, now: number, alsoInTransaction: () => void): Promise<void> {
    const { stages, deps } = this;
    const bulk = spec.tables.filter((table) => deps.bulkLoads.begin(table));
    const copy = staging.rowsToo && bulk.length === spec.tables.length;
    const writer = spec.writer(deps.tables, now, bulk.length > 0);
    const write = (records: unknown[]) => stages.measure('finalWrite', () => writer.write(records));
    const cacheSize = deps.db.pragma('cache_size', { simple: true });
    if (copy) deps.db.pragma(`cache_size = ${MOVE_IN_CACHE_SIZE}`);
    const moveAll = () =>
      staging.withAttached(deps.db, (schema) =>
        stages.measure('finalWrite', () =>
          deps.db.transaction(() => {
            if (copy) spec.copy(deps.tables, schema);
            else stages.measure('staging', () => staging.readBack(write));
            alsoInTransaction();
            // in the same transaction: a crash never leaves the order search behind the orders
            stages.measure('searchIndex', () => writer.finish());
          })(),
        ),
      );
    try {
      // a copy is made raw only without foreign keys enforced; the copy checks them itself
      if (copy) withoutForeignKeys(deps.db, moveAll);
      else moveAll();
    } finally {
      for (const table of bulk) await stages.measureAsync('indexesAtEnd', () => deps.bulkLoads.finish(table));
      if (deps.db.open) deps.db.pragma(`cache_size = ${cacheSize}`);
    }
  }
}

/** The kind whose required columns are all in one of the first rows; the most specific wins. */
function kindOf(head: TableRow[], except?: SellerCenterFileKind): SellerCenterFileKind | null {
  const complete = Object.values(SELLER_CENTER_FILES).filter((kind) => {
    const header = kind !== except ? findHeader(head, kind.headers) : null;
    return header !== null && kind.required.every((field) => header.cells.some((cell) => kind.headers.field(cell) === field));
  });
  return complete.sort((a, b) => matchedColumns(head, b) - matchedColumns(head, a))[0] ?? null;
}

function matchedColumns(head: TableRow[], kind: SellerCenterFileKind): number {
  return findHeader(head, kind.headers)?.cells.filter((cell) => kind.headers.field(cell)).length ?? 0;
}

function wrongKind(name: string, spec: SellerCenterFileKind, head: TableRow[]): CoreError | null {
  const other = kindOf(head, spec);
  return other
    ? new CoreError('VALIDATION', `${name}: this looks like a ${other.label} export, not a ${spec.label} export`, {
        reason: 'file.wrongKind',
        params: { file: name, found: other.kind, expected: spec.kind },
      })
    : null;
}

function noHeader(name: string, spec: SellerCenterFileKind): CoreError {
  return new CoreError(
    'VALIDATION',
    `${name}: no ${spec.label} header row found in the first ${HEADER_SCAN_ROWS} rows (expected columns like ${spec.required.map((f) => spec.headers.shownName(f)).join(', ')})`,
    {
      reason: 'file.noHeader',
      params: { file: name, kind: spec.kind, rows: HEADER_SCAN_ROWS, columns: spec.required.map((f) => spec.headers.shownName(f)).join('、') },
    },
  );
}
