import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, openDatabase, type SqliteDatabase } from '../../electron/core/db';
import { amountField, dateField, integerField, labelled, reviewListExport, textField } from '../../electron/core/lists/export-table';
import { ORDER_LIST, ORDERS_EXPORT } from '../../electron/core/orders';
import { useFileTempDir } from '../support/temp-dir';

/**
 * What an export takes, asked of the export tables on the core's own connection (the preview's
 * counts and the left-out lines are read there; the file itself is written on a worker, which
 * tests/integration/exports.test.ts checks end to end).
 */
let db: SqliteDatabase;
const dir = useFileTempDir();

const ORDERS = [
  { order_id: 'CS0001', created_at: 3_000, lines: ['PERIOD', 'ON_DEMAND'] },
  { order_id: 'CS0002', created_at: 2_000, lines: ['ONE_TIME', 'ON_DEMAND_PKG', 'ON_DEMAND'] },
  { order_id: 'CS0003', created_at: 1_000, lines: [] },
  { order_id: 'CS0004', created_at: 4_000, lines: ['PERIOD'], status: 'cancelled' },
];

beforeAll(() => {
  db = openDatabase(path.join(dir, DATABASE_FILE_NAME));
  const order = db.prepare(
    `INSERT INTO orders (order_id, order_type, status, product_type, product_name, customer_name, user_name, amount_fen, created_at, paid_at, source, updated_at)
     VALUES (?, 'NEW', ?, 'general', '云上财务软件', '华为技术有限公司', 'hw_user', 12345, ?, NULL, 'sync', 0)`,
  );
  const line = db.prepare(
    `INSERT INTO order_lines (order_line_id, order_id, product_id, product_name, charging_mode, amount_fen, updated_at) VALUES (?, ?, 'P1', '云上财务软件', ?, 100, 0)`,
  );
  for (const o of ORDERS) {
    order.run(o.order_id, o.status ?? 'completed', o.created_at);
    o.lines.forEach((mode, n) => line.run(`${o.order_id}-L${n}`, o.order_id, mode));
  }
});
afterAll(() => db.close());

const exportedLines = (filters = {}) => {
  const { sql, params } = ORDERS_EXPORT.rows(filters);
  const lineId = ORDERS_EXPORT.fields.findIndex((f) => f.header === '订单行ID');
  return (db.prepare(sql).raw().all(params) as unknown[][]).map((row) => row[lineId]);
};

describe('订单列表 export: 包周期 and 按次 lines only, as Seller Center exports them', () => {
  it('takes PERIOD and ONE_TIME lines, newest order first, and leaves out ON_DEMAND and ON_DEMAND_PKG', () => {
    expect(exportedLines()).toEqual(['CS0004-L0', 'CS0001-L0', 'CS0002-L0']);
    expect(ORDERS_EXPORT.count(db, {})).toBe(3);
  });

  it('says how many lines it left out and why: 按需, 按需套餐包, and orders without a line', () => {
    expect(ORDERS_EXPORT.leftOut!(db, {})).toEqual(
      expect.arrayContaining([
        { reason: 'ON_DEMAND', rows: 2 },
        { reason: 'ON_DEMAND_PKG', rows: 1 },
        { reason: 'NO_CHARGING_MODE', rows: 1 },
      ]),
    );
    expect(ORDERS_EXPORT.leftOut!(db, {})).toHaveLength(3);
  });

  it("follows the page's filters in the rows, the count and what was left out", () => {
    expect(exportedLines({ status: 'cancelled' })).toEqual(['CS0004-L0']);
    expect(ORDERS_EXPORT.count(db, { status: 'cancelled' })).toBe(1);
    expect(ORDERS_EXPORT.leftOut!(db, { status: 'cancelled' })).toEqual([]);
  });
});

describe('export columns', () => {
  it('writes codes in the Seller Center’s words, keeping an unknown code and an empty cell as they are', () => {
    const fields = [textField('订单状态', 'status', 10, 'orderStatus'), textField('备注', 'note', 20), textField('结果', 'r', 8, { ok: '成功' })];
    const toWords = labelled(fields);
    expect(toWords(['completed', 'completed', 'ok'])).toEqual(['已完成', 'completed', '成功']);
    expect(toWords(['unknown_status', null, undefined])).toEqual(['unknown_status', null, undefined]);
    expect(labelled([textField('订单状态', 'status', 10, 'orderStatus')])(['cancelled'])).toEqual(['已取消']);
    const plain = [textField('备注', 'note', 20)];
    const row = ['completed'];
    expect(labelled(plain)(row)).toBe(row);
  });

  it('gives each column its type and width: amounts 14, dates 20, integers 10 unless told', () => {
    expect(amountField('订单金额', 'amount_fen')).toEqual({ header: '订单金额', type: 'amount', sql: 'amount_fen', width: 14 });
    expect(dateField('创建时间', 'created_at')).toEqual({ header: '创建时间', type: 'date', sql: 'created_at', width: 20 });
    expect(integerField('周期数', 'n')).toEqual({ header: '周期数', type: 'integer', sql: 'n', width: 10 });
    expect(integerField('周期数', 'n', 8).width).toBe(8);
    expect(textField('订单号', 'order_id', 22)).toEqual({ header: '订单号', type: 'text', sql: 'order_id', width: 22 });
  });
});

describe("a review page's list, exported", () => {
  const exported = reviewListExport(ORDER_LIST, '订单', [textField('订单号', 'order_id', 22), textField('状态', 'status', 10, 'orderStatus')]);

  it("takes the page's rows in the page's order (newest first) with its filters, and counts them", () => {
    const read = (filters: object) => {
      const { sql, params } = exported.rows(filters);
      return db.prepare(sql).raw().all(params);
    };
    expect(exported.title).toBe('订单');
    expect(read({})).toEqual([
      ['CS0004', 'cancelled'],
      ['CS0001', 'completed'],
      ['CS0002', 'completed'],
      ['CS0003', 'completed'],
    ]);
    expect(read({ status: 'completed', orderId: 'CS000' })).toHaveLength(3);
    expect(exported.count(db, {})).toBe(4);
    expect(exported.count(db, { status: 'cancelled' })).toBe(1);
  });

  it('binds the export’s time for columns that read a state at that time, and null when the filters carry none', () => {
    expect(exported.rows({ now: 5_000 } as object).params).toMatchObject({ now: 5_000 });
    expect(exported.rows({}).params).toMatchObject({ now: null });
  });
});
