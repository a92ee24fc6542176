import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient, ExportResult, MethodInput, MethodOutput } from '../../electron/core/contract';
import { startSandboxServer, type SandboxServer } from '../../electron/sandbox';
import { external, startCore, dbOf } from '../support/core';
import { useTempDirs } from '../support/temp-dir';
import { zipParts } from '../support/xlsx-files';
import { base64, hourRows, TestClock, toCsv } from '../support/usage';

const tempDir = useTempDirs();
let sandbox: SandboxServer;
beforeAll(async () => {
  sandbox = await startSandboxServer({ seed: 'exports', size: 'small' });
});
afterAll(() => sandbox.close());
const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const hasLibreOffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;
const BEIJING = 8 * 3_600_000;
const beijingText = (ms: number) => new Date(ms + BEIJING).toISOString().slice(0, 19).replace('T', ' ');
const yuan = (fen: number) => fen / 100;
/** How a spreadsheet shows "¥"#,##0.00: -¥1,234.50 */
const shownAsYuan = (fen: number) =>
  `${fen < 0 ? '-' : ''}¥${Math.abs(yuan(fen)).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** A core with the sandbox synced, exporting into its own folder. */
async function syncedCore(exportFolder = tempDir()) {
  const { core, client } = await startCore(tempDir(), { sandbox: external(sandbox), usageTickMs: 0 });
  closers.push(() => core.close());
  await client.call('settings.update', { exportFolder });
  await client.call('sync.run', { resources: ['orders', 'transaction_details'] });
  return { core, client, exportFolder };
}

let jobs = 0;
function exportOf(client: CoreClient, selection: MethodInput<'exports.start'>['selection'], format: 'xlsx' | 'csv', fileName?: string) {
  return client.call('exports.start', { selection, format, jobId: `export:test-${++jobs}`, ...(fileName ? { fileName } : {}) });
}

/** What 交易明细 shows for these filters, every page of it. */
async function allDetailPages(client: CoreClient, filters: MethodInput<'transactionDetails.page'>['filters']) {
  const rows: MethodOutput<'transactionDetails.page'>['rows'] = [];
  let after: MethodOutput<'transactionDetails.page'>['next'] = null;
  do {
    const page: MethodOutput<'transactionDetails.page'> = await client.call('transactionDetails.page', { filters, limit: 500, after });
    rows.push(...page.rows);
    after = page.next;
  } while (after);
  return rows;
}

describe('bulk export', () => {
  it('writes exactly the filtered transaction details to XLSX with typed cells, and exceljs reads back the same rows', async () => {
    const { client } = await syncedCore();
    const filters = { productType: 'joint_operation', billingStatus: 'unbilled' } as const;
    const expected = await allDetailPages(client, filters);
    expect(expected.length).toBeGreaterThan(100);
    const result = await exportOf(client, { table: 'transaction_details', filters }, 'xlsx');
    expect(result).toMatchObject({ format: 'xlsx', rows: expected.length, sheets: 1, leftOut: [] });
    expect(result.fileName).toMatch(/^交易明细_\d{8}_\d{4}\.xlsx$/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(result.filePath);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('交易明细');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '订单号',
      '订单行ID',
      '交易明细ID',
      '商品类型',
      '商品名称',
      '客户账号',
      '计费模式',
      '账期',
      '交易时间',
      '出账状态',
      '服务监管状态',
      '交易金额',
      '结算金额',
      '运营管理费',
      '运营管理费比例',
    ]);
    expect(sheet.rowCount).toBe(expected.length + 1);
    for (const [i, want] of expected.entries()) {
      const row = sheet.getRow(i + 2);
      expect([row.getCell(1).value, row.getCell(3).value, row.getCell(4).value, row.getCell(5).value, row.getCell(10).value]).toEqual([
        want.orderId,
        want.detailId,
        '联营商品',
        want.productName,
        '待出账',
      ]);
      expect(row.getCell(9).value).toEqual(new Date(want.transactionAt + BEIJING)); // Excel dates hold Beijing wall-clock time
      expect(row.getCell(12).value).toBe(yuan(want.amountFen));
      expect(row.getCell(13).value).toBe(yuan(want.settlementAmountFen));
      expect(row.getCell(14).value).toBe(yuan(want.amountFen - want.settlementAmountFen));
    }
    expect(sheet.getRow(2).getCell(12).numFmt).toContain('¥');
    expect(sheet.getRow(2).getCell(9).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
  });

  it.skipIf(!hasLibreOffice)(
    'opens in LibreOffice with the same values as the query (skipped without libreoffice-calc-nogui)',
    async () => {
      const { client } = await syncedCore();
      const filters = { productType: 'general' } as const;
      const expected = (await allDetailPages(client, filters)).slice(0, 3000);
      const { filePath } = await exportOf(client, { table: 'transaction_details', filters }, 'xlsx');
      const outDir = tempDir();
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${tempDir()}`,
          '--headless',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true',
          '--outdir',
          outDir,
          filePath,
        ],
        { timeout: 180_000, stdio: 'ignore' },
      );
      const rows = parse(fs.readFileSync(path.join(outDir, path.basename(filePath).replace(/\.xlsx$/, '.csv'))), { bom: true }) as string[][];
      expect(rows[0]![0]).toBe('订单号');
      for (const [i, want] of expected.entries()) {
        const row = rows[i + 1]!;
        expect([row[0], row[4], row[8], row[11]]).toEqual([want.orderId, want.productName, beijingText(want.transactionAt), shownAsYuan(want.amountFen)]);
      }
    },
    240_000,
  );

  it('writes CSV as UTF-8 with BOM that keeps Chinese intact and matches the query', async () => {
    const { client } = await syncedCore();
    const filters = { productType: 'general' } as const;
    const expected = await allDetailPages(client, filters);
    const result = await exportOf(client, { table: 'transaction_details', filters }, 'csv');
    const bytes = fs.readFileSync(result.filePath);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true }) as string[][];
    expect(rows).toHaveLength(expected.length + 1);
    expect(rows.slice(1).map((r) => [r[0], r[4], r[5], r[8], r[11]])).toEqual(
      expected.map((d) => [d.orderId, d.productName, d.customerAccount, beijingText(d.transactionAt), (d.amountFen / 100).toFixed(2)]),
    );
  });

  it('exports only 包周期 and 按次 order lines, as Seller Center does, and says how many were left out and why', async () => {
    const { core, client } = await syncedCore();
    const db = dbOf(core);
    db.prepare(`UPDATE order_lines SET charging_mode = 'ON_DEMAND_PKG' WHERE rowid % 5 = 0`).run();
    db.prepare(`DELETE FROM order_lines WHERE rowid % 7 = 0`).run();
    const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const exported = one(`SELECT COUNT(*) AS n FROM order_lines WHERE charging_mode IN ('PERIOD', 'ONE_TIME')`);
    const result = await exportOf(client, { table: 'orders', filters: {} }, 'csv');
    expect(result.rows).toBe(exported);
    expect(result.leftOut).toEqual(
      expect.arrayContaining([
        { reason: 'ON_DEMAND_PKG', rows: one(`SELECT COUNT(*) AS n FROM order_lines WHERE charging_mode = 'ON_DEMAND_PKG'`) },
        {
          reason: 'NO_CHARGING_MODE',
          rows: one(`SELECT COUNT(*) AS n FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.order_id)`),
        },
      ]),
    );
    const modes = new Set((parse(fs.readFileSync(result.filePath), { bom: true, from_line: 2 }) as string[][]).map((r) => r[8]));
    expect([...modes].sort()).toEqual(['包周期', '按次'].filter((m) => modes.has(m)).sort());
    expect(modes.size).toBeGreaterThan(0);
  });

  it('names files by table and time, never replacing an earlier export', async () => {
    const { client, exportFolder } = await syncedCore();
    const first = await exportOf(client, { table: 'orders', filters: { status: 'completed' } }, 'xlsx');
    const second = await exportOf(client, { table: 'orders', filters: { status: 'completed' } }, 'xlsx');
    expect(first.fileName).toMatch(/^订单列表_\d{8}_\d{4}\.xlsx$/);
    expect(second.fileName).toMatch(/^订单列表_\d{8}_\d{4}( \(2\))?\.xlsx$/);
    expect(fs.readdirSync(exportFolder).sort()).toEqual([first.fileName, second.fileName].sort());
  });
});

/** 200,000 transaction details written straight into the cache: enough rows for an export to be stopped midway. */
function bigCache(core: Awaited<ReturnType<typeof startCore>>['core']): void {
  const insert = dbOf(core).prepare(
    `INSERT INTO transaction_details (detail_id, order_id, product_type, product_name, customer_account, charging_mode, billing_period, transaction_at, billing_status, amount_fen, settlement_amount_fen, source, updated_at)
     VALUES (?, ?, 'general', '智云财务管理系统 标准版', ?, 'PERIOD', '2026-11', ?, 'unbilled', ?, ?, 'test', 0)`,
  );
  dbOf(core).transaction(() => {
    for (let i = 0; i < 200_000; i++)
      insert.run(`TD${i}`, `CS2611${String(i).padStart(10, '0')}`, `hw${i % 5000}`, Date.UTC(2026, 10, 1) + i * 1000, 10_000 + i, 9_500 + i);
  })();
}

async function bigCore(exportFolder: string) {
  const { core, client } = await startCore(tempDir(), { sandbox: 'off' });
  closers.push(() => core.close());
  bigCache(core);
  await client.call('settings.update', { exportFolder });
  return { core, client };
}

async function expectFailure(promise: Promise<ExportResult>, code: string, message: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as { code: string; message: string },
  );
  expect(error).toMatchObject({ code });
  expect(error!.message).toMatch(message);
}

/** A small file system of our own (tmpfs), to run out of space or be read-only; null where mounting is not allowed. */
function mountTmpfs(options: string): string | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seller-desk-mount-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]).status === 0;
  if (!mounted) {
    fs.rmSync(dir, { recursive: true, force: true });
    return null;
  }
  closers.push(() => {
    spawnSync('umount', [dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}
const canMount = (() => {
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'seller-desk-probe-'));
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
  if (ok) spawnSync('umount', [probe]);
  fs.rmSync(probe, { recursive: true, force: true });
  return ok;
})();

describe('bulk export of a big sheet (two threads)', () => {
  it('writes 200,000 rows with a second reader on its own thread: every row once, numbered in order, the ZIP checksums right', async () => {
    const folder = tempDir();
    const { client } = await bigCore(folder);
    const seen = new Set<string>();
    const watching = setInterval(() => fs.readdirSync(folder).forEach((name) => seen.add(name)), 10);
    const result = await exportOf(client, { table: 'transaction_details', filters: {} }, 'xlsx').finally(() => clearInterval(watching));
    expect(result.rows).toBe(200_000);
    // the second reader's half is written to a part file beside the file, and removed after
    expect([...seen].some((name) => name.endsWith('.partial.2'))).toBe(true);
    expect(fs.readdirSync(folder)).toEqual([result.fileName]);
    const sheet = zipParts(result.filePath).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    const rowNumbers = [...sheet.matchAll(/<row r="(\d+)">/g)].map((match) => Number(match[1]));
    expect(rowNumbers).toHaveLength(200_001);
    expect(rowNumbers.every((n, index) => n === index + 1)).toBe(true);
    // newest first, as the page shows them: TD199999 … TD0, the halves joined without a gap
    const ids = [...sheet.matchAll(/<c r="C\d+" t="inlineStr"><is><t>(TD\d+)<\/t>/g)].map((match) => match[1]);
    expect(ids).toHaveLength(200_000);
    expect(ids.every((id, index) => id === `TD${199_999 - index}`)).toBe(true);
  });
});

describe('bulk export: bad cases leave no partial file and the app keeps working', () => {
  it('cancel midway: CANCELLED, and nothing is left in the folder', async () => {
    const folder = tempDir();
    const { client } = await bigCore(folder);
    let cancelled = false;
    client.subscribe((event) => {
      if (event.type === 'progress' && event.jobId === 'export:cancel-me' && !cancelled) {
        cancelled = true;
        void client.call('jobs.cancel', { jobId: 'export:cancel-me' });
      }
    });
    const answer = await client.tryCall('exports.start', {
      selection: { table: 'transaction_details', filters: {} },
      format: 'xlsx',
      jobId: 'export:cancel-me',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(fs.readdirSync(folder)).toEqual([]);
    const again = await exportOf(client, { table: 'transaction_details', filters: {} }, 'csv');
    expect(again.rows).toBe(200_000);
  });

  it.skipIf(!canMount)('disk full: a clear error naming the file, no partial file (skipped where tmpfs cannot be mounted)', async () => {
    const folder = mountTmpfs('size=512k')!;
    const { client } = await bigCore(folder);
    await expectFailure(
      exportOf(client, { table: 'transaction_details', filters: {} }, 'xlsx'),
      'FILE_SYSTEM',
      /disk is full: 交易明细_\d{8}_\d{4}\.xlsx could not be written .*ENOSPC/,
    );
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it.skipIf(!canMount)('folder not writable: a clear error naming the folder (skipped where tmpfs cannot be mounted)', async () => {
    const folder = mountTmpfs('ro,size=64k')!;
    const { client } = await bigCore(folder);
    await expectFailure(
      exportOf(client, { table: 'transaction_details', filters: {} }, 'csv'),
      'FILE_SYSTEM',
      new RegExp(`export folder ${folder} is not writable.*EROFS`),
    );
    await client.call('settings.update', { exportFolder: tempDir() });
    expect((await exportOf(client, { table: 'bills', filters: {} }, 'csv')).rows).toBe(0);
  });

  it('target in use: a clear error naming it, and no partial file under its name', async () => {
    const folder = tempDir();
    const { client } = await bigCore(folder);
    fs.mkdirSync(path.join(folder, '明细.xlsx')); // something that cannot be replaced holds the name
    fs.writeFileSync(path.join(folder, '明细.xlsx', 'keep.txt'), 'x');
    await expectFailure(
      exportOf(client, { table: 'transaction_details', filters: {} }, 'xlsx', '明细.xlsx'),
      'FILE_SYSTEM',
      /明细\.xlsx is in use or cannot be replaced/,
    );
    expect(fs.readdirSync(folder)).toEqual(['明细.xlsx']);
    expect(fs.readdirSync(path.join(folder, '明细.xlsx'))).toEqual(['keep.txt']);
  });
});

describe('bulk export while other work runs', () => {
  it('exports while a sync runs; both finish with every row', async () => {
    const folder = tempDir();
    const { core, client } = await startCore(tempDir(), { sandbox: external(sandbox), usageTickMs: 0 });
    closers.push(() => core.close());
    bigCache(core);
    await client.call('settings.update', { exportFolder: folder });
    const [exported, synced] = await Promise.all([
      exportOf(client, { table: 'transaction_details', filters: { productType: 'general', customerAccount: 'hw42' } }, 'xlsx'),
      client.call('sync.run', { resources: ['orders', 'tickets'] }),
    ]);
    expect(exported.rows).toBe(40);
    expect(synced.every((r) => r.completed)).toBe(true);
    expect((dbOf(core).prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n).toBe(sandbox.state.dataset.counts.tickets);
  });

  it('exports while a usage flush runs; every queued 话单 reaches the marketplace', async () => {
    const clock = new TestClock(Date.parse('2026-11-24T05:40:00Z'));
    const usageSandbox = await startSandboxServer({ seed: 'usage', size: 'small', now: clock.now, anchor: Date.parse('2026-11-24T00:00:00+08:00') });
    closers.push(() => usageSandbox.close());
    const { core, client } = await startCore(tempDir(), { now: clock.now, sandbox: external(usageSandbox), usageTickMs: 0, random: () => 0.5 });
    closers.push(() => core.close());
    bigCache(core);
    await client.call('settings.update', { exportFolder: tempDir() });
    const records = hourRows(usageSandbox, Date.parse('2026-11-24T05:00:00Z'), 3000).filter((r) => r.end_time! < '20261124T054000Z');
    await client.call('usage.importFile', { fileName: 'usage.csv', contentBase64: base64(toCsv(records)) });
    const queued = (await client.call('status.get', {})).usageQueue.queued;
    expect(queued).toBe(records.length);
    clock.set('2026-11-24T06:03:00Z'); // the reporting window is open
    const [exported, flushed] = await Promise.all([exportOf(client, { table: 'transaction_details', filters: {} }, 'xlsx'), client.call('usage.flushNow', {})]);
    expect(exported.rows).toBe(200_000);
    expect(flushed.accepted).toBe(queued);
    await usageSandbox.state.ledger.settled();
    expect(usageSandbox.state.ledger.ledger()).toHaveLength(queued);
  });
});
