import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../db';

const BATCH_ROWS = 2000;
let stagingTables = 0;

/**
 * The parsed records of one import, held as JSON in a TEMP table of the core's connection until the
 * whole file has been read and checked. Memory stays flat whatever the file's size, and the cache
 * tables are touched only by the one transaction that moves the records in (or not at all).
 */
export class ImportStaging<R> {
  private readonly table = `import_staging_${++stagingTables}`;
  private insert: Statement | null = null;
  private batch: string[] = [];
  private staged = 0;

  constructor(private readonly db: SqliteDatabase) {}

  get rows(): number {
    return this.staged + this.batch.length;
  }

  add(record: R): void {
    this.batch.push(JSON.stringify(record));
    if (this.batch.length >= BATCH_ROWS) this.flush();
  }

  /**
   * Writes every staged record with `write`, then runs `andThen`, all in one transaction. Records are
   * read back in rowid chunks: better-sqlite3 allows no write while a statement is being iterated.
   */
  commit(write: (record: R) => void, andThen: () => void): void {
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
    const insert = (this.insert ??= this.createTable());
    this.db.transaction(() => {
      for (const json of rows) insert.run(json);
    })();
    this.staged += rows.length;
  }

  private readBack(write: (record: R) => void): void {
    const chunk = this.db.prepare(`SELECT rowid, json FROM temp.${this.table} WHERE rowid > ? ORDER BY rowid LIMIT ${BATCH_ROWS}`).raw();
    for (let after = 0; ;) {
      const rows = chunk.all(after) as [number, string][];
      if (rows.length === 0) return;
      for (const [, json] of rows) write(JSON.parse(json) as R);
      after = rows.at(-1)![0];
    }
  }

  private createTable(): Statement {
    this.db.exec(`CREATE TEMP TABLE ${this.table} (json TEXT NOT NULL)`);
    return this.db.prepare(`INSERT INTO temp.${this.table} (json) VALUES (?)`);
  }
}
