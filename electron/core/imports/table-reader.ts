import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { CoreError } from '../contract/errors';

export interface TableRow {
  /** 1-based row number as a spreadsheet shows it. */
  row: number;
  cells: unknown[];
}

/** Streams the rows of a CSV or the first sheet of an XLSX, refusing anything else by name. */
export async function* readTable(file: string): AsyncGenerator<TableRow> {
  const name = path.basename(file);
  const extension = path.extname(file).toLowerCase();
  if (extension === '.csv') yield* readCsv(file, name);
  else if (extension === '.xlsx') yield* readXlsx(file, name);
  else throw new CoreError('VALIDATION', `${name}: not a Seller Center export (expected .xlsx or .csv, got "${extension || 'no extension'}")`);
}

async function* readCsv(file: string, name: string): AsyncGenerator<TableRow> {
  const parser = fs.createReadStream(file).pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true }));
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) yield { row: ++row, cells };
  } catch (error) {
    throw new CoreError('VALIDATION', `${name}, row ${row + 1}: not readable as CSV (${error instanceof Error ? error.message : String(error)})`);
  }
}

async function* readXlsx(file: string, name: string): AsyncGenerator<TableRow> {
  if (!isZip(file)) throw new CoreError('VALIDATION', `${name}: not a valid .xlsx file (it is not an Excel workbook; was it renamed or damaged?)`);
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
    for await (const sheet of workbook) {
      for await (const sheetRow of sheet as AsyncIterable<ExcelJS.Row>) {
        yield { row: sheetRow.number, cells: (sheetRow.values as unknown[]).slice(1).map(cellValue) };
      }
      return;
    }
  } catch (error) {
    if (error instanceof CoreError) throw error;
    throw new CoreError('VALIDATION', `${name}: the workbook is damaged and cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
}

function cellValue(value: unknown): unknown {
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const v = value as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (v.richText) return v.richText.map((part) => part.text).join('');
    if (v.result !== undefined) return v.result;
    if (v.text !== undefined) return v.text;
  }
  return value;
}

function isZip(file: string): boolean {
  const handle = fs.openSync(file, 'r');
  try {
    const magic = Buffer.alloc(4);
    fs.readSync(handle, magic, 0, 4, 0);
    return magic.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  } finally {
    fs.closeSync(handle);
  }
}
