import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BulkLoads, DATABASE_FILE_NAME, openDatabase, type SqliteDatabase } from '../../electron/core/db';
import { BULK_LOADED_TOTALS, detailTotalsRebuild } from '../../electron/core/store-figures';
import { Aggregates, countMatches } from '../../electron/core/lists';
import { DETAIL_LIST } from '../../electron/core/transaction-details';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const objectsOf = (db: SqliteDatabase, table: string) =>
  db.prepare("SELECT name FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name").pluck().all(table);
const loadsOf = (db: SqliteDatabase) => new BulkLoads(db, BULK_LOADED_TOTALS);

function insertDetail(db: SqliteDatabase, id: string, at: number, amount: number): void {
  db.prepare(
    `INSERT INTO transaction_details (detail_id, order_id, product_type, product_name, customer_account, charging_mode, billing_period, transaction_at,
       billing_status, amount_fen, settlement_amount_fen, source, updated_at)
     VALUES (?, 'CS1', 'general', '智云财务', 'hw1', 'PERIOD', '2026-11', ?, 'billed', ?, ?, 'import', ?)`,
  ).run(id, at, amount, amount, at);
}

describe('bulk loads', () => {
  it('loads an empty table only; a table with rows keeps its indexes', () => {
    const db = openDatabase(path.join(tempDir(), DATABASE_FILE_NAME));
    const indexes = objectsOf(db, 'transaction_details');
    insertDetail(db, 'TD1', Date.UTC(2026, 10, 1), 100);
    expect(loadsOf(db).begin('transaction_details')).toBe(false);
    expect(objectsOf(db, 'transaction_details')).toEqual(indexes);
    db.close();
  });

  it('builds the indexes of a table of 500,000 rows or more through a memory map, of a smaller one without', async () => {
    for (const [rows, mapped] of [
      [499_999, false],
      [500_000, true],
    ] as const) {
      const db = openDatabase(path.join(tempDir(), DATABASE_FILE_NAME));
      const mapSizes: number[] = [];
      const loads = new BulkLoads(db, BULK_LOADED_TOTALS, {
        betweenIndexes: async () => void mapSizes.push(db.pragma('mmap_size', { simple: true }) as number),
      });
      expect(loads.begin('transaction_details')).toBe(true);
      // a table filled from empty: its last rowid is its number of rows
      insertDetail(db, 'TD1', Date.UTC(2026, 10, 1), 100);
      db.prepare('UPDATE transaction_details SET rowid = ?').run(rows);
      await loads.finish('transaction_details');
      expect(mapSizes.length).toBeGreaterThan(0);
      expect(mapSizes.every((size) => size > 0)).toBe(mapped);
      expect(db.pragma('mmap_size', { simple: true })).toBe(0);
      db.close();
    }
  });

  it('refuses a table whose triggers keep something it cannot recount', () => {
    const db = openDatabase(path.join(tempDir(), DATABASE_FILE_NAME));
    expect(() => new BulkLoads(db, {}).begin('transaction_details')).toThrow('transaction_details has triggers but nothing to rebuild what they keep');
    expect(objectsOf(db, 'transaction_details')).toContain('detail_totals_insert');
    db.close();
  });

  it('closed halfway through building the indexes: the next start builds the rest and the totals are right', async () => {
    const file = path.join(tempDir(), DATABASE_FILE_NAME);
    const db = openDatabase(file);
    const everything = objectsOf(db, 'transaction_details');
    const loads = loadsOf(db);
    expect(loads.begin('transaction_details')).toBe(true);
    expect(objectsOf(db, 'transaction_details')).toEqual([]);
    // rows at 23:59:59.999 and 00:00 Beijing: two different days
    const midnight = Date.UTC(2026, 10, 24, 16, 0, 0);
    insertDetail(db, 'TD1', midnight - 1, 100);
    insertDetail(db, 'TD2', midnight, 250);
    let built = 0;
    const closing = new BulkLoads(
      db,
      { transaction_details: detailTotalsRebuild },
      {
        betweenIndexes: async () => {
          if (++built === 3) db.close(); // the app quits while the third index is due
        },
      },
    );
    await closing.finish('transaction_details');

    const reopened = openDatabase(file);
    expect(objectsOf(reopened, 'transaction_details').length).toBeLessThan(everything.length);
    await loadsOf(reopened).finishUnfinished();
    expect(objectsOf(reopened, 'transaction_details')).toEqual(everything);
    expect(reopened.prepare('SELECT COUNT(*) FROM bulk_loads').pluck().get()).toBe(0);
    // the indexes read the table through a memory map only while they build (mapped files cannot shrink on Windows)
    expect(reopened.pragma('mmap_size', { simple: true })).toBe(0);
    const days = reopened.prepare('SELECT key, transactions, amount_fen FROM detail_day_totals ORDER BY key').all();
    const day = Math.floor((midnight + 8 * 3_600_000) / 86_400_000);
    expect(days).toEqual([
      { key: day - 1, transactions: 1, amount_fen: 100 },
      { key: day, transactions: 1, amount_fen: 250 },
    ]);
    reopened.close();
  });

  describe('totals counted on the aggregate thread while the indexes build', () => {
    const midnight = Date.UTC(2026, 10, 24, 16, 0, 0);
    const day = Math.floor((midnight + 8 * 3_600_000) / 86_400_000);
    const totalsOf = (db: SqliteDatabase) => ({
      days: db.prepare('SELECT key, transactions, amount_fen FROM detail_day_totals WHERE transactions <> 0 ORDER BY key').all(),
      months: db.prepare('SELECT key, transactions, amount_fen FROM detail_month_totals WHERE transactions <> 0 ORDER BY key').all(),
    });
    /** A load of two details, with a new one, a changed one and a removed one written while the indexes build. */
    async function loadWithWritesDuringIndexes(db: SqliteDatabase, countElsewhere: (sql: string) => Promise<unknown[][]> | null) {
      const loads = new BulkLoads(
        db,
        { transaction_details: detailTotalsRebuild },
        {
          countElsewhere,
          betweenIndexes: async () => {
            if (++built !== 2) return;
            insertDetail(db, 'TD4', midnight - 1000, 70);
            db.prepare('UPDATE transaction_details SET amount_fen = 300, settlement_amount_fen = 300 WHERE detail_id = ?').run('TD2');
            db.prepare('DELETE FROM transaction_details WHERE detail_id = ?').run('TD3');
          },
        },
      );
      let built = 0;
      expect(loads.begin('transaction_details')).toBe(true);
      insertDetail(db, 'TD1', midnight - 1, 100);
      insertDetail(db, 'TD2', midnight, 250);
      insertDetail(db, 'TD3', midnight + 5, 40);
      await loads.finish('transaction_details');
    }
    const expected = {
      days: [
        { key: day - 1, transactions: 2, amount_fen: 170 },
        { key: day, transactions: 1, amount_fen: 300 },
      ],
      months: [{ key: '2026-11', transactions: 3, amount_fen: 470 }],
    };

    it('nothing else written while the indexes build: the totals are the ones counted on the other thread', async () => {
      const db = openDatabase(path.join(tempDir(), DATABASE_FILE_NAME));
      // while the indexes build, a count reads the rows, not totals not yet written
      const countedWhileBuilding: number[] = [];
      const loads = new BulkLoads(
        db,
        { transaction_details: detailTotalsRebuild },
        {
          countElsewhere: async () => [[day, 'general', '智云财务', 'billed', 7, 700, 690]],
          betweenIndexes: async () => void countedWhileBuilding.push(countMatches(db, DETAIL_LIST, {}).count),
        },
      );
      expect(loads.begin('transaction_details')).toBe(true);
      insertDetail(db, 'TD1', midnight, 100);
      await loads.finish('transaction_details');
      expect(countedWhileBuilding).toEqual([1, 1, 1, 1, 1, 1, 1]);
      // not what the table holds: proof these rows came from the other thread, written as they were
      expect(totalsOf(db)).toEqual({ days: [{ key: day, transactions: 7, amount_fen: 700 }], months: [{ key: '2026-11', transactions: 7, amount_fen: 700 }] });
      db.close();
    });

    it('builds only the first index while the count runs elsewhere: its snapshot keeps the checkpoint from copying the rest back', async () => {
      const db = openDatabase(path.join(tempDir(), DATABASE_FILE_NAME));
      let release: () => void = () => undefined;
      let countEnded = false;
      const countEndedAtEachIndex: boolean[] = [];
      const loads = new BulkLoads(
        db,
        { transaction_details: detailTotalsRebuild },
        {
          countElsewhere: () => new Promise((resolve) => (release = () => ((countEnded = true), resolve([])))),
          betweenIndexes: async () => {
            countEndedAtEachIndex.push(countEnded);
            if (countEndedAtEachIndex.length === 1) setTimeout(release, 50);
          },
        },
      );
      expect(loads.begin('transaction_details')).toBe(true);
      await loads.finish('transaction_details');
      expect(countEndedAtEachIndex).toEqual([false, true, true, true, true, true, true]);
      db.close();
    });

    it('anything written while the indexes build (even to another table): everything counted again here', async () => {
      const db = openDatabase(path.join(tempDir(), DATABASE_FILE_NAME));
      db.exec('CREATE TABLE elsewhere (x)');
      const loads = new BulkLoads(
        db,
        { transaction_details: detailTotalsRebuild },
        {
          countElsewhere: async () => [[day, 'general', '智云财务', 'billed', 7, 700, 690]],
          betweenIndexes: async () => void db.exec('INSERT INTO elsewhere VALUES (1)'),
        },
      );
      expect(loads.begin('transaction_details')).toBe(true);
      insertDetail(db, 'TD1', midnight, 100);
      await loads.finish('transaction_details');
      expect(totalsOf(db).days).toEqual([{ key: day, transactions: 1, amount_fen: 100 }]);
      db.close();
    });

    it('a detail added, changed or removed while the indexes build is counted once, as it ends', async () => {
      const file = path.join(tempDir(), DATABASE_FILE_NAME);
      const db = openDatabase(file);
      const aggregates = new Aggregates({ file });
      let countedElsewhere = 0;
      await loadWithWritesDuringIndexes(db, (sql) => {
        const rows = aggregates.snapshotRows(sql, 5_000);
        if (rows) countedElsewhere++;
        return rows;
      });
      expect(countedElsewhere).toBe(1);
      expect(totalsOf(db)).toEqual(expected);
      expect(db.prepare('SELECT COUNT(*) FROM bulk_loads').pluck().get()).toBe(0);
      await aggregates.close();
      db.close();
    });

    it('the aggregate thread’s snapshot is taken before snapshotRows returns: a row written right after is not in it', async () => {
      const file = path.join(tempDir(), DATABASE_FILE_NAME);
      const db = openDatabase(file);
      const aggregates = new Aggregates({ file });
      insertDetail(db, 'TD1', midnight, 100);
      const rows = aggregates.snapshotRows('SELECT COUNT(*), SUM(amount_fen) FROM transaction_details', 5_000);
      insertDetail(db, 'TD2', midnight, 250);
      expect(await rows).toEqual([[1, 100]]);
      await aggregates.close();
      db.close();
    });

    it('when the other thread fails, or cannot take its snapshot, everything is counted again here', async () => {
      for (const countElsewhere of [() => Promise.reject(new Error('thread stopped')), () => null]) {
        const db = openDatabase(path.join(tempDir(), DATABASE_FILE_NAME));
        await loadWithWritesDuringIndexes(db, countElsewhere);
        expect(totalsOf(db)).toEqual(expected);
        expect(db.prepare('SELECT COUNT(*) FROM bulk_loads').pluck().get()).toBe(0);
        db.close();
      }
    });

    it('closed before the count was added: the next start counts again', async () => {
      const file = path.join(tempDir(), DATABASE_FILE_NAME);
      const db = openDatabase(file);
      const loads = new BulkLoads(db, { transaction_details: detailTotalsRebuild }, { countElsewhere: () => new Promise(() => undefined) });
      expect(loads.begin('transaction_details')).toBe(true);
      insertDetail(db, 'TD1', midnight - 1, 100);
      const finishing = loads.finish('transaction_details');
      db.close(); // the app quits while the indexes build, the count not yet in
      await finishing;
      const reopened = openDatabase(file);
      expect(reopened.prepare("SELECT kind FROM bulk_loads WHERE kind = 'trigger'").pluck().all()).toEqual(['trigger', 'trigger', 'trigger']);
      await loadsOf(reopened).finishUnfinished();
      expect(totalsOf(reopened).days).toEqual([{ key: day - 1, transactions: 1, amount_fen: 100 }]);
      expect(reopened.prepare('SELECT COUNT(*) FROM bulk_loads').pluck().get()).toBe(0);
      reopened.close();
    });
  });
});
