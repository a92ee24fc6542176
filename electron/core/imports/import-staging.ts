import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../db';

const BATCH_ROWS = 2000;
let stagingTables = 0;

/**
 * The parsed rows of one import, held in a TEMP table of the core's connection until the whole file
 * has been read and checked. Memory stays flat whatever the file's size, and the cache tables are
 * touched only by the one transaction that moves the rows in (or not at all).
 */
export class ImportStaging {
  private readonly table = `import_staging_${++stagingTables}`;
  /** Created with the first row, as wide as it is. */
  private insert: Statement | null = null;
  private batch: unknown[][] = [];
  private staged = 0;

  constructor(private readonly db: SqliteDatabase) {}

  get rows(): number {
    return this.staged + this.batch.length;
  }

  add(values: unknown[]): void {
    this.batch.push(values);
    if (this.batch.length >= BATCH_ROWS) this.flush();
  }

  /**
   * Writes every staged row with `write`, then runs `andThen`, all in one transaction. Rows are read
   * back in rowid chunks: better-sqlite3 allows no write while a statement is being iterated.
   */
  commit(write: (values: unknown[]) => void, andThen: () => void): void {
    this.flush();
    this.db.transaction(() => {
      if (this.insert) this.readBack(write);
      andThen();
    })();
  }

  drop(): void {
    this.batch = [];
    if (this.db.open) this.db.exec(`DROP TABLE IF EXISTS temp.${this.table}`);
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    const rows = this.batch;
    this.batch = [];
    const insert = (this.insert ??= this.createTable(rows[0]!.length));
    this.db.transaction(() => {
      for (const values of rows) insert.run(values);
    })();
    this.staged += rows.length;
  }

  private readBack(write: (values: unknown[]) => void): void {
    const chunk = this.db.prepare(`SELECT rowid, * FROM temp.${this.table} WHERE rowid > ? ORDER BY rowid LIMIT ${BATCH_ROWS}`).raw();
    for (let after = 0; ; ) {
      const rows = chunk.all(after) as unknown[][];
      if (rows.length === 0) return;
      for (const row of rows) write(row.slice(1));
      after = rows.at(-1)![0] as number;
    }
  }

  private createTable(width: number): Statement {
    // columns without a declared type keep each value exactly as given (integer, text or null)
    this.db.exec(`CREATE TEMP TABLE ${this.table} (${Array.from({ length: width }, (_, i) => `v${i}`).join(', ')})`);
    return this.db.prepare(`INSERT INTO temp.${this.table} VALUES (${Array.from({ length: width }, () => '?').join(', ')})`);
  }
}
