import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../../electron/core/contract';
import { DATABASE_FILE_NAME, openDatabase, type SqliteDatabase } from '../../electron/core/db';
import { ordersXlsx, ORDER_ROWS as rows, sellerCenterImport } from '../support/imports';
import { startCore, dbOf } from '../support/core';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

function database(): SqliteDatabase {
  return openDatabase(path.join(tempDir(), DATABASE_FILE_NAME));
}

const count = (db: SqliteDatabase, table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('Seller Center export import', () => {
  it('reads title rows, blank rows, a total row, ¥ and thousands separators, Excel and text dates, full-width text', async () => {
    const db = database();
    const file = await ordersXlsx(path.join(tempDir(), '订单导出.xlsx'), rows);
    const result = await sellerCenterImport(db).importFile(file, 'orders');
    expect(result).toMatchObject({ rows: 3, imported: 3, refused: false, problems: [] });
    const stored = db.prepare('SELECT order_id, status, amount_fen, created_at FROM orders ORDER BY order_id').all();
    expect(stored).toEqual([
      { order_id: 'CS2611240100AAAAA', status: 'completed', amount_fen: 123456, created_at: Date.parse('2026-11-24T01:05:00Z') },
      { order_id: 'CS2611240200BBBBB', status: 'processing', amount_fen: 9950, created_at: Date.parse('2026-11-24T04:00:00Z') },
      { order_id: 'CS2611240300CCCCC', status: 'pending_payment', amount_fen: 100000, created_at: Date.parse('2026-11-24T04:00:00Z') },
    ]);
    expect(db.prepare('SELECT charging_mode FROM order_lines ORDER BY order_id').all()).toEqual([
      { charging_mode: 'PERIOD' },
      { charging_mode: 'ONE_TIME' },
      { charging_mode: 'PERIOD' },
    ]);
  });

  it('never duplicates rows when the same or an overlapping file is imported again', async () => {
    const db = database();
    const first = await ordersXlsx(path.join(tempDir(), 'a.xlsx'), rows);
    await sellerCenterImport(db).importFile(first, 'orders');
    await sellerCenterImport(db).importFile(first, 'orders');
    const overlapping = await ordersXlsx(path.join(tempDir(), 'b.xlsx'), [
      rows[1]!,
      ['CS2611240400DDDDD', '成都博睿数据服务有限公司', 'hw4', '智能客服', '已取消', '0', '2026-11-24 13:00', '按次'],
    ]);
    await sellerCenterImport(db).importFile(overlapping, 'orders');
    expect(count(db, 'orders')).toBe(4);
    expect(count(db, 'order_lines')).toBe(4);
  });

  it('a file that lists an order twice: the later row wins, into an empty cache (inserted first) as into a filled one', async () => {
    const twice = [
      rows[0]!,
      ['CS2611240100AAAAA', '杭州星河信息技术有限公司', 'hw10000001', '智云财务管理系统', '已取消', '¥1,000.00', '2026-11-24 09:05:00', '包周期'],
    ];
    const orderAfter = async (db: SqliteDatabase) => {
      await sellerCenterImport(db).importFile(await ordersXlsx(path.join(tempDir(), 'twice.xlsx'), twice), 'orders');
      return db.prepare("SELECT status, amount_fen, (SELECT COUNT(*) FROM order_lines) AS lines FROM orders WHERE order_id = 'CS2611240100AAAAA'").get();
    };
    const empty = database();
    const filled = database();
    await sellerCenterImport(filled).importFile(await ordersXlsx(path.join(tempDir(), 'other.xlsx'), [rows[1]!]), 'orders');
    const expected = { status: 'cancelled', amount_fen: 100_000, lines: 1 };
    expect(await orderAfter(empty)).toEqual(expected);
    expect(await orderAfter(filled)).toEqual({ ...expected, lines: 2 });
  });

  it('imports transaction details from CSV, and re-imports without duplicates', async () => {
    const db = database();
    const file = path.join(tempDir(), '交易明细.csv');
    const csv = [
      '\uFEFF订单号,账期,客户账号,交易时间,出账状态,交易金额,结算金额,运营管理费比例',
      'CS2611240100AAAAA,2026-11,hw1,2026-11-24 09:05:00,待出账,"¥1,234.56","¥1,172.83",0.05',
      'CS2611240100AAAAA,2026/10,hw1,2026-10-24,已出账,-12.30,-11.69,-',
      '总计,,,,,"¥1,222.26",,',
    ].join('\n');
    fs.writeFileSync(file, csv);
    expect(await sellerCenterImport(db).importFile(file, 'transaction_details')).toMatchObject({ rows: 2, imported: 2 });
    expect(await sellerCenterImport(db).importFile(file, 'transaction_details')).toMatchObject({ imported: 2 });
    expect(count(db, 'transaction_details')).toBe(2);
    const refund = db.prepare(`SELECT billing_period, billing_status, amount_fen, ops_fee_ratio FROM transaction_details WHERE amount_fen < 0`).get();
    expect(refund).toEqual({ billing_period: '2026-10', billing_status: 'billed', amount_fen: -1230, ops_fee_ratio: null });
  });

  it('refuses impossible values, naming row and column, and changes nothing', async () => {
    const db = database();
    const bad = [
      ['CS2611240100AAAAA', '客户甲', 'hw1', '商品', '已完成', '¥12.00', '2026-13-01 10:00', '包周期'],
      ['CS2611240200BBBBB', '客户乙', 'hw2', '商品', '已发货', 'abc', '2026-11-24 10:00', '包周期'],
      ['CS2611240300CCCCC', '客户丙', 'hw3', '商品', '已完成', '¥1.00', '2026-11-24 10:00', '包周期'],
    ];
    const file = await ordersXlsx(path.join(tempDir(), 'bad.xlsx'), bad);
    const result = await sellerCenterImport(db).importFile(file, 'orders');
    expect(result.refused).toBe(true);
    expect(result.imported).toBe(0);
    // each with the reason key and values the UI words in the seller's language
    expect(result.problems).toEqual([
      { row: 4, column: '创建时间', reason: expect.stringContaining('2026-13-01 10:00'), key: 'dateTime', params: { got: '2026-13-01 10:00' } },
      {
        row: 5,
        column: '订单状态',
        reason: expect.stringContaining('已发货'),
        key: 'code',
        params: { expected: '待支付 / 处理中 / 已取消 / 已完成', got: '已发货' },
      },
      { row: 5, column: '订单金额', reason: expect.stringContaining('abc'), key: 'amount', params: { got: 'abc' } },
    ]);
    expect(count(db, 'orders')).toBe(0);
  });

  it.each([
    ['a damaged workbook', 'broken.xlsx', Buffer.from('PK\u0003\u0004 not really a zip'), /broken\.xlsx: the workbook is damaged/],
    ['a renamed PDF', 'export.xlsx', Buffer.from('%PDF-1.7 …'), /export\.xlsx: not a valid \.xlsx file/],
    ['a file that is not a spreadsheet', 'export.pdf', Buffer.from('%PDF-1.7'), /export\.pdf: not a Seller Center export/],
  ])('refuses %s with a message naming the file', async (_what, name, bytes, message) => {
    const db = database();
    const file = path.join(tempDir(), name);
    fs.writeFileSync(file, bytes);
    await expect(sellerCenterImport(db).importFile(file, 'orders')).rejects.toThrow(message);
    expect(count(db, 'orders')).toBe(0);
  });

  it('says when a file is the wrong kind of export', async () => {
    const db = database();
    const file = path.join(tempDir(), 'details.csv');
    fs.writeFileSync(file, '订单号,交易时间,交易金额\nCS1,2026-11-24,1.00\n');
    const error = await sellerCenterImport(db)
      .importFile(file, 'orders')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).message).toBe('details.csv: this looks like a 交易明细 export, not a 订单 export');
  });

  it('asks for a mapping of unknown headers, then remembers it for that header set', async () => {
    const db = database();
    const file = path.join(tempDir(), 'custom.csv');
    fs.writeFileSync(file, '订单号,单据状态,下单日期\nCS2611240100AAAAA,已完成,2026-11-24\n');
    const first = await sellerCenterImport(db).importFile(file, 'orders');
    expect(first.needsMapping).toMatchObject({
      headers: ['订单号', '单据状态', '下单日期'],
      missing: ['status', 'created_at'],
      mapping: { 订单号: 'order_id', 单据状态: null, 下单日期: null },
    });
    expect(first.needsMapping?.fields).toEqual(
      expect.arrayContaining([
        { field: 'status', label: '订单状态' },
        { field: 'created_at', label: '创建时间' },
      ]),
    );
    expect(count(db, 'orders')).toBe(0);
    const mapped = await sellerCenterImport(db).importFile(file, 'orders', { 单据状态: 'status', 下单日期: 'created_at' });
    expect(mapped).toMatchObject({ imported: 1, needsMapping: null });
    fs.writeFileSync(file, '订单号,单据状态,下单日期\nCS2611240200BBBBB,处理中,2026-11-25\n');
    expect(await sellerCenterImport(db).importFile(file, 'orders')).toMatchObject({ imported: 1 });
    expect(count(db, 'orders')).toBe(2);
  });
});

describe('bills (账单)', () => {
  it('imports a bills export with Chinese headers, periods written several ways, and updates on re-import', async () => {
    const db = database();
    const file = path.join(tempDir(), '账单.csv');
    const csv = (status: string) =>
      [
        '账单列表',
        '账单编号,账期,商品类型,账单金额,结算金额,账单状态,出账时间',
        `BL2026100001,2026年10月,通用商品,"¥18,800.00","¥17,860.00",${status},2026-11-07 09:00`,
        'BL2026090001,2026/9,联营商品,520.5,,申付审核,2026-10-07',
        '合计,,,"¥19,320.50",,,',
      ].join('\n');
    fs.writeFileSync(file, csv('待开票'));
    expect(await sellerCenterImport(db).importFile(file, 'bills')).toMatchObject({ kind: 'bills', rows: 2, imported: 2, refused: false });
    fs.writeFileSync(file, csv('发票待审核'));
    await sellerCenterImport(db).importFile(file, 'bills');
    expect(
      db.prepare('SELECT bill_id, billing_period, period_start, product_type, amount_fen, settlement_amount_fen, status FROM bills ORDER BY bill_id').all(),
    ).toEqual([
      {
        bill_id: 'BL2026090001',
        billing_period: '2026-09',
        period_start: Date.parse('2026-08-31T16:00:00Z'),
        product_type: 'joint_operation',
        amount_fen: 52050,
        settlement_amount_fen: null,
        status: '申付审核',
      },
      {
        bill_id: 'BL2026100001',
        billing_period: '2026-10',
        period_start: Date.parse('2026-09-30T16:00:00Z'),
        product_type: 'general',
        amount_fen: 1880000,
        settlement_amount_fen: 1786000,
        status: '发票待审核',
      },
    ]);
  });

  it('refuses a bill with an impossible period, naming row and column', async () => {
    const db = database();
    const file = path.join(tempDir(), '账单.csv');
    fs.writeFileSync(file, ['账单编号,账期,账单金额', 'BL1,2026-13,1.00', 'BL2,2026-11,1.00'].join('\n'));
    const result = await sellerCenterImport(db).importFile(file, 'bills');
    expect(result).toMatchObject({ refused: true, imported: 0, problems: [{ row: 2, column: '账期', reason: expect.stringContaining('2026-13') }] });
    expect(count(db, 'bills')).toBe(0);
  });

  it('says a bills export is not a transaction-details export', async () => {
    const db = database();
    const file = path.join(tempDir(), 'bills.csv');
    fs.writeFileSync(file, '账单编号,账期,账单金额\nBL1,2026-11,1.00\n');
    await expect(sellerCenterImport(db).importFile(file, 'transaction_details')).rejects.toThrow(
      'bills.csv: this looks like a 账单 export, not a 交易明细 export',
    );
  });
});

describe('import as a job', () => {
  it('reports progress and, when cancelled midway, leaves the cache as it was', async () => {
    const dataDir = tempDir();
    const { core, client } = await startCore(dataDir, { sandbox: 'off' });
    try {
      const lines = ['订单号,订单状态,创建时间'];
      for (let i = 0; i < 150_000; i++) lines.push(`CS26${String(i).padStart(10, '0')}ABC,已完成,2026-11-24 10:00`);
      const contentBase64 = Buffer.from(lines.join('\n')).toString('base64');
      const progress: number[] = [];
      client.subscribe((event) => {
        if (event.type !== 'progress' || event.jobId !== 'import:test-cancel') return;
        progress.push(event.done);
        if (progress.length === 2) void client.call('jobs.cancel', { jobId: 'import:test-cancel' });
      });
      const answer = await client.tryCall('imports.sellerCenter', { kind: 'orders', fileName: '订单.csv', contentBase64, jobId: 'import:test-cancel' });
      expect(answer).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
      expect(progress.length).toBeGreaterThanOrEqual(2);
      expect(progress[1]).toBeGreaterThan(progress[0]!);
      expect(progress.at(-1)).toBeLessThan(150_000);
      expect(count(dbOf(core), 'orders')).toBe(0);
      expect(dbOf(core).pragma('database_list')).not.toContainEqual(expect.objectContaining({ name: 'import_staging' }));
      expect(fs.readdirSync(path.join(dataDir, 'import-staging'))).toEqual([]);
      expect(await client.call('jobs.cancel', { jobId: 'import:test-cancel' })).toEqual({ cancelled: false });
    } finally {
      await core.close();
    }
  }, 60_000);
});

describe('large workbooks in Chinese', () => {
  it("keeps every Chinese character intact across the streaming reader's chunk boundaries (no install-time patch: the reader decodes UTF-8 across chunks)", async () => {
    const db = database();
    const file = path.join(tempDir(), 'large.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const sheet = workbook.addWorksheet('订单列表');
    sheet.addRow(['订单号', '客户名称', '订单状态', '创建时间']).commit();
    for (let i = 0; i < 6000; i++)
      sheet
        .addRow([
          `CS26${String(i).padStart(8, '0')}ABCDE`,
          `杭州星河信息技术有限公司第${i}分公司`,
          ['已完成', '处理中', '已取消', '待支付'][i % 4],
          '2026-11-24 10:00',
        ])
        .commit();
    await workbook.commit();
    const result = await sellerCenterImport(db).importFile(file, 'orders');
    expect(result.problems).toEqual([]);
    expect(result.imported).toBe(6000);
    const broken = db.prepare(`SELECT COUNT(*) AS n FROM orders WHERE customer_name LIKE '%' || char(65533) || '%'`).get() as { n: number };
    expect(broken.n).toBe(0);
  });
});
