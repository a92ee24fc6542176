import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyTable, DATABASE_FILE_NAME, openDatabase, openScratchDatabase, withoutForeignKeys, type SqliteDatabase } from '../../electron/core/db';
import { OrdersTable } from '../../electron/core/orders';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

const ORDER = `'NEW', 'completed', 'general', '智云财务管理系统', '杭州星河信息技术有限公司', 'hw10000001', 123456, 'CNY', 1000, NULL, 'import', 1000`;

/** A cache, and a scratch database (the cache's schema, as an import stages into) attached to it as `staged`. */
function cacheWithStaging(fill: (scratch: SqliteDatabase) => void): SqliteDatabase {
  const dir = tempDir();
  const scratchFile = path.join(dir, 'staged.sqlite');
  const scratch = openScratchDatabase(scratchFile);
  fill(scratch);
  scratch.close();
  const db = openDatabase(path.join(dir, DATABASE_FILE_NAME));
  db.prepare('ATTACH DATABASE ? AS staged').run(scratchFile);
  return db;
}

const ordersOf = (db: SqliteDatabase) => db.prepare('SELECT order_id, customer_name, amount_fen, created_at FROM orders ORDER BY order_id').all();

describe('copying staged rows into the cache', () => {
  it('copies by name when the staged table has the same columns in another order', () => {
    const db = cacheWithStaging((scratch) => {
      scratch.exec('DROP TABLE orders');
      scratch.exec(`CREATE TABLE orders AS SELECT 1000 AS updated_at, 'import' AS source, NULL AS paid_at, 1000 AS created_at, 'CNY' AS currency,
        123456 AS amount_fen, 'hw10000001' AS user_name, '杭州星河信息技术有限公司' AS customer_name, '智云财务管理系统' AS product_name,
        'general' AS product_type, 'completed' AS status, 'NEW' AS order_type, 'CS2611240100AAAAA' AS order_id`);
    });
    copyTable(db, 'orders', 'staged');
    expect(ordersOf(db)).toEqual([{ order_id: 'CS2611240100AAAAA', customer_name: '杭州星河信息技术有限公司', amount_fen: 123456, created_at: 1000 }]);
  });

  it('copies orders and lines whole, with foreign keys enforced again after', () => {
    const db = cacheWithStaging((scratch) => {
      scratch.exec(`INSERT INTO orders VALUES ('CS2611240100AAAAA', ${ORDER})`);
      scratch.exec(`INSERT INTO order_lines (order_line_id, order_id, product_id, product_name, charging_mode, amount_fen, updated_at)
        VALUES ('CS2611240100AAAAA-1', 'CS2611240100AAAAA', 'P1', '智云财务管理系统', 'ON_DEMAND', 123456, 1000)`);
    });
    withoutForeignKeys(db, () => db.transaction(() => new OrdersTable(db).copyFrom('staged'))());
    expect(ordersOf(db)).toHaveLength(1);
    expect(db.prepare('SELECT order_id FROM order_lines').pluck().all()).toEqual(['CS2611240100AAAAA']);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('refuses a staged line whose order is not staged: nothing is copied, and foreign keys are enforced again', () => {
    const db = cacheWithStaging((scratch) => {
      scratch.exec(`INSERT INTO orders VALUES ('CS2611240100AAAAA', ${ORDER})`);
      scratch.exec(`INSERT INTO order_lines (order_line_id, order_id, product_id, product_name, charging_mode, amount_fen, updated_at)
        VALUES ('CS2611240200BBBBB-1', 'CS2611240200BBBBB', 'P1', 'OCR 文字识别 API', 'ON_DEMAND', 99, 1000)`);
    });
    expect(() => withoutForeignKeys(db, () => db.transaction(() => new OrdersTable(db).copyFrom('staged'))())).toThrow(/staged without its order/);
    expect(ordersOf(db)).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) FROM order_lines').pluck().get()).toBe(0);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
