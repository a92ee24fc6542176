import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, positionalStatement, type SqliteDatabase } from '../../electron/core/db';
import { EventBus } from '../../electron/core/events';
import { JobEngine, systemClock } from '../../electron/core/jobs';
import { exchange, type ApiOutcome } from '../../electron/core/koogallery';
import type { Connector, ListPage } from '../../electron/core/marketplace';
import { itemsOfRows } from '../../electron/core/marketplace';
import { CursorsTable, SyncService, type PageWriter, type SyncWriters } from '../../electron/core/sync';
import { TransactionDetailsTable } from '../../electron/core/transaction-details';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const closers: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

function database(): SqliteDatabase {
  const db = openDatabase(path.join(tempDir(), 'cache.sqlite'));
  closers.push(() => void db.close());
  return db;
}

/** Now on a clock every thread shares (performance.now() starts at each thread's own origin). */
const sharedNow = () => performance.timeOrigin + performance.now();

/**
 * A list endpoint over real HTTP on 127.0.0.1, on its own thread (as the marketplace is another
 * process), noting when each page's request arrived.
 */
async function pageServer(pages: number): Promise<{ url: string; arrivals: () => Promise<number[]> }> {
  const worker = new Worker(
    `const http = require('node:http');
    const { parentPort } = require('node:worker_threads');
    const arrivals = [];
    const server = http.createServer((req, res) => {
      const page = Number(new URL(req.url, 'http://x').searchParams.get('page'));
      arrivals[page] = performance.timeOrigin + performance.now();
      res.end(JSON.stringify({ fields: ['detail_id'], rows: [['TD' + page]], has_more: page + 1 < ${pages} }));
    });
    server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
    parentPort.on('message', () => parentPort.postMessage(arrivals));`,
    { eval: true },
  );
  closers.push(() => worker.terminate().then(() => undefined));
  const port = await new Promise<number>((resolve) => worker.once('message', resolve));
  const arrivals = () =>
    new Promise<number[]>((resolve) => {
      worker.once('message', resolve);
      worker.postMessage('arrivals');
    });
  return { url: `http://127.0.0.1:${port}`, arrivals };
}

function connectorFor(url: string): Connector {
  const listPage = async (_resource: string, cursor: string | null): Promise<ApiOutcome<ListPage>> => {
    const page = cursor === null ? 0 : Number(cursor);
    const answer = await exchange({ url: `${url}/?page=${page}`, method: 'GET', headers: {}, timeoutMs: 5000 });
    if (answer.kind !== 'response') throw new Error(answer.code);
    const body = JSON.parse(answer.body) as { fields: string[]; rows: unknown[][]; has_more: boolean };
    const rows = { fields: body.fields, values: body.rows };
    const data: ListPage = { rows, items: itemsOfRows(rows), nextCursor: String(page + 1), hasMore: body.has_more, completeThrough: null, remaining: null };
    return { class: 'ok', code: 'MKT.0000', message: '', data, meta: { httpStatus: 200, networkError: null } } as ApiOutcome<ListPage>;
  };
  return { source: 'sandbox', capabilities: { lists: ['transaction_details'] }, listPage } as unknown as Connector;
}

function syncService(db: SqliteDatabase, connector: Connector, writer: PageWriter): SyncService {
  const events = new EventBus();
  const jobs = new JobEngine(events, systemClock());
  return new SyncService({
    db,
    writers: { transaction_details: () => writer } as unknown as SyncWriters,
    cursors: new CursorsTable(db),
    connector: () => connector,
    events,
    jobs,
    now: Date.now,
    checkpointCatchUp: () => Promise.resolve(),
    intervalMinutes: () => 0,
    isOnline: () => true,
    tickMs: 0,
    onStateChange: () => undefined,
  });
}

describe('sync pages', () => {
  it('asks for the next page before writing this one: the request reaches the marketplace while the write holds the thread', async () => {
    const db = database();
    const server = await pageServer(4);
    const writes: { started: number; ended: number }[] = [];
    const slowWriter: PageWriter = {
      write: () => {
        const started = sharedNow();
        while (sharedNow() - started < 80); // a long page write keeps the thread busy, as SQLite does
        writes.push({ started, ended: sharedNow() });
      },
      finish: () => undefined,
    };
    const result = await syncService(db, connectorFor(server.url), slowWriter).sync('transaction_details');
    expect(result).toMatchObject({ completed: true, pages: 4, rows: 4 });
    const arrivals = await server.arrivals();
    for (let page = 0; page < 3; page++) {
      // the request for page + 1 arrived while page was still being written, not after its write
      expect(arrivals[page + 1]!, `page ${page + 1}`).toBeLessThan(writes[page]!.ended - 20);
    }
  });

  it('writes transaction details straight from rows: fields in any order, a missing one takes its default, source as given', () => {
    const db = database();
    const write = new TransactionDetailsTable(db).rowsWriter('sandbox');
    db.transaction(() =>
      write({
        fields: ['amount_fen', 'transaction_at', 'billing_period', 'order_id', 'detail_id', 'updated_at', 'product_name', 'source'],
        values: [
          [1234, 1_764_000_000_000, '2025-11', 'CS1', 'TD1', 1_764_000_000_000, '云主机', 'import'],
          [-500, 1_764_000_100_000, '2025-11', 'CS2', 'TD2', 1_764_000_100_000, null, 'import'],
        ],
      }),
    )();
    const rows = db
      .prepare(
        'SELECT detail_id, order_id, product_type, product_name, charging_mode, billing_status, amount_fen, settlement_amount_fen, source FROM transaction_details ORDER BY detail_id',
      )
      .all();
    expect(rows).toEqual([
      {
        detail_id: 'TD1',
        order_id: 'CS1',
        product_type: 'general',
        product_name: '云主机',
        charging_mode: 'PERIOD',
        billing_status: 'unbilled',
        amount_fen: 1234,
        settlement_amount_fen: 1234,
        source: 'sandbox',
      },
      {
        detail_id: 'TD2',
        order_id: 'CS2',
        product_type: 'general',
        product_name: '',
        charging_mode: 'PERIOD',
        billing_status: 'unbilled',
        amount_fen: -500,
        settlement_amount_fen: -500,
        source: 'sandbox',
      },
    ]);
  });

  it('into an empty table (a first sync) a detail listed twice ends as the upsert leaves it, and a refused row still fails the page', () => {
    const fields = ['detail_id', 'order_id', 'billing_period', 'transaction_at', 'amount_fen', 'updated_at', 'product_name', 'billing_status'];
    const page = [
      ['TD1', 'CS1', '2025-11', 1_764_000_000_000, 1234, 1_764_000_000_000, '云主机', 'unbilled'],
      ['TD2', 'CS2', '2025-11', 1_764_000_100_000, 500, 1_764_000_100_000, '云硬盘', null],
      ['TD1', 'CS1', '2025-11', 1_764_000_000_000, 1300, 1_764_000_200_000, null, 'billed'], // changed while the sync ran
    ];
    const written = (intoEmpty: boolean) => {
      const db = database();
      const write = new TransactionDetailsTable(db).rowsWriter('sandbox', intoEmpty);
      db.transaction(() => write({ fields, values: page }))();
      const rows = db
        .prepare('SELECT detail_id, product_name, billing_status, amount_fen, settlement_amount_fen, updated_at FROM transaction_details ORDER BY detail_id')
        .all();
      const refused = () =>
        db.transaction(() =>
          write({
            fields,
            values: [
              ['TD3', 'CS3', '2025-11', 1, 1, 1, 'x', 'unbilled'],
              ['TD4', 'CS4', '2025-11', 1, 1, 1, 'x', 'paid'],
            ],
          }),
        )();
      expect(refused).toThrow(/CHECK constraint failed/);
      expect(db.prepare('SELECT COUNT(*) FROM transaction_details').pluck().get()).toBe(2); // TD3 went back with the page
      return rows;
    };
    const rows = written(true);
    expect(rows).toEqual([
      { detail_id: 'TD1', product_name: '云主机', billing_status: 'billed', amount_fen: 1300, settlement_amount_fen: 1234, updated_at: 1_764_000_200_000 },
      { detail_id: 'TD2', product_name: '云硬盘', billing_status: 'unbilled', amount_fen: 500, settlement_amount_fen: 500, updated_at: 1_764_000_100_000 },
    ]);
    expect(rows).toEqual(written(false));
  });

  it('into an empty table, rows go 25 to an insert: a page with details listed twice (in one group, across groups, in the rest) ends as the upsert leaves it', () => {
    const fields = ['detail_id', 'order_id', 'billing_period', 'transaction_at', 'amount_fen', 'updated_at', 'product_name', 'billing_status'];
    const row = (n: number, amount: number, status: string | null) => [
      `TD${n}`,
      `CS${n}`,
      '2025-11',
      1_764_000_000_000 + n,
      amount,
      1_764_000_000_000 + amount,
      n % 3 ? '云主机' : null,
      status,
    ];
    const page = Array.from({ length: 62 }, (_, n) => row(n, 100 + n, 'unbilled'));
    page[7] = row(3, 999, 'billed'); // twice in the first group
    page[30] = row(12, 998, null); // the first group's detail again in the second
    page[60] = row(55, 997, 'billed'); // the rest after the last whole group
    const written = (intoEmpty: boolean) => {
      const db = database();
      const write = new TransactionDetailsTable(db).rowsWriter('sandbox', intoEmpty);
      db.transaction(() => write({ fields, values: page }))();
      const refusedInAGroup = Array.from({ length: 50 }, (_, n) => row(100 + n, 1, n === 40 ? 'paid' : 'unbilled'));
      expect(() => db.transaction(() => write({ fields, values: refusedInAGroup }))()).toThrow(/CHECK constraint failed/);
      return db.prepare('SELECT * FROM transaction_details ORDER BY detail_id').all();
    };
    const rows = written(true);
    expect(rows).toHaveLength(59);
    expect(rows).toEqual(written(false));
    expect(rows.find((r) => (r as { detail_id: string }).detail_id === 'TD3')).toMatchObject({ amount_fen: 999, billing_status: 'billed' });
  });

  it('binds rows and records alike: the same statement from a row under fields and from an object', () => {
    const db = database();
    db.exec('CREATE TABLE t (a TEXT, b TEXT, c TEXT, d TEXT)');
    const insert = positionalStatement(db, 'INSERT INTO t VALUES (@a, @b, COALESCE(@c, @a), @d)');
    insert({ a: 'x', b: 'y', d: undefined }, { d: 'extra' });
    insert.runRows(
      ['c', 'a', 'unused'],
      [
        ['z', 'x', 'ignored'],
        [null, 'w'],
      ],
      { d: 'extra' },
    );
    expect(db.prepare('SELECT * FROM t').all()).toEqual([
      { a: 'x', b: 'y', c: 'x', d: 'extra' },
      { a: 'x', b: null, c: 'z', d: 'extra' },
      { a: 'w', b: null, c: 'w', d: 'extra' },
    ]);
  });
});
