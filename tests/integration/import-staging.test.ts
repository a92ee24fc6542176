import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, openDatabase, type SqliteDatabase } from '../../electron/core/db';
import { ImportStaging } from '../../electron/core/imports/staging';
import type { JobContext } from '../../electron/core/jobs';
import { OrdersTable } from '../../electron/core/orders';
import { ordersXlsx, ORDER_ROWS as rows, sellerCenterImport } from '../support/imports';
import { startCore } from '../support/core';
import { useTempDirs } from '../support/temp-dir';

/** The import's staging thread and scratch database, and a first import's copy of the staged rows. */
const tempDir = useTempDirs();

function database(): SqliteDatabase {
  return openDatabase(path.join(tempDir(), DATABASE_FILE_NAME));
}

const count = (db: SqliteDatabase, table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

describe('staging', () => {
  it('a staging left behind by an import killed midway is deleted when the core starts again', async () => {
    const dataDir = tempDir();
    const left = path.join(dataDir, 'import-staging', 'seller-desk-import-4242-killed.sqlite');
    fs.mkdirSync(path.dirname(left), { recursive: true });
    fs.writeFileSync(left, 'customers names');
    const { core } = await startCore(dataDir, { sandbox: 'off' });
    try {
      expect(fs.existsSync(left)).toBe(false);
    } finally {
      await core.close();
    }
  });

  it('gives every record back in order, the long and the Chinese whole, from a file only this user can read, and leaves nothing behind', async () => {
    const dir = tempDir();
    const staging = new ImportStaging('orders', Date.now(), false, { dir });
    const records = Array.from({ length: 20_000 }, (_, n) => ({ n, name: n === 7_777 ? '杭'.repeat(40_000) : `杭州星河信息技术有限公司${n}` }));
    for (const record of records) {
      staging.add(record);
      if (staging.behind) await staging.caughtUp();
    }
    await staging.complete();
    const [scratch] = fs.readdirSync(dir);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, scratch!)).mode & 0o777).toBe(0o600);
    const back: unknown[] = [];
    staging.readBack((batch) => back.push(...batch));
    expect(back).toEqual(records);
    expect(staging.rows).toBe(20_000);
    await staging.drop();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('says what the scratch database refused, and the import that staged it writes nothing', async () => {
    const dir = tempDir();
    const staging = new ImportStaging('bills', Date.now(), true, { dir });
    staging.add({
      bill_id: 'BL1',
      billing_period: '2026-11',
      period_start: 0,
      product_type: 'general',
      amount_fen: null,
      settlement_amount_fen: null,
      status: '已出账',
      generated_at: null,
    });
    await expect(staging.complete()).rejects.toThrow('NOT NULL constraint failed: bills.amount_fen');
    await staging.drop();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('a first import into an empty cache (rows copied from the staging)', () => {
  // 60 more orders, so that an empty cache's writer inserts them 25 to a statement: one listed again in
  // a later group (that group goes through the upsert) and one listed again among the last, single rows
  const manyRow = (i: number, status = '已完成', amount = `${i + 1}.00`, mode = '包周期') => [
    `CS26112402${String(i).padStart(2, '0')}MANY`,
    `客户${i}`,
    `hw2${i}`,
    '智云财务管理系统',
    status,
    amount,
    '2026-11-24 10:00:00',
    mode,
  ];
  const many = Array.from({ length: 60 }, (_, i) => manyRow(i));
  const fileRows = [
    ...rows,
    ['CS2611240100AAAAA', '杭州星河信息技术有限公司', 'hw10000001', '智云财务管理系统', '已取消', '¥1,000.00', '2026-11-24 09:05:00', '包周期'],
    ...many.slice(0, 25),
    manyRow(3, '处理中', '99.00', '按次'),
    ...many.slice(25),
    manyRow(40, '已取消', '7.00'),
  ];
  const everything = (db: SqliteDatabase) => ({
    orders: db.prepare('SELECT * FROM orders ORDER BY order_id').all(),
    lines: db.prepare('SELECT * FROM order_lines ORDER BY order_line_id').all(),
    search: db
      .prepare(`SELECT order_id FROM orders WHERE rowid IN (SELECT rowid FROM orders_search WHERE orders_search MATCH '"星河信" AND "河信息"')`)
      .pluck()
      .all(),
  });

  it('ends with the same orders, lines and search as writing each record', async () => {
    const file = await ordersXlsx(path.join(tempDir(), '订单.xlsx'), fileRows);
    const copied = database();
    await sellerCenterImport(copied, () => 1_000).importFile(file, 'orders');
    // the same file into a cache that had an order: each record goes through the upsert
    const written = database();
    const other = await ordersXlsx(path.join(tempDir(), 'other.xlsx'), [['CS9', '某公司', 'hw9', '某商品', '已完成', '1', '2026-11-01 10:00', '按次']]);
    await sellerCenterImport(written, () => 1_000).importFile(other, 'orders');
    await sellerCenterImport(written, () => 1_000).importFile(file, 'orders');
    written.prepare(`DELETE FROM orders WHERE order_id = 'CS9'`).run();
    written.exec(`INSERT INTO orders_search (orders_search) VALUES ('rebuild')`);
    expect(everything(copied).orders).toHaveLength(63);
    expect(copied.prepare(`SELECT status, amount_fen FROM orders WHERE order_id IN (?, ?) ORDER BY order_id`).all(many[3]![0], many[40]![0])).toEqual([
      { status: 'processing', amount_fen: 9_900 },
      { status: 'cancelled', amount_fen: 700 },
    ]);
    expect(everything(copied).search).toEqual(['CS2611240100AAAAA']);
    expect(everything(copied)).toEqual(everything(written));
    expect(copied.pragma('cache_size', { simple: true })).toBe(written.pragma('cache_size', { simple: true }));
    // the copy ran with them off
    expect(copied.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('writes each record instead when the table got rows while the file was read, keeping what the file does not say', async () => {
    const db = database();
    const lines = ['订单号,订单状态,创建时间', ...Array.from({ length: 3_000 }, (_, i) => `CS26${String(i).padStart(10, '0')}ABC,已完成,2026-11-24 10:00`)];
    const file = path.join(tempDir(), '订单.csv');
    fs.writeFileSync(file, lines.join('\n'));
    const synced = {
      order_id: 'CS260000000007ABC',
      order_type: 'RENEW',
      status: 'processing',
      product_type: 'saas',
      product_name: '智云财务管理系统',
      customer_name: '杭州星河',
      user_name: 'hw1',
      amount_fen: 500,
      created_at: 1,
      paid_at: null,
      updated_at: 1,
      lines: [],
    };
    const job = {
      throwIfCancelled: () => undefined,
      progress: (done: number) => done === 100 && new OrdersTable(db).upsert(synced, 'koogallery'),
    } as unknown as JobContext;
    const result = await sellerCenterImport(db).importFile(file, 'orders', {}, job);
    expect(result).toMatchObject({ imported: 3_000, refused: false });
    expect(count(db, 'orders')).toBe(3_000);
    // the file has no product or customer column: the synced order keeps them, its status is the file's
    expect(db.prepare(`SELECT order_type, status, product_type, customer_name FROM orders WHERE order_id = 'CS260000000007ABC'`).get()).toEqual({
      order_type: 'RENEW',
      status: 'completed',
      product_type: 'saas',
      customer_name: '杭州星河',
    });
  });
});
