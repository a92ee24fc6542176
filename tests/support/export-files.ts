import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { ExportColumn, TableWriter } from '../../electron/core/exports/writers';

/** Rows and columns the export writers are tried with, and ways to read their files back. */
export const onPath = (command: string): boolean => (process.env.PATH ?? '').split(path.delimiter).some((dir) => fs.existsSync(path.join(dir, command)));
export const hasLibreOffice = onPath('soffice');

export const COLUMNS: ExportColumn[] = [
  { header: '客户名称', type: 'text', width: 32 },
  { header: '订单金额', type: 'amount', width: 14 },
  { header: '数量', type: 'integer', width: 8 },
  { header: '下单时间', type: 'date', width: 20 },
  { header: '备注', type: 'text', width: 40 },
];
export const ORDER_TIME = Date.UTC(2026, 10, 24, 5, 5, 0); // 2026-11-24 13:05:00 in Beijing
export const ROWS: unknown[][] = [
  ['杭州星河信息技术有限公司', 123456, 3, ORDER_TIME, '𠮷野家 🍜 三字节与四字节'],
  ['上海云帆贸易', -1230, 0, ORDER_TIME + 86_399_000, null],
  [null, undefined, null, null, '仅备注'],
];

export async function writeAll(writer: TableWriter, rows: Iterable<readonly unknown[]>): Promise<void> {
  for (const row of rows) if (!writer.addRow(row)) await writer.drained();
  await writer.close();
}

export async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

export function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** The CSV LibreOffice makes of the first sheet, with values as they are displayed. */
/** (`outDir` takes the CSV.) */
export function libreOfficeCsv(xlsx: string, outDir: string): string[][] {
  const profile = path.join(os.tmpdir(), `lo-${randomUUID()}`);
  try {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true',
        '--outdir',
        outDir,
        xlsx,
      ],
      { timeout: 120_000, stdio: 'pipe' },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return parse(fs.readFileSync(path.join(outDir, `${path.basename(xlsx, '.xlsx')}.csv`), 'utf8'), { relax_column_count: true });
}

export function* orderRows(count: number, start = 0): Generator<unknown[]> {
  for (let i = start; i < start + count; i++) {
    yield [`客户${i} ${randomBytes(24).toString('hex')}`, i * 101 - 5000, i, ORDER_TIME + i * 1000, i % 7 === 0 ? null : '已完成'];
  }
}
