import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BulkLoads, DATABASE_FILE_NAME, openDatabase, type SqliteDatabase } from '../../electron/core/db';
import { recountDetailTotals, recountOrderTotals } from '../../electron/core/store-figures';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const objectsOf = (db: SqliteDatabase, table: string) =>
  db.prepare("SELECT name FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name").pluck().all(table);
const loadsOf = (db: SqliteDatabase) => new BulkLoads(db, { transaction_details: recountDetailTotals, orders: recountOrderTotals });

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
    const closing = new BulkLoads(db, { transaction_details: recountDetailTotals }, async () => {
      if (++built === 3) db.close(); // the app quits while the third index is due
    });
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
});
