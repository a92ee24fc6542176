import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { billingPeriodOf } from '../../electron/core/conventions';
import { startSandboxServer, type SandboxServer } from '../../electron/sandbox';
import { callOverHttp, dbOf, external, startBrowserMode, startCore } from '../support/core';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** A core with no marketplace: everything it shows comes from rows the test writes, as another process would. */
async function offlineCore(now: number) {
  const started = await startCore(tempDir(), { sandbox: 'off', now: () => now, usageTickMs: 0 });
  closers.push(() => started.core.close());
  return { ...started, db: dbOf(started.core) };
}

const insertOrder = (db: Database.Database, id: string, o: { paidAt: number | null; amountFen: number; product?: string; type?: string; status?: string }) =>
  db
    .prepare(
      `INSERT INTO orders (order_id, order_type, status, product_type, product_name, customer_name, user_name, amount_fen, created_at, paid_at, source, updated_at)
       VALUES (?, 'NEW', ?, ?, ?, '客户', 'hw1', ?, ?, ?, 'test', 0)`,
    )
    .run(id, o.status ?? 'completed', o.type ?? 'general', o.product ?? '智云财务管理系统', o.amountFen, (o.paidAt ?? Date.UTC(2026, 0, 1)) - 60_000, o.paidAt);

const insertDetail = (db: Database.Database, id: string, d: { at: number; amountFen: number; billed: boolean; product?: string; type?: string }) =>
  db
    .prepare(
      `INSERT INTO transaction_details (detail_id, order_id, product_type, product_name, customer_account, charging_mode, billing_period, transaction_at,
         billing_status, amount_fen, settlement_amount_fen, source, updated_at)
       VALUES (?, 'CS1', ?, ?, 'hw1', 'PERIOD', ?, ?, ?, ?, ?, 'test', 0)`,
    )
    .run(
      id,
      d.type ?? 'general',
      d.product ?? '智云财务管理系统',
      billingPeriodOf(d.at),
      d.at,
      d.billed ? 'billed' : 'unbilled',
      d.amountFen,
      Math.round(d.amountFen * 0.9),
    );

// 2026-11-01 00:00 Beijing is 2026-10-31 16:00 UTC
const NOVEMBER_STARTS = Date.UTC(2026, 9, 31, 16);
const NOW = Date.UTC(2026, 11, 10, 4); // 2026-12-10 12:00 Beijing

describe('paid orders and transaction details by Beijing month', () => {
  it('counts an order in the month of its payment, at 00:00 Beijing exactly, and keeps one cancelled later', async () => {
    const { client, db } = await offlineCore(NOW);
    insertOrder(db, 'A-last-minute-of-october', { paidAt: NOVEMBER_STARTS - 1, amountFen: 10_000 });
    insertOrder(db, 'B-first-instant-of-november', { paidAt: NOVEMBER_STARTS, amountFen: 25_000, product: '天枢OCR 文字识别 API', type: 'joint_operation' });
    insertOrder(db, 'C-paid-september', { paidAt: Date.UTC(2026, 8, 15), amountFen: 8_000 });
    insertOrder(db, 'D-never-paid', { paidAt: null, amountFen: 99_900, status: 'pending_payment' });
    insertOrder(db, 'E-corrected', { paidAt: Date.UTC(2026, 10, 20), amountFen: 30_000 });
    insertOrder(db, 'F-deleted', { paidAt: Date.UTC(2026, 10, 21), amountFen: 77_700 });
    // C is cancelled in October (after payment), E's amount corrected, F removed
    db.prepare(`UPDATE orders SET status = 'cancelled', updated_at = ? WHERE order_id = 'C-paid-september'`).run(Date.UTC(2026, 9, 5));
    db.prepare(`UPDATE orders SET amount_fen = 32000 WHERE order_id = 'E-corrected'`).run();
    db.prepare(`DELETE FROM orders WHERE order_id = 'F-deleted'`).run();

    const { months } = await client.call('overview.get', {});
    expect(months.map((m) => m.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    const byMonth = Object.fromEntries(months.map((m) => [m.month, [m.paidOrders, m.amountFen]]));
    expect(byMonth['2026-09']).toEqual([1, 8_000]); // cancelled in October, still paid in September
    expect(byMonth['2026-10']).toEqual([1, 10_000]); // 23:59:59.999 on 31 October, Beijing
    expect(byMonth['2026-11']).toEqual([2, 25_000 + 32_000]); // 00:00 on 1 November and the corrected amount
    expect(byMonth['2026-12']).toEqual([0, 0]);
    expect(months.every((m) => m.pageViews === null && m.visitors === null)).toBe(true);
  });

  it('reports a quarter, a month and a single day from the same rows, by month, product type and product', async () => {
    const { client, db } = await offlineCore(NOW);
    insertOrder(db, 'A', { paidAt: NOVEMBER_STARTS - 1, amountFen: 10_000 });
    insertOrder(db, 'B', { paidAt: NOVEMBER_STARTS, amountFen: 25_000, product: '天枢OCR 文字识别 API', type: 'joint_operation' });
    insertOrder(db, 'C', { paidAt: Date.UTC(2026, 8, 30, 16), amountFen: 4_400 }); // 2026-10-01 00:00 Beijing: Q4
    insertDetail(db, 'D1', { at: NOVEMBER_STARTS - 1, amountFen: 1_000, billed: true });
    insertDetail(db, 'D2', { at: NOVEMBER_STARTS, amountFen: 2_000, billed: false, product: '天枢OCR 文字识别 API', type: 'joint_operation' });
    insertDetail(db, 'D3', { at: Date.UTC(2027, 0, 1), amountFen: 5_000, billed: true }); // 2027-01-01 08:00 Beijing: not Q4
    db.prepare(`UPDATE transaction_details SET billing_status = 'billed' WHERE detail_id = 'D2'`).run(); // billed later

    const quarter = await client.call('reports.storeFigures', { period: { kind: 'quarter', year: 2026, quarter: 4 } });
    expect(quarter.period).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quarter.totals).toEqual({ paidOrders: 3, orderAmountFen: 39_400, transactions: 2, billedFen: 3_000, unbilledFen: 0 });
    expect(quarter.byMonth).toEqual([
      { month: '2026-10', paidOrders: 2, orderAmountFen: 14_400, transactions: 1, billedFen: 1_000, unbilledFen: 0 },
      { month: '2026-11', paidOrders: 1, orderAmountFen: 25_000, transactions: 1, billedFen: 2_000, unbilledFen: 0 },
    ]);
    expect(quarter.byProductType.map((t) => [t.productType, t.orderAmountFen, t.billedFen])).toEqual([
      ['joint_operation', 25_000, 2_000],
      ['general', 14_400, 1_000],
    ]);
    expect(quarter.byProduct.map((p) => [p.productName, p.products, p.paidOrders])).toEqual([
      ['天枢OCR 文字识别 API', 1, 1],
      ['智云财务管理系统', 1, 2],
    ]);

    const lastDayOfOctober = await client.call('reports.storeFigures', { period: { kind: 'range', from: '2026-10-31', to: '2026-10-31' } });
    expect(lastDayOfOctober.totals).toMatchObject({ paidOrders: 1, orderAmountFen: 10_000, transactions: 1, billedFen: 1_000 });
    // a range read from whole months and ragged days alike: 30 Sep (days), October and November (months)
    const ragged = await client.call('reports.storeFigures', { period: { kind: 'range', from: '2026-09-30', to: '2026-11-30' } });
    expect(ragged.totals).toEqual({ paidOrders: 3, orderAmountFen: 39_400, transactions: 2, billedFen: 3_000, unbilledFen: 0 });
    const acrossTheLine = await client.call('reports.storeFigures', { period: { kind: 'range', from: '2026-10-31', to: '2026-11-01' } });
    expect(acrossTheLine.byMonth.map((m) => [m.month, m.paidOrders])).toEqual([
      ['2026-10', 1],
      ['2026-11', 1],
    ]);
    const november = await client.call('reports.storeFigures', { period: { kind: 'month', month: '2026-11' } });
    expect(november.totals).toMatchObject({ paidOrders: 1, orderAmountFen: 25_000, transactions: 1, billedFen: 2_000 });
    await expect(client.call('reports.storeFigures', { period: { kind: 'range', from: '2026-04-31', to: '2026-05-01' } })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('names the top ten products and sums the rest in one line', async () => {
    const { client, db } = await offlineCore(NOW);
    for (let i = 1; i <= 13; i++)
      insertOrder(db, `P${i}`, { paidAt: Date.UTC(2026, 10, 2), amountFen: i * 1_000, product: `商品${String(i).padStart(2, '0')}` });
    const { byProduct } = await client.call('reports.storeFigures', { period: { kind: 'month', month: '2026-11' } });
    expect(byProduct).toHaveLength(11);
    expect(byProduct[0]).toMatchObject({ productName: '商品13', orderAmountFen: 13_000 });
    expect(byProduct[9]).toMatchObject({ productName: '商品04' });
    expect(byProduct[10]).toMatchObject({ productName: null, products: 3, paidOrders: 3, orderAmountFen: 6_000 });
  });
});

describe('the day totals behind them', () => {
  let sandbox: SandboxServer;
  beforeAll(async () => {
    sandbox = await startSandboxServer({ seed: 'figures', size: 'small' });
  });
  afterAll(() => sandbox.close());

  /** What each totals table holds, beside the same grouping recounted from the rows themselves. */
  const DAY = '(%s + 28800000) / 86400000';
  const MONTH = "strftime('%Y-%m', (%s + 28800000) / 1000, 'unixepoch')";
  const recount = (db: Database.Database) =>
    [DAY, MONTH].flatMap((key, i) => {
      const unit = i === 0 ? 'day' : 'month';
      return [
        {
          table: `order_${unit}_totals`,
          kept: db
            .prepare(`SELECT key, product_type, product_name, orders AS n, amount_fen AS amount FROM order_${unit}_totals WHERE orders != 0 ORDER BY 1, 2, 3`)
            .all(),
          counted: db
            .prepare(
              `SELECT ${key.replace('%s', 'paid_at')} AS key, product_type, product_name, COUNT(*) AS n, SUM(amount_fen) AS amount FROM orders
                WHERE paid_at IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
            )
            .all(),
        },
        {
          table: `detail_${unit}_totals`,
          kept: db
            .prepare(
              `SELECT key, product_type, product_name, billing_status, transactions AS n, amount_fen AS amount, settlement_amount_fen AS settlement
                 FROM detail_${unit}_totals WHERE transactions != 0 ORDER BY 1, 2, 3, 4`,
            )
            .all(),
          counted: db
            .prepare(
              `SELECT ${key.replace('%s', 'transaction_at')} AS key, product_type, product_name, billing_status, COUNT(*) AS n, SUM(amount_fen) AS amount,
                 SUM(settlement_amount_fen) AS settlement FROM transaction_details GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
            )
            .all(),
        },
      ];
    });

  it('always equal a full recount: after a sync, a second sync, an order refresh, corrections and deletions', async () => {
    const { core, client } = await startCore(tempDir(), { sandbox: external(sandbox), usageTickMs: 0 });
    closers.push(() => core.close());
    const db = dbOf(core);
    const expectEqual = () => {
      for (const { table, kept, counted } of recount(db)) expect(kept, table).toEqual(counted);
    };
    await client.call('sync.run', { resources: ['orders', 'transaction_details'] });
    expect(recount(db)[0]!.counted.length).toBeGreaterThan(100);
    expectEqual();
    db.prepare('DELETE FROM sync_cursors').run();
    await client.call('sync.run', { resources: ['orders', 'transaction_details'] }); // every row written again
    expectEqual();
    const order = (await client.call('orders.page', { limit: 1, offset: 5 })).rows[0]!;
    db.prepare('UPDATE orders SET amount_fen = amount_fen + 1, paid_at = paid_at + 40 * 86400000, product_name = ? WHERE order_id = ?').run(
      '改名商品',
      order.orderId,
    );
    expectEqual();
    await client.call('orders.refresh', { orderId: order.orderId }); // the marketplace's values again
    expectEqual();
    db.prepare(`UPDATE transaction_details SET billing_status = CASE billing_status WHEN 'billed' THEN 'unbilled' ELSE 'billed' END WHERE rowid % 7 = 0`).run();
    db.prepare('DELETE FROM transaction_details WHERE rowid % 11 = 0').run();
    db.prepare('DELETE FROM orders WHERE rowid % 13 = 0').run();
    expectEqual();
  });

  it('gives over HTTP in browser mode the 12 months a script computes from orders.page', async () => {
    const { core, client } = await startCore(tempDir(), { sandbox: external(sandbox), usageTickMs: 0 });
    closers.push(() => core.close());
    await client.call('sync.run', {});
    const host = await startBrowserMode(core, tempDir());
    closers.push(() => host.close());
    const expected = new Map<string, { paidOrders: number; amountFen: number }>();
    let after: unknown = null;
    do {
      const { body } = await callOverHttp(host, 'orders.page', { limit: 500, after });
      const page = (body as { value: { rows: { paidAt: number | null; amountFen: number }[]; next: unknown } }).value;
      for (const row of page.rows) {
        if (row.paidAt === null) continue;
        const month = expected.get(billingPeriodOf(row.paidAt)) ?? { paidOrders: 0, amountFen: 0 };
        expected.set(billingPeriodOf(row.paidAt), { paidOrders: month.paidOrders + 1, amountFen: month.amountFen + row.amountFen });
      }
      after = page.next;
    } while (after);
    const { body } = await callOverHttp(host, 'overview.get', {});
    const overview = (body as { value: { months: { month: string; paidOrders: number; amountFen: number; pageViews: number | null }[] } }).value;
    expect(overview.months).toHaveLength(12);
    expect(overview.months.at(-1)!.month).toBe(billingPeriodOf(Date.now()));
    for (const m of overview.months)
      expect([m.month, m.paidOrders, m.amountFen]).toEqual([m.month, expected.get(m.month)?.paidOrders ?? 0, expected.get(m.month)?.amountFen ?? 0]);
    expect(overview.months.reduce((n, m) => n + m.paidOrders, 0)).toBeGreaterThan(100);
    expect(overview.months.every((m) => m.pageViews !== null && m.pageViews > 0)).toBe(true); // the sandbox lists store traffic
  });
});
