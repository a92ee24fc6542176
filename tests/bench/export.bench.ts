import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import Database from 'better-sqlite3';
import { BEIJING_OFFSET_MS } from '../../electron/core/conventions';
import { DATABASE_FILE_NAME, openDatabase } from '../../electron/core/db';
import { labelled } from '../../electron/core/lists';
import { DETAIL_FIELDS, DETAILS_EXPORT } from '../../electron/core/transaction-details';
import { SandboxDataset } from '../../electron/sandbox/generator';
import { report } from './report';
import { benchCore, startSandboxProcess } from './sandbox-process';

/**
 * 1,000,000 transaction details × 15 columns (text, ¥ amounts, dates) exported to XLSX: ours
 * (the core's export, on its worker thread) against a plain exceljs streaming export of the same
 * rows, each in its own process so each peak RSS is its own. Run: `npm run bench export`.
 */
const ROWS = 1_000_000;
const [mode, dataDir, outFile] = process.argv.slice(2);

if (mode === '--ours') await measure(() => exportOurs(dataDir!));
else if (mode === '--exceljs') await measure(() => exportPlainExceljs(dataDir!, outFile!));
else await main();

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seller-desk-bench-export-'));
  try {
    fillCache(dir);
    const baseline = await inChild('--exceljs', dir, path.join(dir, 'exceljs.xlsx'));
    const ours = await inChild('--ours', dir, '');
    report({
      name: 'export.xlsx_1m_rows_per_s',
      value: ours.rowsPerSecond,
      unit: 'rows/s',
      target: 60_000,
      better: 'higher',
      baseline: baseline.rowsPerSecond,
    });
    report({ name: 'export.xlsx_1m_peak_rss', value: ours.peakRssMb, unit: 'MB', target: 250, better: 'lower', baseline: baseline.peakRssMb });
    report({
      name: 'export.xlsx_1m_speedup_vs_exceljs',
      value: ours.rowsPerSecond / baseline.rowsPerSecond,
      unit: 'x',
      target: 60_000 / 25_000,
      better: 'higher',
    });
    const sync = await syncRateDuringExport(dir);
    report({ name: 'export.sync_rate_while_exporting_ratio', value: sync.during / sync.alone, unit: 'ratio', target: 0.5, better: 'higher', baseline: 1 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Syncing 200,000 orders from the sandbox alone, then again while the 1,000,000-row export runs: the
 * export's worker thread must leave the core's own work going (rows/s during ÷ rows/s alone).
 */
async function syncRateDuringExport(dir: string): Promise<{ alone: number; during: number }> {
  const { baseUrl, process: sandbox } = await startSandboxProcess('bench', 'large');
  const { core, client } = await benchCore(dir, baseUrl);
  const db = new Database(core.host.databaseFile);
  try {
    await client.call('settings.update', { exportFolder: path.join(dir, 'during-sync') });
    const syncOrders = async () => {
      db.exec(`DELETE FROM order_lines; DELETE FROM orders; DELETE FROM sync_cursors WHERE resource = 'orders'`);
      const started = performance.now();
      const [result] = await client.call('sync.run', { resources: ['orders'] });
      return result!.rows / ((performance.now() - started) / 1000);
    };
    const alone = await syncOrders();
    const exporting = client.call('exports.start', {
      selection: { table: 'transaction_details', filters: {} },
      format: 'xlsx',
      jobId: 'export:bench-during-sync',
    });
    const during = await syncOrders();
    await exporting;
    return { alone, during };
  } finally {
    db.close();
    await core.close();
    sandbox.kill();
  }
}

/** The sandbox's own generated details, written straight into a cache file. */
function fillCache(dir: string): void {
  const db = openDatabase(path.join(dir, DATABASE_FILE_NAME));
  const data = new SandboxDataset('bench', 'large', Date.parse('2026-11-24T00:00:00+08:00'));
  const columns = DETAIL_FIELDS;
  const insert = db.prepare(`INSERT INTO transaction_details (${columns.join(', ')}, source) VALUES (${columns.map((c) => '@' + c).join(', ')}, 'sandbox')`);
  for (let start = 0; start < ROWS; start += 50_000) {
    db.transaction(() => {
      for (let i = start; i < start + 50_000; i++) insert.run(data.detail(i));
    })();
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

async function exportOurs(dir: string): Promise<number> {
  const { core, client } = await benchCore(dir, null);
  try {
    await client.call('settings.update', { exportFolder: path.join(dir, 'ours') });
    const result = await client.call('exports.start', { selection: { table: 'transaction_details', filters: {} }, format: 'xlsx', jobId: 'export:bench' });
    return result.rows;
  } finally {
    await core.close();
  }
}

/** What a plain exceljs export does: its streaming writer, a style per column, rows as fast as they come. */
async function exportPlainExceljs(dir: string, file: string): Promise<number> {
  const db = openDatabase(path.join(dir, DATABASE_FILE_NAME));
  const table = DETAILS_EXPORT;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(table.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  const numFmt: Record<string, string | undefined> = { text: undefined, integer: '0', amount: '"¥"#,##0.00', date: 'yyyy-mm-dd hh:mm:ss' };
  sheet.columns = table.fields.map((f, i) => ({
    header: f.header,
    key: `c${i}`,
    width: f.width,
    ...(numFmt[f.type] ? { style: { numFmt: numFmt[f.type] } } : {}),
  }));
  const types = table.fields.map((f) => f.type);
  const label = labelled(table.fields);
  const { sql, params } = table.rows({});
  let rows = 0;
  for (const raw of db.prepare(sql).raw().iterate(params) as Iterable<unknown[]>) {
    const values = label(raw).map((v, i) =>
      v === null ? null : types[i] === 'amount' ? (v as number) / 100 : types[i] === 'date' ? new Date((v as number) + BEIJING_OFFSET_MS) : v,
    );
    sheet.addRow(values).commit();
    rows++;
  }
  await workbook.commit();
  db.close();
  return rows;
}

/** Times `work` and samples this process's RSS every 20 ms; prints one JSON line for the parent. */
async function measure(work: () => Promise<number>): Promise<void> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const rows = await work();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss, peakFromKernel());
  if (rows !== ROWS) throw new Error(`exported ${rows} of ${ROWS} rows`);
  console.log(JSON.stringify({ rowsPerSecond: rows / seconds, peakRssMb: peak / 1024 / 1024 }));
}

/** The kernel's high-water mark catches a peak between two samples (exceljs's loop starves timers). */
function peakFromKernel(): number {
  if (!fs.existsSync('/proc/self/status')) return 0; // Linux only
  const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

function inChild(mode: string, dir: string, out: string): Promise<{ rowsPerSecond: number; peakRssMb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), mode, dir, out], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(output.trim().split('\n').at(-1)!) as { rowsPerSecond: number; peakRssMb: number })
        : reject(new Error(`${mode} exited ${code}`)),
    );
  });
}
