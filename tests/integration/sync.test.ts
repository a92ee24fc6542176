import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../electron/core/contract';
import { DATABASE_FILE_NAME, openDatabase, type SqliteDatabase } from '../../electron/core/db';
import { startSandboxServer, type SandboxServer } from '../../electron/sandbox';
import { transactionDetailsVisibleBefore as detailsVisibleBefore } from '../../electron/core/conventions';
import { buildCoreJobChild, runCoreJob } from '../support/child-process';
import { external, startCore, dbOf } from '../support/core';
import { setFaults } from '../support/sandbox';
import { countMatches } from '../../electron/core/lists';
import { DETAIL_LIST } from '../../electron/core/transaction-details';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
let sandbox: SandboxServer;
beforeAll(async () => {
  sandbox = await startSandboxServer({ seed: 'sync', size: 'small' });
  await buildCoreJobChild();
});
afterAll(() => sandbox.close());
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function core(dataDir = tempDir()) {
  const started = await startCore(dataDir, { sandbox: external(sandbox), usageTickMs: 0 });
  closers.push(() => started.core.close());
  return { ...started, dataDir };
}

const count = (db: SqliteDatabase, table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
const data = () => sandbox.state.dataset;
const expectedOrders = () =>
  Array.from({ length: data().counts.orders }, (_, i) => data().order(i)).filter((o) => o.lines.some((l) => l.charging_mode !== 'ON_DEMAND')).length;
const visibleDetails = () => data().detailIndexAt(detailsVisibleBefore(Date.now()));
/**
 * Every marketplace request waits 40 ms, so a sync of the small sandbox lasts long enough on any
 * machine for its progress, a cancel or a page read to land while it runs (a fast one synced its
 * 20,000 details in under 400 ms: two progress events, and the cancel came after the end).
 */
const slowMarketplace = () => setFaults(sandbox, { latencyMs: 40 });
afterEach(() => setFaults(sandbox, {}));

describe('sync from the sandbox', () => {
  it('fills the cache with every listed row, reports progress, and is idempotent', async () => {
    slowMarketplace();
    const { core: c, client } = await core();
    const events: CoreEvent[] = [];
    client.subscribe((event) => events.push(event));
    const results = await client.call('sync.run', {});
    expect(results.map((r) => [r.resource, r.completed])).toEqual([
      ['orders', true],
      ['transaction_details', true],
      ['tickets', true],
      ['products', true],
      ['seller_profile', true],
      ['store_traffic', true],
      ['supervision', true],
      ['requirements', true],
      ['offers', true],
      ['vouchers', true],
      ['planning', true],
      ['receivers', true],
    ]);
    const db = dbOf(c);
    expect(count(db, 'orders')).toBe(expectedOrders());
    expect(count(db, 'order_lines')).toBe(expectedOrders());
    expect(count(db, 'transaction_details')).toBe(visibleDetails());
    expect(count(db, 'tickets')).toBe(data().counts.tickets);
    expect(count(db, 'products')).toBe(data().counts.products);
    const progress = events.filter((e) => e.type === 'progress' && e.jobId === 'sync:transaction_details');
    expect(progress.length).toBeGreaterThan(2); // the job engine sends progress at most every 200 ms
    expect(progress.map((e) => (e.type === 'progress' ? e.done : 0))).toEqual(
      [...progress.map((e) => (e.type === 'progress' ? e.done : 0))].sort((a, b) => a - b),
    );
    expect(progress.at(-1)).toMatchObject({ done: visibleDetails(), etaMs: 0, finished: true });
    const status = await client.call('status.get', {});
    expect(status.sync.state).toBe('idle');
    const cursor = db.prepare(`SELECT complete_through FROM sync_cursors WHERE resource = 'transaction_details'`).get() as { complete_through: number };
    expect(cursor.complete_through).toBe(detailsVisibleBefore(Date.now()));

    db.prepare('DELETE FROM sync_cursors').run(); // read everything again from the start
    await client.call('sync.run', { resources: ['orders', 'tickets'] });
    expect(count(db, 'orders')).toBe(expectedOrders());
    expect(count(db, 'tickets')).toBe(data().counts.tickets);
  });

  it('syncs by itself when the source is reachable, and not when the interval is 0', async () => {
    const dataDir = tempDir();
    const started = await startCore(dataDir, { sandbox: external(sandbox), usageTickMs: 0, syncTickMs: 3_600_000 });
    closers.push(() => started.core.close());
    for (let i = 0; i < 100 && count(dbOf(started.core), 'tickets') < data().counts.tickets; i++) await new Promise((r) => setTimeout(r, 100));
    expect(count(dbOf(started.core), 'orders')).toBe(expectedOrders());
    expect(count(dbOf(started.core), 'tickets')).toBe(data().counts.tickets);

    await started.client.call('settings.update', { syncIntervalMinutes: 0 });
    dbOf(started.core).prepare('DELETE FROM sync_cursors').run();
    await started.core.host.runScheduleNow('sync.due');
    expect(count(dbOf(started.core), 'sync_cursors')).toBe(0); // nothing was synced again
  });

  it('stops on cancel and resumes from its cursor without duplicates', async () => {
    slowMarketplace();
    const { core: c, client } = await core();
    let cancelled = false;
    client.subscribe((event) => {
      if (!cancelled && event.type === 'progress' && event.done >= 3000) {
        cancelled = true;
        void client.call('sync.cancel', { resource: 'transaction_details' });
      }
    });
    const [first] = await client.call('sync.run', { resources: ['transaction_details'] });
    expect(first).toMatchObject({ cancelled: true, completed: false });
    expect(count(dbOf(c), 'transaction_details')).toBeLessThan(visibleDetails());
    const [second] = await client.call('sync.run', { resources: ['transaction_details'] });
    expect(second!.completed).toBe(true);
    expect(first!.rows + second!.rows).toBe(visibleDetails());
    expect(count(dbOf(c), 'transaction_details')).toBe(visibleDetails());
  });

  it('a crash between synced orders and their search index: the next start makes them searchable', async () => {
    const first = await core();
    await first.client.call('sync.run', { resources: ['orders'] });
    const db = dbOf(first.core);
    // what a page of a sync commits before the crash: the rows and the stale mark, no rebuild
    db.transaction(() => {
      db.prepare("UPDATE orders SET customer_name = '崩溃前同步的客户' WHERE order_id = (SELECT order_id FROM orders ORDER BY order_id LIMIT 1)").run();
      db.prepare("INSERT OR IGNORE INTO stale_search_indexes (index_name) VALUES ('orders_search')").run();
    })();
    const search = async (client: typeof first.client) => (await client.call('orders.page', { filters: { search: '崩溃前同步' }, limit: 10 })).rows;
    expect(await search(first.client)).toEqual([]);
    await first.core.close();
    const second = await core(first.dataDir);
    expect((await search(second.client)).map((r) => r.customerName)).toEqual(['崩溃前同步的客户']);
  });

  it('a failed sync shows as 同步出错 with the reason until a retry succeeds; connectivity follows the failed requests', async () => {
    const { client } = await core();
    const statuses: string[] = [];
    client.subscribe((event) => {
      if (event.type === 'status') statuses.push(`${event.status.sync.state}/${event.status.connectivity.state}`);
    });
    expect((await client.call('status.get', {})).connectivity.state).toBe('online'); // probed at start
    setFaults(sandbox, { rates: { server_error: 1 } });
    try {
      const [failed] = await client.call('sync.run', { resources: ['orders'] });
      expect(failed!.completed).toBe(false);
      expect(failed!.error).toMatchObject({ code: 'MKT.0999', httpStatus: expect.toSatisfy((s: number) => s >= 500) });
      const status = await client.call('status.get', {});
      expect(status.sync.state).toBe('error');
      expect(status.sync.resources.find((r) => r.resource === 'orders')).toMatchObject({ state: 'error', error: { code: 'MKT.0999' } });
      expect(status.connectivity).toMatchObject({ state: 'degraded', detail: expect.stringMatching(/^MKT\.0999 \(HTTP 50[023]\)$/) });
      expect(statuses).toContain('running/online'); // the status bar said 同步中 while it ran
      expect(statuses.at(-1)).toBe('error/degraded');
    } finally {
      setFaults(sandbox, {});
    }
    const [retried] = await client.call('sync.run', { resources: ['orders'] });
    expect(retried!.completed).toBe(true);
    const recovered = await client.call('status.get', {});
    expect(recovered.sync.state).toBe('idle');
    expect(recovered.sync.resources.find((r) => r.resource === 'orders')!.error).toBeNull();
    expect(recovered.connectivity.state).toBe('online');
  });

  it('a probe that reaches the health path does not hide a request that failed within the minute', async () => {
    let now = Date.now();
    const { client, core: c } = await startCore(tempDir(), { sandbox: external(sandbox), usageTickMs: 0, now: () => now });
    closers.push(() => c.close());
    setFaults(sandbox, { rates: { server_error: 1 } });
    try {
      await client.call('sync.run', { resources: ['tickets'] });
    } finally {
      setFaults(sandbox, {});
    }
    now += 59_000;
    expect((await client.call('status.checkConnectivity', {})).state).toBe('degraded');
    now += 1_000; // 60 s after the failure
    expect((await client.call('status.checkConnectivity', {})).state).toBe('online');
  });

  it('resumes after being killed mid-sync: same row count as the source, no duplicates, intact database', async () => {
    const dataDir = tempDir();
    for (let trial = 0; trial < 5; trial++) {
      const { child, exited } = runCoreJob(dataDir, sandbox.baseUrl, 'sync');
      setTimeout(() => child.kill('SIGKILL'), 300 + trial * 150);
      await exited;
    }
    expect(await runCoreJob(dataDir, sandbox.baseUrl, 'sync').exited).toBe(0);
    const db = openDatabase(path.join(dataDir, DATABASE_FILE_NAME));
    expect(count(db, 'transaction_details')).toBe(visibleDetails());
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expectDetailsIndexedAndCounted(db); // whichever kill interrupted the first sync's bulk load
    db.close();
  }, 60_000);

  it('a first sync of transaction details loads without indexes, answers meanwhile, and ends with every index and total back', async () => {
    slowMarketplace();
    const { core: c, client } = await core();
    const db = dbOf(c);
    let duringLoad: { setAside: number; pageRows: number } | null = null;
    client.subscribe((event) => {
      if (duringLoad || event.type !== 'progress' || event.jobId !== 'sync:transaction_details' || event.done < 2000) return;
      duringLoad = { setAside: count(db, 'bulk_loads'), pageRows: -1 };
      void client
        .call('transactionDetails.page', { filters: { billingStatus: 'billed' }, limit: 50 })
        .then((page) => (duringLoad!.pageRows = page.rows.length));
    });
    // pages refresh on the sync's end: by then every index and the totals (the unfiltered count reads them) are in
    let atEnd: { count: number; setAside: number } | null = null;
    client.subscribe((event) => {
      if (event.type === 'sync' && event.resource === 'transaction_details' && event.state === 'idle')
        atEnd = { count: countMatches(db, DETAIL_LIST, {}).count, setAside: count(db, 'bulk_loads') };
    });
    const [result] = await client.call('sync.run', { resources: ['transaction_details'] });
    expect(result!.completed).toBe(true);
    expect(atEnd).toEqual({ count: visibleDetails(), setAside: 0 });
    expect(duringLoad).toEqual({ setAside: expect.any(Number) as number, pageRows: 50 });
    expect(duringLoad!.setAside).toBeGreaterThan(6); // seven indexes and three triggers were set aside
    expectDetailsIndexedAndCounted(db);

    // the triggers are back: a changed amount moves the day totals at once
    const row = db.prepare('SELECT detail_id, amount_fen FROM transaction_details ORDER BY detail_id LIMIT 1').get() as {
      detail_id: string;
      amount_fen: number;
    };
    db.prepare('UPDATE transaction_details SET amount_fen = amount_fen + 12345 WHERE detail_id = ?').run(row.detail_id);
    expectDetailsIndexedAndCounted(db);
  });

  it('a sync into a table that already has rows keeps its indexes while it writes', async () => {
    const { core: c, client } = await core();
    const db = dbOf(c);
    await client.call('sync.run', { resources: ['transaction_details'] });
    db.prepare('DELETE FROM sync_cursors').run(); // from the start again, over the cached rows
    let setAsideDuringSecond = -1;
    client.subscribe((event) => {
      if (event.type === 'progress' && event.jobId === 'sync:transaction_details' && setAsideDuringSecond < 0) setAsideDuringSecond = count(db, 'bulk_loads');
    });
    await client.call('sync.run', { resources: ['transaction_details'] });
    expect(setAsideDuringSecond).toBe(0);
    expectDetailsIndexedAndCounted(db);
  });
});

/** Every index and trigger a freshly migrated database has on transaction_details, and day totals equal to a recount. */
function expectDetailsIndexedAndCounted(db: SqliteDatabase): void {
  const schema = (d: SqliteDatabase) =>
    d.prepare("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'transaction_details' AND sql IS NOT NULL ORDER BY name").all();
  const fresh = openDatabase(':memory:');
  expect(schema(db)).toEqual(schema(fresh));
  fresh.close();
  expect(count(db, 'bulk_loads')).toBe(0);
  const day = '((transaction_at + 28800000) / 86400000)';
  const recount = db
    .prepare(
      `SELECT ${day} AS key, product_type, product_name, billing_status, COUNT(*) AS transactions, SUM(amount_fen) AS amount_fen, SUM(settlement_amount_fen) AS settlement_amount_fen
       FROM transaction_details GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    )
    .all();
  const kept = db
    .prepare(
      'SELECT key, product_type, product_name, billing_status, transactions, amount_fen, settlement_amount_fen FROM detail_day_totals WHERE transactions <> 0 ORDER BY 1, 2, 3, 4',
    )
    .all();
  expect(kept).toEqual(recount);
  expect(kept.length).toBeGreaterThan(10);
}
