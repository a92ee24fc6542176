import fs from 'node:fs';
import Database from 'better-sqlite3';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '../../electron/core';
import { openDatabase } from '../../electron/core/db';
import { DETAIL_FIELDS } from '../../electron/core/transaction-details';
import { breakdown, percentile, report } from './report';
import { benchCore, startSandboxProcess } from './sandbox-process';

/** Sync the large sandbox (1,000,000 transaction details, 200,000 orders), then time review-page queries on it. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seller-desk-bench-sync-'));
const { baseUrl, process: sandbox } = await startSandboxProcess('bench', 'large');
try {
  const { core, client } = await benchCore(dir, baseUrl);
  const wal = sampleWalPeak(core.host.databaseFile);
  const started = performance.now();
  const [result] = await client.call('sync.run', { resources: ['transaction_details'] });
  const seconds = (performance.now() - started) / 1000;
  const walPeakMb = wal.stop();
  if (!result?.completed || result.rows < 990_000) throw new Error(`sync incomplete: ${JSON.stringify(result)}`);
  const baseline = bareUpsertSeconds(core.host.databaseFile, path.join(dir, 'bare.sqlite'));
  report({ name: 'sync.transaction_details_1m', value: seconds, unit: 's', target: 15, better: 'lower', baseline });
  const { waitingForPagesMs, waitingForCheckpointMs, writingMs, finishingMs } = result.timings;
  breakdown('sync.transaction_details_1m', 'waiting_for_pages', waitingForPagesMs / 1000, 's');
  breakdown('sync.transaction_details_1m', 'waiting_for_checkpoint', waitingForCheckpointMs / 1000, 's');
  breakdown('sync.transaction_details_1m', 'sqlite_write', writingMs / 1000, 's');
  breakdown('sync.transaction_details_1m', 'indexes_and_totals_at_end', finishingMs / 1000, 's');
  breakdown('sync.transaction_details_1m', 'sandbox_cpu', cpuSeconds(sandbox.pid!), 's');
  report({ name: 'sync.transaction_details_1m_wal_peak', value: walPeakMb, unit: 'MB', target: 128, better: 'lower' });
  await client.call('sync.run', { resources: ['orders'] });
  await benchPageQueries(core);
  await benchFigures(core);
  await core.close();
} finally {
  sandbox.kill();
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * The baseline: the same rows, already in memory, upserted by bare better-sqlite3 into an empty
 * transaction_details of the same schema, 1,000 rows a transaction, with its indexes built after the
 * last row, as the sync does — SQLite's own pace, without the marketplace, HTTP or JSON.
 */
function bareUpsertSeconds(syncedFile: string, bareFile: string): number {
  const source = new Database(syncedFile, { readonly: true });
  const target = openDatabase(bareFile);
  const setAside = target
    .prepare("SELECT name, sql FROM sqlite_master WHERE tbl_name = 'transaction_details' AND type IN ('index', 'trigger') AND sql IS NOT NULL")
    .all() as { name: string; sql: string }[];
  setAside.forEach(({ name, sql }) => target.exec(`DROP ${sql.startsWith('CREATE TRIGGER') ? 'TRIGGER' : 'INDEX'} ${name}`));
  const columns = [...DETAIL_FIELDS, 'source'];
  const upsert = target.prepare(
    `INSERT INTO transaction_details (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
     ON CONFLICT (detail_id) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`,
  );
  target.pragma('synchronous = NORMAL');
  const writePage = target.transaction((rows: unknown[][]) => rows.forEach((row) => upsert.run(row)));
  let seconds = 0;
  let page: unknown[][] = [];
  const flush = () => {
    const started = performance.now();
    writePage(page);
    seconds += (performance.now() - started) / 1000;
    page = [];
  };
  for (const row of source
    .prepare(`SELECT ${columns.join(', ')} FROM transaction_details`)
    .raw()
    .iterate() as IterableIterator<unknown[]>) {
    page.push(row);
    if (page.length === 1000) flush();
  }
  flush();
  const started = performance.now();
  setAside.forEach(({ sql }) => target.exec(sql));
  seconds += (performance.now() - started) / 1000;
  source.close();
  target.close();
  return seconds;
}

function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
}

/** The largest the write-ahead log got, sampled every 100 ms: how much disk a long sync borrows. */
function sampleWalPeak(databaseFile: string): { stop(): number } {
  let peak = 0;
  const sample = () => {
    try {
      peak = Math.max(peak, fs.statSync(`${databaseFile}-wal`).size);
    } catch {
      // no WAL file at this instant
    }
  };
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return Math.round(peak / 1e5) / 10;
    },
  };
}

async function benchPageQueries(core: Core): Promise<void> {
  const call = (method: string, input: unknown) => core.dispatch(method, input);
  const newest = (
    (await call('transactionDetails.page', { limit: 1 })) as {
      value: { rows: { transactionAt: number; orderId: string; customerAccount: string; billingPeriod: string }[] };
    }
  ).value.rows[0]!;
  const day = 86_400_000;
  const filters = [
    {},
    { billingStatus: 'unbilled' },
    { productType: 'joint_operation' },
    { billingPeriod: newest.billingPeriod },
    { customerAccount: newest.customerAccount },
    { orderId: newest.orderId.slice(0, 8) },
    { transactionFrom: newest.transactionAt - 30 * day, transactionTo: newest.transactionAt },
    { supervisionStatus: '已完成', billingStatus: 'billed' },
  ];
  /** ms per page: three pages of each filter, `rounds` times over. */
  const timePages = async (rounds: number, sort: unknown = null) => {
    const samples: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const f of filters) {
        let after = null;
        for (let page = 0; page < 3; page++) {
          const t = performance.now();
          const answer = (await call('transactionDetails.page', { filters: f, limit: 100, after, sort })) as { value: { next: unknown } };
          samples.push(performance.now() - t);
          after = answer.value.next;
          if (!after) break;
        }
      }
    }
    return samples;
  };
  const samples = await timePages(25);
  report({ name: 'review.page_query_1m_p95', value: percentile(samples, 95), unit: 'ms', target: 10, better: 'lower' });

  // 交易明细 sorted by 交易金额 (a header click), largest first, the same filters and three pages each
  const sorted = await timePages(3, { field: 'amountFen', direction: 'desc' });
  report({ name: 'review.sorted_page_query_1m_p95', value: percentile(sorted, 95), unit: 'ms', target: 500, better: 'lower' });

  // 合计 over what the filters select, on the aggregate worker (the first of each is not remembered)
  const totals: number[] = [];
  for (const f of filters) {
    const t = performance.now();
    await call('transactionDetails.totals', { filters: f });
    totals.push(performance.now() - t);
  }
  report({ name: 'review.totals_1m_max', value: Math.round(Math.max(...totals)), unit: 'ms', target: 1000, better: 'lower' });

  const orders = ((await call('orders.page', { limit: 50, offset: 1000 })) as { value: { rows: { customerName: string; productName: string }[] } }).value.rows;
  const searches: number[] = [];
  for (const order of orders) {
    for (const term of [[...order.customerName].slice(2, 6).join(''), [...order.productName].slice(1, 5).join('')]) {
      const t = performance.now();
      await call('orders.page', { filters: { search: term }, limit: 100 });
      searches.push(performance.now() - t);
    }
  }
  report({ name: 'review.search_orders_p95', value: percentile(searches, 95), unit: 'ms', target: 50, better: 'lower' });

  // 1–2 character Chinese terms (华为, 北京, a city, a product word), and one found nowhere (鑫淼: every row is looked at)
  const shortTerms = [
    '华为',
    '北京',
    '云',
    '数据',
    '鑫淼',
    ...orders.slice(0, 20).flatMap((o) => [[...o.customerName].slice(0, 2).join(''), [...o.productName].slice(2, 4).join('')]),
  ];
  const short: number[] = [];
  for (const term of shortTerms.filter((t) => [...t].length <= 2)) {
    for (let round = 0; round < 2; round++) {
      const t = performance.now();
      await call('orders.page', { filters: { search: term }, limit: 100 });
      short.push(performance.now() - t);
    }
  }
  report({ name: 'review.search_orders_2char_p95', value: percentile(short, 95), unit: 'ms', target: 20, better: 'lower' });
}

/**
 * 商家总览 and the store figures report on 200,000 orders and 1,000,000 transaction details, against
 * the plain GROUP BY over the same rows (the baseline: what the day totals spare).
 */
async function benchFigures(core: Core): Promise<void> {
  const call = (method: string, input: unknown) => core.dispatch(method, input);
  const db = new Database(core.host.databaseFile, { readonly: true });
  const yearOf = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
  const from = Date.UTC(yearOf - 1, new Date().getUTCMonth() - 10, 1) - 8 * 3_600_000;
  const to = Date.UTC(yearOf + 1, 0, 1) - 8 * 3_600_000;
  const month = `strftime('%Y-%m', (paid_at + 28800000) / 1000, 'unixepoch')`;
  const overviewPlain = db.prepare(`SELECT ${month} AS month, COUNT(*), SUM(amount_fen) FROM orders WHERE paid_at >= ? AND paid_at < ? GROUP BY month`);
  const yearFrom = Date.UTC(yearOf, 0, 1) - 8 * 3_600_000;
  const detailMonth = `strftime('%Y-%m', (transaction_at + 28800000) / 1000, 'unixepoch')`;
  const reportPlain = [
    db.prepare(`SELECT ${month}, COUNT(*), SUM(amount_fen) FROM orders WHERE paid_at >= ? AND paid_at < ? GROUP BY 1`),
    db.prepare(`SELECT product_type, COUNT(*), SUM(amount_fen) FROM orders WHERE paid_at >= ? AND paid_at < ? GROUP BY 1`),
    db.prepare(`SELECT product_name, COUNT(*), SUM(amount_fen) FROM orders WHERE paid_at >= ? AND paid_at < ? GROUP BY 1`),
    db.prepare(
      `SELECT ${detailMonth}, billing_status, COUNT(*), SUM(amount_fen) FROM transaction_details WHERE transaction_at >= ? AND transaction_at < ? GROUP BY 1, 2`,
    ),
    db.prepare(
      `SELECT product_type, billing_status, COUNT(*), SUM(amount_fen) FROM transaction_details WHERE transaction_at >= ? AND transaction_at < ? GROUP BY 1, 2`,
    ),
    db.prepare(
      `SELECT product_name, billing_status, COUNT(*), SUM(amount_fen) FROM transaction_details WHERE transaction_at >= ? AND transaction_at < ? GROUP BY 1, 2`,
    ),
  ];
  const time = async (runs: number, run: () => unknown) => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await run();
      samples.push(performance.now() - t);
    }
    return percentile(samples, 95);
  };
  const reportAgainst = (name: string, value: number, target: number, baseline: number) =>
    report({ name, value: Math.round(value * 10) / 10, unit: 'ms', target, better: 'lower', baseline: Math.round(baseline * 10) / 10 });
  const overviewBaseline = await time(10, () => overviewPlain.all(from, to));
  reportAgainst('overview.load_p95', await time(30, () => call('overview.get', {})), 50, overviewBaseline);
  const reportBaseline = await time(5, () => reportPlain.forEach((statement) => statement.all(yearFrom, to)));
  const yearReport = await time(30, () => call('reports.storeFigures', { period: { kind: 'year', year: yearOf } }));
  reportAgainst('reports.store_figures_year_p95', yearReport, 100, reportBaseline);
  db.close();
}
