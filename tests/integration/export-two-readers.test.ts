import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, openDatabase, openWorkerConnection, type SqliteDatabase } from '../../electron/core/db';
import { ExportCancelled, pinSnapshot, writeExportFile, type ExportFileRequest, type SecondReader } from '../../electron/core/exports/export-file';
import { pinTogether, startSecondReader } from '../../electron/core/exports/second-reader';
import { createSheetPartWriter, createXlsxWriter, type DeflatedPart } from '../../electron/core/exports/writers';
import type { ExportField, Query } from '../../electron/core/lists';
import { DETAIL_FIELDS } from '../../electron/core/transaction-details';
import { SandboxDataset } from '../../electron/sandbox/generator';
import { COLUMNS, hasLibreOffice, libreOfficeCsv, ORDER_TIME, orderRows, readXlsx, ROWS as SAMPLE_ROWS, sheetRows, writeAll } from '../support/export-files';
import { useFileTempDir, useTempDirs } from '../support/temp-dir';
import { zipParts } from '../support/xlsx-files';

/**
 * A big XLSX export is written by two threads: this one writes the sheet's first half, a second
 * reader (its own worker thread and connection) the rest. Both must read one snapshot, and the file
 * must be the one a single reader writes. The split is tried here from 1,000 rows (the app's is 100,000).
 */
const ROWS = 5_001;
const SPLIT_MIN_ROWS = 1_000;
const dir = useFileTempDir();
const tempDir = useTempDirs();
const file = path.join(dir, DATABASE_FILE_NAME);
let writer: SqliteDatabase;
let data: SandboxDataset;

beforeAll(() => {
  writer = openDatabase(file);
  data = new SandboxDataset('two-readers', 'small', Date.parse('2026-11-24T00:00:00+08:00'));
  const insert = writer.prepare(
    `INSERT INTO transaction_details (${DETAIL_FIELDS.join(', ')}, source) VALUES (${DETAIL_FIELDS.map((c) => '@' + c).join(', ')}, 'sandbox')`,
  );
  writer.transaction(() => {
    for (let i = 0; i < ROWS; i++) insert.run(data.detail(i));
  })();
});
afterAll(() => writer.close());

const request = (target: string): ExportFileRequest => ({ selection: { table: 'transaction_details', filters: {} }, format: 'xlsx', target, asOf: Date.now() });

/** The real second reader, watched: whether it pinned, and a hook after pinning. */
function watchedReader(afterPin: () => void = () => undefined) {
  const seen = { pinned: null as boolean | null, wrote: false, reader: null as SecondReader | null };
  const factory = (rows: { query: Query; fields: ExportField[] }): SecondReader => {
    const real = startSecondReader({ file, ...rows, cacheKib: 2048 });
    seen.reader = real;
    return {
      async pin(db) {
        seen.pinned = await real.pin(db);
        if (seen.pinned) afterPin();
        return seen.pinned;
      },
      write(slice, progress) {
        seen.wrote = true;
        return real.write(slice, progress);
      },
      close: () => real.close(),
    };
  };
  return { seen, factory };
}

async function exportTo(target: string, secondReader?: (rows: { query: Query; fields: ExportField[] }) => SecondReader, cancelled = () => false) {
  const db = openWorkerConnection(file, { readonly: true });
  const progress: number[] = [];
  try {
    const result = await writeExportFile(
      db,
      request(target),
      { progress: (rows) => progress.push(rows), cancelled },
      { secondReader, splitMinRows: SPLIT_MIN_ROWS },
    );
    return { result, progress };
  } finally {
    db.close();
  }
}

const sheetOf = (xlsx: string) => zipParts(xlsx).get('xl/worksheets/sheet1.xml')!;

describe('an XLSX export on two readers', () => {
  it('writes the file one reader writes, every row once and in order, with progress up to the total', async () => {
    const out = tempDir();
    const { result: alone } = await exportTo(path.join(out, 'one.xlsx'));
    const { seen, factory } = watchedReader();
    const { result, progress } = await exportTo(path.join(out, 'two.xlsx'), factory);
    expect(seen).toMatchObject({ pinned: true, wrote: true });
    expect(result.rows).toBe(ROWS);
    expect(alone.rows).toBe(ROWS);
    expect(sheetOf(path.join(out, 'two.xlsx')).equals(sheetOf(path.join(out, 'one.xlsx')))).toBe(true);
    expect(progress.at(-1)).toBe(ROWS);
    expect(fs.readdirSync(out).sort()).toEqual(['one.xlsx', 'two.xlsx']); // no temporary or part file left
  });

  it('reads one snapshot on both threads: rows added and removed once both are pinned are in neither half', async () => {
    const out = tempDir();
    await exportTo(path.join(out, 'before.xlsx'));
    const { seen, factory } = watchedReader(() => {
      // the write lock is free again: these commit while the two halves are read
      writer.prepare('DELETE FROM transaction_details WHERE rowid IN (SELECT rowid FROM transaction_details ORDER BY rowid LIMIT 700)').run();
      const insert = writer.prepare(
        `INSERT INTO transaction_details (${DETAIL_FIELDS.join(', ')}, source) VALUES (${DETAIL_FIELDS.map((c) => '@' + c).join(', ')}, 'sandbox')`,
      );
      for (let i = ROWS; i < ROWS + 300; i++) insert.run(data.detail(i));
    });
    const { result } = await exportTo(path.join(out, 'during.xlsx'), factory);
    expect(seen.pinned).toBe(true);
    expect(result.rows).toBe(ROWS);
    expect(sheetOf(path.join(out, 'during.xlsx')).equals(sheetOf(path.join(out, 'before.xlsx')))).toBe(true);
    // and the next export sees the change
    const { result: after } = await exportTo(path.join(out, 'after.xlsx'), watchedReader().factory);
    expect(after.rows).toBe(ROWS - 700 + 300);
  });

  it('pins one snapshot on two connections, and says no when a commit falls between the two', async () => {
    const count = (db: SqliteDatabase) => db.prepare('SELECT count(*) FROM transaction_details').pluck().get() as number;
    const [first, second] = [openWorkerConnection(file, { readonly: true }), openWorkerConnection(file, { readonly: true })];
    try {
      const before = count(writer);
      expect(await pinTogether(first, async () => pinSnapshot(second))).toBe(true);
      writer.prepare('DELETE FROM transaction_details WHERE rowid = (SELECT max(rowid) FROM transaction_details)').run();
      expect([count(first), count(second), count(writer)]).toEqual([before, before, before - 1]);
      second.exec('COMMIT');
      first.exec('COMMIT');

      const pinned = await pinTogether(first, async () => {
        pinSnapshot(second);
        writer.prepare('DELETE FROM transaction_details WHERE rowid = (SELECT max(rowid) FROM transaction_details)').run(); // lands between
      });
      expect(pinned).toBe(false);
      expect(first.inTransaction).toBe(false); // let go: the caller tries again or writes alone
      expect(count(second)).toBe(before - 1);
      expect(count(first)).toBe(before - 2);
    } finally {
      if (second.inTransaction) second.exec('COMMIT');
      first.close();
      second.close();
    }
  });

  it('goes on alone on one thread when the two readers could not be pinned to one snapshot', async () => {
    let closed = false;
    const unpinnable = () => ({
      pin: async () => false, // commits kept landing between the two (pinTogether said no each time)
      write: () => Promise.reject(new Error('never asked to write')),
      close: async () => void (closed = true),
    });
    const out = tempDir();
    const { result, progress } = await exportTo(path.join(out, 'alone.xlsx'), unpinnable);
    expect(result.rows).toBe(writer.prepare('SELECT count(*) FROM transaction_details').pluck().get());
    expect(progress.at(-1)).toBe(result.rows);
    expect(closed).toBe(true);
    expect(fs.readdirSync(out)).toEqual(['alone.xlsx']);
  });

  it('when cancelled while the second reader writes, stops it and leaves no file behind', async () => {
    const out = tempDir();
    const { seen, factory } = watchedReader();
    let cancelled = false;
    const exporting = exportTo(path.join(out, 'cancelled.xlsx'), factory, () => cancelled);
    await expect.poll(() => seen.wrote).toBe(true);
    cancelled = true;
    void seen.reader!.close(); // as the export worker does on 取消
    await expect(exporting).rejects.toBeInstanceOf(ExportCancelled);
    expect(fs.readdirSync(out)).toEqual([]);
  });
});

/** An XLSX whose sheet's rows from `split` on are written by a second writer into a part file, as a second thread does. */
async function writeXlsxInTwoParts(file: string, rows: readonly (readonly unknown[])[], split: number, failSecond?: Error): Promise<void> {
  const partFile = `${file}.part`;
  const second = (async (): Promise<DeflatedPart> => {
    const writer = createSheetPartWriter(fs.createWriteStream(partFile, { highWaterMark: 1 << 20 }), { columns: COLUMNS, firstRowNumber: split + 2 });
    await writeAll(writer, rows.slice(split));
    if (failSecond) throw failSecond;
    return { file: partFile, ...writer.part() };
  })();
  second.catch(() => undefined);
  const out = fs.createWriteStream(file, { highWaterMark: 1 << 20 });
  await writeAll(createXlsxWriter(out, { sheetName: '订单', columns: COLUMNS, continuedBy: () => second }), rows.slice(0, split));
}

describe('XLSX sheet written in two parts (a big export on two threads)', () => {
  const rows = [...SAMPLE_ROWS, ...orderRows(20_000), ...SAMPLE_ROWS, ['  边缘空格 ', 1, 2, ORDER_TIME, 'a&b<c>\r']];

  it('is byte for byte the sheet one writer makes, with the CRC-32 and size of the whole sheet, and exceljs reads every row', async () => {
    const dir = tempDir();
    await writeAll(createXlsxWriter(fs.createWriteStream(path.join(dir, 'one.xlsx')), { sheetName: '订单', columns: COLUMNS }), rows);
    for (const split of [1, 3, 10_001, rows.length - 1]) {
      const file = path.join(dir, `two-${split}.xlsx`);
      await writeXlsxInTwoParts(file, rows, split);
      const [one, two] = [zipParts(path.join(dir, 'one.xlsx')), zipParts(file)];
      expect(two.get('xl/worksheets/sheet1.xml')!.equals(one.get('xl/worksheets/sheet1.xml')!), `split at row ${split}`).toBe(true);
      expect([...two.keys()]).toEqual([...one.keys()]);
    }
    const read = sheetRows((await readXlsx(path.join(dir, 'two-10001.xlsx'))).worksheets[0]!);
    expect(read).toHaveLength(rows.length + 1);
    expect(read[10_001]![0]).toBe(rows[10_000]![0]);
    expect(read[10_002]![0]).toBe(rows[10_001]![0]);
    expect(read.at(-1)).toEqual(['  边缘空格 ', 0.01, 2, new Date('2026-11-24T13:05:00.000Z'), 'a&b<c>\r']);
  });

  it.skipIf(!hasLibreOffice)(
    'opens in LibreOffice with every row in order across the join (skipped when LibreOffice is not installed)',
    async () => {
      const file = path.join(tempDir(), 'two.xlsx');
      const some = rows.slice(0, 3000);
      await writeXlsxInTwoParts(file, some, 1700);
      const shown = libreOfficeCsv(file, tempDir());
      expect(shown).toHaveLength(some.length + 1);
      expect(shown.slice(1).map((row) => row[2])).toEqual(some.map((row) => (row[2] === null || row[2] === undefined ? '' : String(row[2]))));
    },
    150_000,
  );

  it('fails, leaving the output closed, when the second part fails', async () => {
    const file = path.join(tempDir(), 'failed.xlsx');
    await expect(writeXlsxInTwoParts(file, rows.slice(0, 500), 200, new Error('the second reader stopped'))).rejects.toThrow('the second reader stopped');
  });

  it('refuses rows past one sheet when another part continues it', async () => {
    const out = fs.createWriteStream(path.join(tempDir(), 'x.xlsx'));
    const writer = createXlsxWriter(out, { sheetName: '订单', columns: COLUMNS, maxRowsPerSheet: 3, continuedBy: () => Promise.reject(new Error('unused')) });
    writer.addRow(SAMPLE_ROWS[0]!);
    writer.addRow(SAMPLE_ROWS[1]!);
    expect(() => writer.addRow(SAMPLE_ROWS[2]!)).toThrow('a sheet continued by another part holds at most 2 rows');
    await writer.abort();
  });
});
