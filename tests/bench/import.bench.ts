import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { DATABASE_FILE_NAME, openDatabase } from '../../electron/core/db';
import { sellerCenterImport } from '../support/imports';
import { report } from './report';

const ROWS = 200_000;

/** A 200,000-row orders export, written with exceljs's streaming writer. */
async function writeExport(file: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const sheet = workbook.addWorksheet('订单列表');
  sheet.addRow(['云商店订单导出']).commit();
  sheet.addRow(['订单号', '客户名称', '用户名', '商品名称', '订单状态', '订单金额', '创建时间', '计费模式']).commit();
  const statuses = ['已完成', '处理中', '已取消', '待支付'];
  for (let i = 0; i < ROWS; i++) {
    const created = new Date(Date.UTC(2026, 0, 1) + i * 150_000);
    sheet
      .addRow([
        `CS26${String(i).padStart(8, '0')}AB${i % 10}`,
        `杭州星河信息技术有限公司${i % 500}`,
        `hw${10_000_000 + (i % 9000)}`,
        `智云财务管理系统 标准版 ${i % 40}`,
        statuses[i % 4],
        `¥${(i % 5000) + 1},${String(i % 1000).padStart(3, '0')}.50`,
        created,
        i % 2 ? '包周期' : '按次',
      ])
      .commit();
  }
  await workbook.commit();
}

if (process.argv[2] === '--generate') {
  await writeExport(process.argv[3]!);
  process.exit(0);
}

// the file is written by a separate process, so the import's peak RSS is its own
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seller-desk-bench-import-'));
try {
  const file = path.join(dir, '订单导出.xlsx');
  const generated = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--generate', file], { stdio: 'inherit' });
  if (generated.status !== 0) throw new Error('could not write the export file');
  const db = openDatabase(path.join(dir, DATABASE_FILE_NAME));
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const result = await sellerCenterImport(db).importFile(file, 'orders');
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  if (result.imported !== ROWS) throw new Error(`imported ${result.imported} of ${ROWS}: ${JSON.stringify(result.problems.slice(0, 3))}`);
  db.close();
  report({ name: 'import.orders_xlsx_200k', value: seconds, unit: 's', target: 15, better: 'lower' });
  report({ name: 'import.orders_xlsx_200k_peak_rss', value: peak / 1024 / 1024, unit: 'MB', target: 400, better: 'lower' });
  report({ name: 'import.truncated_xlsx_refused', value: await refusalMs(file, db2(dir)), unit: 'ms', target: 1000, better: 'lower' });
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

function db2(dir: string) {
  return openDatabase(path.join(dir, 'truncated', DATABASE_FILE_NAME));
}

/** How long the import takes to refuse the same workbook cut off halfway, as an interrupted download leaves it. */
async function refusalMs(file: string, db: ReturnType<typeof openDatabase>): Promise<number> {
  const cut = file.replace(/\.xlsx$/, '-cut.xlsx');
  fs.writeFileSync(cut, fs.readFileSync(file).subarray(0, Math.floor(fs.statSync(file).size / 2)));
  const started = performance.now();
  const refused = await sellerCenterImport(db)
    .importFile(cut, 'orders')
    .then(
      () => false,
      () => true,
    );
  const elapsed = performance.now() - started;
  db.close();
  if (!refused) throw new Error('a truncated workbook was imported');
  return elapsed;
}
