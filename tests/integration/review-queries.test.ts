import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { Core } from '../../electron/core';
import type { CoreClient } from '../../electron/core/contract';
import { startSandboxServer, type SandboxServer } from '../../electron/sandbox';
import { countSql, joinConditions } from '../../electron/core/lists';
import { DETAIL_LIST } from '../../electron/core/transaction-details';
import { external, startCore, dbOf } from '../support/core';
import { useFileTempDir } from '../support/temp-dir';

const dataDir = useFileTempDir();
let sandbox: SandboxServer;
let core: Core;
let client: CoreClient;
beforeAll(async () => {
  sandbox = await startSandboxServer({ seed: 'review', size: 'small' });
  ({ core, client } = await startCore(dataDir, { sandbox: external(sandbox), usageTickMs: 0 }));
  await client.call('sync.run', {});
});
afterAll(async () => {
  await core.close();
  await sandbox.close();
});

describe('review pages in the core', () => {
  it('pages orders newest first by key, the same rows as by offset, with no gaps', async () => {
    const all: string[] = [];
    let after = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof client.call<'orders.page'>>> = await client.call('orders.page', { limit: 200, after });
      all.push(...page.rows.map((r) => r.orderId));
      if (!page.next) break;
      after = page.next;
    }
    const { count } = await client.call('orders.count', {});
    expect(all).toHaveLength(count);
    expect(new Set(all).size).toBe(count);
    const byOffset = await client.call('orders.page', { limit: 5, offset: 600 });
    expect(byOffset.rows.map((r) => r.orderId)).toEqual(all.slice(600, 605));
  });

  it('filters by status, product type and creation time, and opens an order with its lines', async () => {
    const from = Date.now() - 90 * 86_400_000;
    const page = await client.call('orders.page', { filters: { status: 'completed', productType: 'general', createdFrom: from }, limit: 50 });
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.status === 'completed' && r.productType === 'general' && r.createdAt >= from)).toBe(true);
    const detail = await client.call('orders.get', { orderId: page.rows[0]!.orderId });
    expect(detail.lines[0]).toMatchObject({ orderLineId: `${page.rows[0]!.orderId}-000001` });
    await expect(client.call('orders.get', { orderId: 'CS0000000000NOPE0' })).rejects.toThrow('not in the local cache');
  });

  it('finds orders by a Chinese substring of 3+ characters (trigram) and of 1–2 characters', async () => {
    const sample = (await client.call('orders.page', { limit: 1, offset: 100 })).rows[0]!;
    const three = [...sample.customerName].slice(2, 5).join('');
    const hits = await client.call('orders.page', { filters: { search: three }, limit: 500 });
    expect(hits.rows.length).toBeGreaterThan(0);
    expect(hits.rows.every((r) => [r.orderId, r.customerName, r.userName, r.productName].some((f) => f.includes(three)))).toBe(true);
    expect(hits.rows.map((r) => r.orderId)).toContain(sample.orderId);
    const two = [...sample.productName].slice(0, 2).join('');
    const short = await client.call('orders.page', { filters: { search: two }, limit: 500 });
    expect(short.rows.every((r) => [r.orderId, r.customerName, r.userName, r.productName].some((f) => f.includes(two)))).toBe(true);
    expect((await client.call('orders.page', { filters: { search: '不存在的客户名称' }, limit: 10 })).rows).toEqual([]);
  });

  it('refreshes one order from the marketplace through the order query API', async () => {
    const mock = await client.call('orders.refresh', { orderId: 'MOCKPERIODYEARNEW' });
    expect(mock.order).toMatchObject({ orderId: 'MOCKPERIODYEARNEW', orderType: 'NEW', createdAt: Date.UTC(2024, 10, 21, 9, 8, 46), amountFen: 10000 });
    expect(mock.lines).toMatchObject([
      { orderLineId: 'MOCKPERIODYEARNEW-000001', chargingMode: 'PERIOD', periodType: 'year', periodNumber: 1, skuCode: '0a4d1578-5295-46a7-92d4-7c803dccc51d' },
    ]);
    const cached = (await client.call('orders.page', { limit: 1, offset: 10 })).rows[0]!;
    dbOf(core).prepare('UPDATE orders SET customer_name = ? WHERE order_id = ?').run('stale', cached.orderId);
    const refreshed = await client.call('orders.refresh', { orderId: cached.orderId });
    expect(refreshed.order).toMatchObject({ customerName: cached.customerName, status: cached.status });
    // search follows a refreshed order at once, and finds one that was not cached before
    const byCustomer = await client.call('orders.page', { filters: { search: [...cached.customerName].slice(0, 3).join('') }, limit: 500 });
    expect(byCustomer.rows.map((r) => r.orderId)).toContain(cached.orderId);
    expect((await client.call('orders.page', { filters: { search: 'MOCKPERIODYEAR' }, limit: 10 })).rows.map((r) => r.orderId)).toContain('MOCKPERIODYEARNEW');
    await expect(client.call('orders.refresh', { orderId: 'CS0000000000NOPE0' })).rejects.toThrow(/could not return order CS0000000000NOPE0: MKT.0101/);
  });

  it('filters transaction details and tickets waiting on me', async () => {
    const billed = await client.call('transactionDetails.page', { filters: { billingStatus: 'unbilled', productType: 'joint_operation' }, limit: 100 });
    expect(billed.rows.every((r) => r.billingStatus === 'unbilled' && r.productType === 'joint_operation')).toBe(true);
    const counted = await client.call('transactionDetails.count', { filters: { billingPeriod: billed.rows[0]!.billingPeriod } });
    expect(counted.exact).toBe(true);
    expect(counted.count).toBeGreaterThan(0);
    const mine = await client.call('tickets.page', { filters: { waitingOnMe: true }, limit: 100 });
    expect(mine.rows.every((t) => t.waitingOnMe && ['pending', 'processing'].includes(t.status))).toBe(true);
  });
});

describe('sorting and totals', () => {
  async function allPages<M extends 'transactionDetails.page' | 'tickets.page'>(method: M, input: Record<string, unknown>) {
    type Page = { rows: Awaited<ReturnType<typeof client.call<M>>>['rows']; next: unknown };
    const rows: Page['rows'] = [];
    let after: unknown = null;
    for (;;) {
      const page = (await client.call(method, { ...input, limit: 500, after } as never)) as Page;
      rows.push(...(page.rows as never[]));
      if (!page.next) return rows;
      after = page.next;
    }
  }

  it('pages transaction details by amount, both ways, through ties, with every row once', async () => {
    const filters = { billingPeriod: '2026-10' };
    const { count } = await client.call('transactionDetails.count', { filters });
    for (const direction of ['asc', 'desc'] as const) {
      const rows = await allPages('transactionDetails.page', { filters, sort: { field: 'amountFen', direction } });
      expect(rows).toHaveLength(count);
      expect(new Set(rows.map((r) => r.detailId)).size).toBe(count);
      const amounts = rows.map((r) => r.amountFen);
      expect(amounts).toEqual([...amounts].sort((a, b) => (direction === 'asc' ? a - b : b - a)));
      expect(amounts.length - new Set(amounts).size).toBeGreaterThan(0); // ties exist, so the id breaks them
    }
  });

  it('orders tickets waiting on me by SLA, overdue first, and tickets without SLA last', async () => {
    dbOf(core)
      .prepare('UPDATE tickets SET sla_due_at = NULL WHERE ticket_id = (SELECT ticket_id FROM tickets WHERE waiting_on_me = 1 ORDER BY ticket_id LIMIT 1)')
      .run();
    const rows = await allPages('tickets.page', { filters: { waitingOnMe: true }, sort: { field: 'slaDueAt', direction: 'asc' } });
    const due = rows.map((r) => r.slaDueAt);
    expect(due.at(-1)).toBeNull();
    const known = due.filter((d): d is number => d !== null);
    expect(known).toEqual([...known].sort((a, b) => a - b));
    expect(known[0]!).toBeLessThan(Date.now()); // the most overdue is at the top
  });

  it('sums 交易金额, 结算金额 and 运营管理费 over exactly the filtered rows', async () => {
    const filters = { productType: 'joint_operation' as const, billingStatus: 'unbilled' as const };
    const rows = await allPages('transactionDetails.page', { filters });
    const totals = await client.call('transactionDetails.totals', { filters });
    const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + f(r), 0);
    expect(totals).toEqual({
      rows: rows.length,
      amountFen: sum((r) => r.amountFen),
      settlementAmountFen: sum((r) => r.settlementAmountFen),
      opsFeeFen: sum((r) => r.amountFen - r.settlementAmountFen),
    });
    expect(await client.call('transactionDetails.totals', { filters: { orderId: 'NO-SUCH-ORDER' } })).toEqual({
      rows: 0,
      amountFen: 0,
      settlementAmountFen: 0,
      opsFeeFen: 0,
    });
  });

  it('refuses a sort by a column the list cannot sort by, naming it', async () => {
    await expect(client.call('orders.page', { sort: { field: 'customerName', direction: 'asc' } } as never)).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [expect.objectContaining({ path: 'sort.field' })],
    });
  });
});

describe('counts', () => {
  it('a remembered count follows writes by this core and by another connection (another process)', async () => {
    const count = async () => (await client.call('transactionDetails.count', { filters: { productType: 'general', billingPeriod: '2026-11' } })).count;
    const before = await count();
    expect(await count()).toBe(before);
    const insert = `INSERT INTO transaction_details (detail_id, order_id, product_type, product_name, customer_account, charging_mode, billing_period, transaction_at, billing_status, amount_fen, settlement_amount_fen, source, updated_at)
      VALUES (?, 'CS2611000000COUNT', 'general', '计数测试', 'hw-count', 'PERIOD', '2026-11', 0, 'unbilled', 100, 95, 'test', 0)`;
    dbOf(core).prepare(insert).run('COUNT-1');
    expect(await count()).toBe(before + 1);
    const other = new Database(core.host.databaseFile);
    try {
      other.prepare(insert).run('COUNT-2');
      expect(await count()).toBe(before + 2);
      other.prepare("DELETE FROM transaction_details WHERE detail_id LIKE 'COUNT-%'").run();
    } finally {
      other.close();
    }
    expect(await count()).toBe(before);
  });

  describe('交易明细 counts and 合计 from the day and month totals', () => {
    type Filters = Parameters<typeof DETAIL_LIST.conditions>[0];
    const HOUR = 3_600_000;
    const midnight = Date.UTC(2026, 9, 15) - 8 * HOUR; // Beijing 2026-10-15 00:00
    const nextMidnight = midnight + 24 * HOUR;
    const insert = `INSERT INTO transaction_details (detail_id, order_id, product_type, product_name, customer_account, charging_mode, billing_period, transaction_at, billing_status, amount_fen, settlement_amount_fen, source, updated_at)
      VALUES (@id, 'CS2610000000EDGES', @type, '边界测试', 'hw-edge', 'PERIOD', '2026-10', @at, @status, 100, 95, 'test', 0)`;
    const edges = [midnight - 1, midnight, midnight + 1, nextMidnight - 1, nextMidnight, nextMidnight + 1];
    const counted = async (filters: Filters) => (await client.call('transactionDetails.count', { filters })).count;
    const countStar = (filters: Filters) => {
      const { sql, params } = countSql(DETAIL_LIST.table, DETAIL_LIST.conditions(filters));
      return (dbOf(core).prepare(sql).get(params) as { n: number }).n;
    };
    const summed = (filters: Filters) => client.call('transactionDetails.totals', { filters });
    const sumOfRows = (filters: Filters) => {
      const { where, params } = joinConditions(DETAIL_LIST.conditions(filters));
      const sums = `COUNT(*) AS rows, COALESCE(SUM(amount_fen), 0) AS amountFen, COALESCE(SUM(settlement_amount_fen), 0) AS settlementAmountFen,
        COALESCE(SUM(amount_fen - settlement_amount_fen), 0) AS opsFeeFen`;
      return dbOf(core).prepare(`SELECT ${sums} FROM transaction_details ${where}`).get(params);
    };

    beforeAll(() => {
      edges.forEach((at, i) => {
        dbOf(core)
          .prepare(insert)
          .run({ id: `EDGE-${i}-a`, type: 'general', at, status: 'billed' });
        dbOf(core)
          .prepare(insert)
          .run({ id: `EDGE-${i}-b`, type: 'joint_operation', at, status: 'unbilled' });
      });
    });
    afterAll(() => dbOf(core).prepare("DELETE FROM transaction_details WHERE detail_id LIKE 'EDGE-%'").run());

    it('equal COUNT(*) and the sums of the rows for product types, 出账状态 and ranges from and to Beijing midnights', async () => {
      const exact: Filters[] = [
        {},
        { productType: 'general' },
        { productType: 'joint_operation', billingStatus: 'unbilled' },
        { billingStatus: 'billed' },
        { transactionFrom: midnight },
        { transactionTo: midnight },
        { transactionFrom: midnight, transactionTo: nextMidnight },
        { productType: 'general', billingStatus: 'billed', transactionFrom: midnight, transactionTo: nextMidnight },
      ];
      for (const filters of exact) {
        expect(DETAIL_LIST.keptTotals!(filters), JSON.stringify(filters)).not.toBeNull();
        expect(await counted(filters), JSON.stringify(filters)).toBe(countStar(filters));
        expect(await summed(filters), JSON.stringify(filters)).toEqual(sumOfRows(filters));
      }
    });

    it('count and sum the rows when a time is inside a day or another filter is set', async () => {
      const inside: Filters[] = [
        { transactionFrom: midnight + 1 },
        { transactionTo: nextMidnight - 1 },
        { transactionFrom: midnight - 1, transactionTo: nextMidnight + 1 },
        { productType: 'general', transactionFrom: midnight + HOUR, transactionTo: nextMidnight },
        { productType: 'general', billingPeriod: '2026-10' },
        { customerAccount: 'hw-edge' },
      ];
      for (const filters of inside) {
        expect(DETAIL_LIST.keptTotals!(filters), JSON.stringify(filters)).toBeNull();
        expect(await counted(filters), JSON.stringify(filters)).toBe(countStar(filters));
        expect(await summed(filters), JSON.stringify(filters)).toEqual(sumOfRows(filters));
      }
    });

    it('count and sum the rows while a bulk load has set the totals triggers aside', async () => {
      const db = dbOf(core);
      const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'detail_totals_%'").all() as {
        name: string;
        sql: string;
      }[];
      expect(triggers).toHaveLength(3);
      triggers.forEach((t) => db.exec(`DROP TRIGGER ${t.name}`));
      try {
        db.prepare(insert).run({ id: 'EDGE-untotalled', type: 'general', at: midnight, status: 'billed' });
        expect(await counted({ productType: 'general' })).toBe(countStar({ productType: 'general' }));
        expect(await summed({ productType: 'general' })).toEqual(sumOfRows({ productType: 'general' }));
        db.prepare("DELETE FROM transaction_details WHERE detail_id = 'EDGE-untotalled'").run();
      } finally {
        triggers.forEach((t) => db.exec(t.sql));
      }
      expect(await counted({ productType: 'general' })).toBe(countStar({ productType: 'general' }));
    });
  });
});
