import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type ExcelJSModule from 'exceljs';
import Database from 'better-sqlite3';
import { BEIJING_OFFSET_MS } from '../../electron/core/conventions';
import { DATABASE_FILE_NAME, openDatabase, openWorkerConnection } from '../../electron/core/db';
import { SheetXml } from '../../electron/core/exports/writers';
import { labelled } from '../../electron/core/lists';
import { DETAIL_FIELDS, DETAILS_EXPORT } from '../../electron/core/transaction-details';
import { SandboxDataset } from '../../electron/sandbox/generator';
import { breakdown, report } from './report';
import { benchCore, startSandboxProcess } from './sandbox-process';

/**
 * 1,000,000 transaction details × 15 columns (text, ¥ amounts, dates) exported to XLSX: ours
 * (the core's export, on its worker thread) against a plain exceljs streaming export of the same
 * rows, each in its own process so each peak RSS is its own. Run: `npm run bench export`.
 */
const ROWS = 1_000_000;
const TARGET_ROWS_PER_S = 150_000;
const FIGURE = 'export.xlsx_1m_rows_per_s';
/** Rows read, then written, at a time when timing the parts: rows kept longer would outlive V8's young generation and make reading look slower. */
const PART_BATCH_ROWS = 50;
const [mode, dataDir, outFile] = process.argv.slice(2);

if (mode === '--ours') await measure(() => exportOurs(dataDir!));
else if (mode === '--exceljs') await measure(() => exportPlainExceljs(dataDir!, outFile!));
else if (mode === '--parts') console.log(JSON.stringify(exportParts(dataDir!)));
else await main();

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seller-desk-bench-export-'));
  try {
    fillCache(dir);
    const baseline = await inChild<Measured>('--exceljs', dir, path.join(dir, 'exceljs.xlsx'));
    const ours = await inChild<Measured>('--ours', dir, '');
    report({ name: FIGURE, value: ours.rowsPerSecond, unit: 'rows/s', target: TARGET_ROWS_PER_S, better: 'higher', baseline: baseline.rowsPerSecond });
    reportBreakdown(ours, await inChild<Parts>('--parts', dir, ''));
    report({ name: 'export.xlsx_1m_peak_rss', value: ours.peakRssMb, unit: 'MB', target: 150, better: 'lower', baseline: baseline.peakRssMb });
    report({
      name: 'export.xlsx_1m_speedup_vs_exceljs',
      value: ours.rowsPerSecond / baseline.rowsPerSecond,
      unit: 'x',
      target: TARGET_ROWS_PER_S / 25_000,
      better: 'higher',
    });
    const sync = await syncRateDuringExport(dir);
    report({ name: 'export.sync_rate_while_exporting_ratio', value: sync.during / sync.alone, unit: 'ratio', target: 0.5, better: 'higher', baseline: 1 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

type Parts = Record<'read_sqlite' | 'sheet_xml' | 'crc32' | 'deflate' | 'file_write', number>;

/**
 * Where the export's time goes. The bench times the parts itself, each on its own, in turn on one
 * thread, over the same 1,000,000 rows (exportParts); the export overlaps them (two reader threads
 * each read and write half the rows as sheet XML, and deflate and file writes run on libuv's
 * threadpool beside them), so they add up to more than its wall time. The export's process CPU time (all threads) is printed too, not as a
 * part: when other programs share the machine's cores it is far below the wall time.
 */
function reportBreakdown(ours: Measured, parts: Parts): void {
  breakdown(FIGURE, 'export_wall', ROWS / ours.rowsPerSecond, 's');
  for (const [part, seconds] of Object.entries(parts)) breakdown(FIGURE, part, seconds, 's');
  breakdown(FIGURE, 'export_process_cpu', ours.cpuSeconds, 's');
}

/**
 * The export's parts over the cache's rows, each timed alone on this thread: reading the rows as
 * the export worker does (its query, raw rows, codes labelled), writing them as sheet XML (the
 * export's own SheetXml), the CRC-32 of that XML, deflating it at level 1 in 1 MiB pieces (the
 * export deflates one stream per sheet: the same work per byte), writing the deflated bytes to a file.
 */
function exportParts(dir: string): Parts {
  const times = partTimes();
  const deflated = deflatedFile(path.join(dir, 'parts.deflated'), times);
  const sheet = new SheetXml(columnsOf(DETAILS_EXPORT), BEIJING_OFFSET_MS, 1 << 20, (chunk, recycle) => {
    deflated.add(chunk);
    recycle(chunk);
  });
  const db = openWorkerConnection(path.join(dir, DATABASE_FILE_NAME), { readonly: true });
  const { sql, params } = DETAILS_EXPORT.rows({});
  const rows = (db.prepare(sql).raw().iterate(params) as IterableIterator<unknown[]>)[Symbol.iterator]();
  const label = labelled(DETAILS_EXPORT.fields);
  let written = 0;
  times.time('sheet_xml', () => sheet.start());
  for (;;) {
    const batch: unknown[][] = [];
    times.time('read_sqlite', () => {
      for (let next = rows.next(); !next.done; next = rows.next()) if (batch.push(label(next.value)) === PART_BATCH_ROWS) break;
    });
    if (batch.length === 0) break;
    times.time('sheet_xml', () => {
      for (const row of batch) sheet.writeRow(row, ++written + 1); // row 1 is the header
    });
  }
  times.time('sheet_xml', () => sheet.end());
  deflated.close();
  db.close();
  if (written !== ROWS) throw new Error(`parts: read ${written} of ${ROWS} rows`);
  return times.seconds;
}

/** Seconds per part; the time of a part timed inside another counts for it, not for the outer one. */
function partTimes() {
  const seconds: Parts = { read_sqlite: 0, sheet_xml: 0, crc32: 0, deflate: 0, file_write: 0 };
  let innerMs = 0;
  const time = (part: keyof Parts, work: () => void): void => {
    const outerInnerMs = innerMs;
    innerMs = 0;
    const started = performance.now();
    work();
    const ms = performance.now() - started;
    seconds[part] += (ms - innerMs) / 1000;
    innerMs = outerInnerMs + ms;
  };
  return { seconds, time };
}

/** Sheet XML checksummed, deflated in 1 MiB pieces and written to a file, each part timed. */
function deflatedFile(file: string, { time }: ReturnType<typeof partTimes>) {
  const fd = fs.openSync(file, 'w');
  const piece = Buffer.allocUnsafe(1 << 20);
  let used = 0;
  let crc = 0;
  const deflatePiece = () => {
    let deflated = Buffer.alloc(0);
    time('deflate', () => (deflated = zlib.deflateRawSync(piece.subarray(0, used), { level: 1 })));
    time('file_write', () => fs.writeSync(fd, deflated));
    used = 0;
  };
  return {
    /** Takes a copy of the chunk (the sheet fills its buffer again). */
    add(chunk: Buffer): void {
      time('crc32', () => (crc = zlib.crc32(chunk, crc)));
      time('deflate', () => {
        for (let offset = 0; offset < chunk.length;) {
          const copied = chunk.copy(piece, used, offset);
          used += copied;
          offset += copied;
          if (used === piece.length) deflatePiece();
        }
      });
    },
    close(): void {
      deflatePiece();
      fs.closeSync(fd);
    },
  };
}

function columnsOf(table: typeof DETAILS_EXPORT) {
  return table.fields.map(({ header, type, width }) => ({ header, type, width }));
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
  // Required at run time, not bundled: exceljs's code in the bench's bundle added 11 MB to every
  // process that runs it, ours's included, whose peak RSS is measured.
  const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof ExcelJSModule;
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

interface Measured {
  rowsPerSecond: number;
  peakRssMb: number;
  /** CPU time of the whole process (every thread) while the export ran. */
  cpuSeconds: number;
}

/** Times `work` and samples this process's RSS every 20 ms; prints one JSON line for the parent. */
async function measure(work: () => Promise<number>): Promise<void> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const rows = await work();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss, peakFromKernel());
  if (rows !== ROWS) throw new Error(`exported ${rows} of ${ROWS} rows`);
  const measured: Measured = { rowsPerSecond: rows / seconds, peakRssMb: peak / 1024 / 1024, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
  console.log(JSON.stringify(measured));
}

/** The kernel's high-water mark catches a peak between two samples (exceljs's loop starves timers). */
function peakFromKernel(): number {
  if (!fs.existsSync('/proc/self/status')) return 0; // Linux only
  const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

function inChild<T>(mode: string, dir: string, out: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), mode, dir, out], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(output.trim().split('\n').at(-1)!) as T) : reject(new Error(`${mode} exited ${code}`))));
  });
}
