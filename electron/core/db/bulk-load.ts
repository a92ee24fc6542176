import type BetterSqlite3 from 'better-sqlite3';

type Db = BetterSqlite3.Database;

/**
 * What a table's bulk load recomputes at its end besides its indexes (e.g. totals its triggers
 * keep): counted from the table, then cleared and written as the triggers come back.
 */
export interface DerivedRebuild {
  /** Empties what is derived (in the transaction that puts the triggers back). */
  clear(db: Db): void;
  /** The query that counts it from the table (its rows are what `add` takes). */
  count: string;
  /** Writes counted rows into what `clear` emptied. */
  add(db: Db, counted: unknown[][]): void;
}

/**
 * Reads a query's rows on another thread from a snapshot taken before it returns (so nothing written
 * after the call is in them); null when no snapshot could be taken.
 */
export type SnapshotQuery = (sql: string) => Promise<unknown[][]> | null;

export interface BulkLoadOptions {
  /** Awaited before each index is built: the WAL checkpoint catches up (each index writes tens of MB). */
  betweenIndexes?: () => Promise<void>;
  /** Counts what is derived on another thread while the indexes build; without it, counted here first. */
  countElsewhere?: SnapshotQuery;
}

/** How long the count elsewhere may take before it is done here instead (a million rows: about a second). */
const COUNT_ELSEWHERE_WITHIN_MS = 60_000;

/** How much of the database file index builds read through a memory map (address space, not memory). */
const INDEX_BUILD_MMAP_BYTES = 2 ** 31;

/**
 * From how many rows a table's indexes are built through the memory map. Its pages count to the
 * process's resident memory while mapped, so it is used only where it pays: a million transaction
 * details' seven indexes 3.9 -> 3.2 s; 200,000 orders' no faster, and the import peaked at 180
 * instead of 147 MB.
 */
const INDEX_BUILD_MMAP_FROM_ROWS = 500_000;

interface SetAside {
  table_name: string;
  kind: 'index' | 'trigger';
  name: string;
  sql: string;
}

/**
 * A bulk load into an empty table sets its secondary indexes and triggers aside while the rows
 * arrive and builds them again at the end: each index costs every row its own B-tree insert (a first
 * sync of 1,000,000 transaction details wrote about 25,000 rows/s with its eight, about 150,000
 * without), where one sorted pass over the finished table costs under a second per index. What was
 * set aside is kept in `bulk_loads`, so a crash during the load is finished at the next start.
 * Queries still answer during the load, from the table alone (slower).
 */
export class BulkLoads {
  private readonly betweenIndexes: () => Promise<void>;
  private readonly countElsewhere: SnapshotQuery;

  constructor(
    private readonly db: Db,
    private readonly derived: Record<string, DerivedRebuild>,
    options: BulkLoadOptions = {},
  ) {
    this.betweenIndexes = options.betweenIndexes ?? (() => new Promise((resolve) => setImmediate(resolve)));
    this.countElsewhere = options.countElsewhere ?? (() => null);
  }

  /** Whether `begin` would start a bulk load of the table now: it is empty and not being loaded already. */
  couldBegin(table: string): boolean {
    return !this.isLoading(table) && this.db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() === undefined;
  }

  /** Sets the table's indexes and triggers aside when the table is empty; false (nothing done) otherwise. */
  begin(table: string): boolean {
    return this.db.transaction(() => {
      if (!this.couldBegin(table)) return false;
      const objects = this.db
        .prepare(
          `SELECT tbl_name AS table_name, type AS kind, name, sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL`,
        )
        .all(table) as SetAside[];
      if (objects.some((o) => o.kind === 'trigger') && !this.derived[table]) throw new Error(`${table} has triggers but nothing to rebuild what they keep`);
      const record = this.db.prepare('INSERT INTO bulk_loads (table_name, kind, name, sql) VALUES (@table_name, @kind, @name, @sql)');
      for (const object of objects) {
        record.run(object);
        this.db.exec(`DROP ${object.kind === 'index' ? 'INDEX' : 'TRIGGER'} "${object.name}"`);
      }
      return true;
    })();
  }

  isLoading(table: string): boolean {
    return this.db.prepare('SELECT 1 FROM bulk_loads WHERE table_name = ? LIMIT 1').get(table) !== undefined;
  }

  /**
   * Puts back what `begin` set aside: each index in its own transaction, yielding between them so
   * calls waiting on the core are answered during a long rebuild and the WAL does not hold every
   * index at once; then the triggers, with what they keep written in the same transaction. That is
   * counted from a snapshot of the loaded table taken before the first index, on another thread
   * while the indexes build (a million rows: about a second), unless anything was written on this
   * connection meanwhile (the only one that writes the cache): then it is all counted again here.
   * Until the triggers are back, readers count from the rows (the totals are not kept yet).
   */
  async finish(table: string): Promise<void> {
    const setAside = this.db
      .prepare('SELECT table_name, kind, name, sql FROM bulk_loads WHERE table_name = ? ORDER BY kind DESC, name')
      .all(table) as SetAside[];
    if (setAside.length === 0) return;
    const triggers = setAside.filter((o) => o.kind === 'trigger');
    const derived = triggers.length > 0 ? this.derived[table] : undefined;
    const counted = derived ? this.countElsewhere(derived.count) : null;
    const changesAtSnapshot = this.changes();
    const rows = counted ? settledWithin(counted, COUNT_ELSEWHERE_WITHIN_MS) : Promise.resolve(null);
    const ownChanges = await this.buildIndexes(
      table,
      setAside.filter((o) => o.kind === 'index'),
      rows,
    );
    if (!this.db.open) return; // the app closed meanwhile: the next start builds and counts what is left
    const countedRows = await rows;
    if (!this.db.open) return;
    const writtenMeanwhile = this.changes() - changesAtSnapshot - ownChanges;
    this.db.transaction(() => {
      if (derived) {
        derived.clear(this.db);
        derived.add(this.db, countedRows && writtenMeanwhile === 0 ? countedRows : (this.db.prepare(derived.count).raw().all() as unknown[][]));
      }
      triggers.forEach((trigger) => this.putBack(trigger));
      this.db.prepare("DELETE FROM bulk_loads WHERE table_name = ? AND kind = 'trigger'").run(table);
    })();
  }

  /**
   * Builds each index in its own transaction; the rows those transactions changed (their bookkeeping).
   * From the second index on, after the count elsewhere has ended: its read snapshot keeps the
   * checkpoint from copying back what was written after it, so each index built meanwhile would stay
   * in the WAL (a 1M-row sync's WAL peaked at 131.5 MB with them all).
   */
  private async buildIndexes(table: string, indexes: SetAside[], countEnded: Promise<unknown>): Promise<number> {
    let changed = 0;
    // each index reads the whole table: a big one through a memory map instead of a read() per page, only while they build
    const rows = (this.db.prepare(`SELECT max(rowid) FROM "${table}"`).pluck().get() as number | null) ?? 0;
    if (rows >= INDEX_BUILD_MMAP_FROM_ROWS) this.db.pragma(`mmap_size = ${INDEX_BUILD_MMAP_BYTES}`);
    try {
      for (const [i, index] of indexes.entries()) {
        if (i > 0) await countEnded;
        await this.betweenIndexes();
        if (!this.db.open) return changed; // the app closed meanwhile: the next start builds the rest
        const before = this.changes();
        this.db.transaction(() => {
          this.putBack(index);
          this.db.prepare('DELETE FROM bulk_loads WHERE table_name = ? AND name = ?').run(index.table_name, index.name);
        })();
        changed += this.changes() - before;
      }
      return changed;
    } finally {
      if (this.db.open) this.db.pragma('mmap_size = 0');
    }
  }

  /** Rows this connection has inserted, updated or deleted since it opened (triggers' included). */
  private changes(): number {
    return this.db.prepare('SELECT total_changes()').pluck().get() as number;
  }

  /** At start: finishes the loads a crash interrupted. */
  async finishUnfinished(): Promise<void> {
    const tables = this.db.prepare('SELECT DISTINCT table_name FROM bulk_loads').pluck().all() as string[];
    for (const table of tables) await this.finish(table);
  }

  private putBack(object: SetAside): void {
    const exists = this.db.prepare('SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?').get(object.kind, object.name);
    if (!exists) this.db.exec(object.sql);
  }
}

/** The rows, or null when they failed or did not come within `ms`. */
function settledWithin(rows: Promise<unknown[][]>, ms: number): Promise<unknown[][] | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  return Promise.race([rows.catch(() => null), late]).finally(() => clearTimeout(timer));
}
