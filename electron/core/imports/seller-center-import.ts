import path from 'node:path';
import { normalizeText } from '../conventions';
import { CoreError, type BadRow, type ImportResult } from '../contract';
import type { JobContext } from '../jobs';
import type { ColumnMappings } from './column-mappings';
import { columnOf, fieldsOf, findHeader, firstRows, isDataRow, mapColumns, rowsBelow, HEADER_SCAN_ROWS, type Header } from './header-rows';
import { SELLER_CENTER_FILES, type ImportTables, type SellerCenterFileKind, type SellerCenterFileKindName } from './seller-center-files';
import { StageTimes } from './stage-times';
import { ImportStaging } from './staging';
import { openTableFile, type TableRow } from './table-file';
import type { BulkLoads, SqliteDatabase } from '../db';

export interface SellerCenterImportDeps {
  db: SqliteDatabase;
  tables: ImportTables;
  mappings: ColumnMappings;
  bulkLoads: BulkLoads;
  now: () => number;
  /** Where the imports' time goes, by stage (the import benchmark prints it). */
  stages?: StageTimes;
}

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
    const { stages } = this;
    const staging = new ImportStaging<unknown>();
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
        read++;
        job?.progress(read);
      }
      const result = { kind: spec.kind, rows: read, imported: 0, problems, refused: problems.length > 0, needsMapping: null };
      if (result.refused) return result;
      job?.throwIfCancelled();
      const bulk = spec.tables.filter((table) => this.deps.bulkLoads.begin(table));
      const writer = spec.writer(this.deps.tables, this.deps.now(), bulk.length > 0);
      const write = (record: unknown) => stages.measure('finalWrite', () => writer.write(record));
      try {
        stages.measure('finalWrite', () =>
          this.deps.db.transaction(() => {
            stages.measure('staging', () => staging.readBack(write));
            this.deps.mappings.remember(header.cells, spec.kind, mapping);
            // in the same transaction: a crash never leaves the order search behind the orders
            stages.measure('searchIndex', () => writer.finish());
          })(),
        );
      } finally {
        for (const table of bulk) await stages.measureAsync('indexesAtEnd', () => this.deps.bulkLoads.finish(table));
      }
      return { ...result, imported: staging.rows };
    } finally {
      staging.drop();
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
