import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import zlib from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCsvWriter, createXlsxWriter, type ExportColumn, type TableWriter } from '../../electron/core/exports/writers';
import { COLUMNS, hasLibreOffice, libreOfficeCsv, onPath, ORDER_TIME, orderRows, readXlsx, ROWS, sheetRows, writeAll } from '../support/export-files';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
afterEach(() => {
  vi.restoreAllMocks();
});

const hasUnzip = onPath('unzip');

async function writeXlsx(
  file: string,
  rows: Iterable<readonly unknown[]>,
  options: { columns?: ExportColumn[]; maxRowsPerSheet?: number } = {},
): Promise<fs.WriteStream> {
  const out = fs.createWriteStream(file, { highWaterMark: 1 << 20 });
  await writeAll(createXlsxWriter(out, { sheetName: '订单', columns: options.columns ?? COLUMNS, maxRowsPerSheet: options.maxRowsPerSheet }), rows);
  return out;
}

function enospc(): Error {
  return Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
}

/** A disk that accepts `goodBytes` and then fails every write with ENOSPC. */
function fullDisk(goodBytes: number): Writable {
  let written = 0;
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      written += chunk.length;
      callback(written > goodBytes ? enospc() : null);
    },
  });
}

/** A disk that stops answering until release(); keeps what it was given. */
class StalledDisk extends Writable {
  readonly chunks: Buffer[] = [];
  private waiting: (() => void) | undefined;
  private stalled = true;

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.chunks.push(chunk);
    if (this.stalled) this.waiting = callback;
    else callback();
  }

  release(): void {
    this.stalled = false;
    this.waiting?.();
  }
}

/** Records the deflaters the XLSX writer creates, to measure what they hold. */
function spyOnDeflaters(): zlib.DeflateRaw[] {
  const deflaters: zlib.DeflateRaw[] = [];
  const create = zlib.createDeflateRaw.bind(zlib);
  vi.spyOn(zlib, 'createDeflateRaw').mockImplementation((options) => {
    const deflate = create(options);
    deflaters.push(deflate);
    return deflate;
  });
  return deflaters;
}

function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  return Promise.race([promise, delay(ms).then(() => Promise.reject(new Error(`no answer within ${ms} ms (hang)`)))]);
}

/** Adds rows the proper way until a drained() stays pending for 300 ms (the disk stalled); returns that drained(). */
async function addUntilStalled(writer: TableWriter, afterEachRow: () => void = () => undefined): Promise<{ drain?: Promise<void> }> {
  for (const row of orderRows(400_000)) {
    if (!writer.addRow(row)) {
      const drain = writer.drained();
      const pending = await Promise.race([drain.then(() => false), delay(300).then(() => true)]);
      if (pending) return { drain };
    }
    afterEachRow();
  }
  return {};
}

describe('XLSX export', () => {
  it('reads back in exceljs with the headers, numbers as numbers, Beijing dates, ¥ and date formats, bold frozen header, widths and Chinese text', async () => {
    const file = path.join(tempDir(), '订单.xlsx');
    const out = await writeXlsx(file, ROWS);
    expect(out.closed).toBe(true); // close() resolved after the fd was released

    const sheet = (await readXlsx(file)).worksheets[0]!;
    expect(sheet.name).toBe('订单');
    const rows = sheetRows(sheet);
    expect(rows[0]).toEqual(['客户名称', '订单金额', '数量', '下单时间', '备注']);
    expect(rows[1]).toEqual(['杭州星河信息技术有限公司', 1234.56, 3, new Date('2026-11-24T13:05:00.000Z'), '𠮷野家 🍜 三字节与四字节']);
    expect(rows[2]).toEqual(['上海云帆贸易', -12.3, 0, new Date('2026-11-25T13:04:59.000Z')]);
    expect(rows[3]).toEqual([undefined, undefined, undefined, undefined, '仅备注']);
    expect(rows).toHaveLength(4);
    expect(sheet.getCell('B4').value).toBeNull();
    expect(sheet.getCell('E3').value).toBeNull();
    expect(sheet.getCell('A4').value).toBeNull();

    expect(sheet.getCell('B2').numFmt).toContain('¥');
    expect(sheet.getCell('B2').numFmt).toContain('#,##0.00');
    expect(sheet.getCell('C2').numFmt).toBe('0');
    expect(sheet.getCell('D2').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    for (const ref of ['A1', 'B1', 'C1', 'D1', 'E1']) expect(sheet.getCell(ref).font?.bold).toBe(true);
    expect(sheet.getCell('A2').font?.bold).toBeFalsy();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(COLUMNS.map((_, index) => sheet.getColumn(index + 1).width)).toEqual([32, 14, 8, 20, 40]);
  });

  it.skipIf(!hasLibreOffice)(
    'shows ¥ amounts, Beijing times and Chinese text in LibreOffice exactly as the CSV export writes them (skipped when LibreOffice, libreoffice-calc-nogui, is not installed)',
    async () => {
      const dir = tempDir();
      const rows = [...ROWS];
      let seed = 7;
      for (let t = Date.UTC(1970, 0, 1); t < Date.UTC(2040, 0, 1); t += 86_400_000 * 9 + 4801_000) {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        rows.push(['行', (seed % 100_000_000) - 50_000_000, seed % 1000, t, null]);
      }
      await writeXlsx(path.join(dir, 'orders.xlsx'), rows);
      const shown = libreOfficeCsv(path.join(dir, 'orders.xlsx'), tempDir());
      expect(shown.slice(0, 4)).toEqual([
        ['客户名称', '订单金额', '数量', '下单时间', '备注'],
        ['杭州星河信息技术有限公司', '¥1,234.56', '3', '2026-11-24 13:05:00', '𠮷野家 🍜 三字节与四字节'],
        ['上海云帆贸易', '-¥12.30', '0', '2026-11-25 13:04:59', ''],
        ['', '', '', '', '仅备注'],
      ]);
      // Every amount and time (1970-2040) as displayed equals the CSV writer's text of the same value.
      const csvFile = path.join(dir, 'orders.csv');
      await writeAll(createCsvWriter(fs.createWriteStream(csvFile), { columns: COLUMNS }), rows);
      const csv = parse(fs.readFileSync(csvFile, 'utf8'), { bom: true }) as string[][];
      const asShown = (yuan: string) =>
        yuan.replace(/^(-?)(\d+)(\.\d\d)$/, (_, sign: string, whole: string, cents: string) => `${sign}¥${Number(whole).toLocaleString('en-US')}${cents}`);
      expect(shown.length).toBe(csv.length);
      expect(shown.slice(4).map((row) => [row[1], row[3]])).toEqual(csv.slice(4).map((row) => [asShown(row[1]!), row[3]]));
    },
    150_000,
  );

  it('starts a new sheet every maxRowsPerSheet rows, each with the header row, no row lost or repeated', async () => {
    const file = path.join(tempDir(), 'split.xlsx');
    const rows = Array.from({ length: 10 }, (_, i) => [`第${i + 1}行`, i * 100, i + 1, ORDER_TIME, null]);
    await writeXlsx(file, rows, { maxRowsPerSheet: 4 });

    const workbook = await readXlsx(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['订单', '订单 (2)', '订单 (3)', '订单 (4)']);
    const dataRows = workbook.worksheets.flatMap((sheet) => {
      const [header, ...data] = sheetRows(sheet);
      expect(header).toEqual(['客户名称', '订单金额', '数量', '下单时间', '备注']);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      return data;
    });
    expect(dataRows.map((row) => row[0])).toEqual(rows.map((row) => row[0]));
    expect(dataRows.map((row) => row[2])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('refuses sheet names Excel refuses and keeps numbered names within 31 characters', async () => {
    const out = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    for (const name of ['', 'a/b', 'a:b', '[x]', 'x'.repeat(32), "'quoted'"]) {
      expect(() => createXlsxWriter(out, { sheetName: name, columns: COLUMNS })).toThrow(/sheet name/);
    }
    const file = path.join(tempDir(), 'long-name.xlsx');
    const longName = '二〇二六年十一月全部已完成订单明细导出结果第一批次';
    await writeAll(createXlsxWriter(fs.createWriteStream(file), { sheetName: longName, columns: COLUMNS, maxRowsPerSheet: 2 }), ROWS);
    const names = (await readXlsx(file)).worksheets.map((sheet) => sheet.name);
    expect(names).toEqual([longName, `${longName.slice(0, 27)} (2)`, `${longName.slice(0, 27)} (3)`]);
  });

  it('keeps edge spaces and &<>, drops control characters and U+FFFF, truncates 40,000 characters to 32,767; exceljs reads every row', async () => {
    const file = await writeTrickyCells();
    const rows = sheetRows((await readXlsx(file)).worksheets[0]!);
    expect(rows.map((row) => row[0])).toEqual([
      '文本',
      '  leading and trailing  ',
      'a & b < c > d "q"',
      'ctrl::end',
      ' nonchars',
      'tab\tand\nnewline',
      'lone surrogate \uFFFD here',
      '=1+2',
      'x'.repeat(32_767),
      '𠮷'.repeat(16_383),
      'NaN',
      'Infinity',
    ]);
    expect(rows.map((row) => row[1])).toEqual(['序号', 0, 1, 2, 3, 4, 5, 6, 7, 8, undefined, undefined]);
  }, 150_000);

  it.skipIf(!hasLibreOffice)(
    'LibreOffice reads the same tricky cells (skipped when LibreOffice, libreoffice-calc-nogui, is not installed)',
    async () => {
      const shown = libreOfficeCsv(await writeTrickyCells(), tempDir());
      expect(shown.map((row) => row[1])).toEqual(['序号', '0', '1', '2', '3', '4', '5', '6', '7', '8', '', '']);
      expect(shown[1]![0]).toBe('  leading and trailing  ');
      expect(shown[8]![0]).toBe('x'.repeat(32_767));
    },
    150_000,
  );

  it.skipIf(!hasUnzip)('is a valid zip: unzip -t checks every part and its CRC (skipped without unzip)', async () => {
    const file = path.join(tempDir(), 'zip.xlsx');
    await writeXlsx(file, orderRows(5000), { maxRowsPerSheet: 2000 });
    const report = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(report).toContain('No errors detected');
    for (const part of [
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet3.xml',
    ]) {
      expect(report).toContain(`testing: ${part}`);
    }
  });
});

describe('CSV export', () => {
  it('writes UTF-8 with BOM, CRLF, RFC 4180 quoting, yuan amounts, Beijing times and formula-injection guards', async () => {
    const file = path.join(tempDir(), '订单.csv');
    const rows = [
      ...ROWS,
      ['say "hi", then\r\nleave', 5, -7, Date.UTC(2026, 11, 31, 16, 0, 0), 'a,b'],
      ['=HYPERLINK("http://x")', -5, 1_000_000, Date.UTC(1969, 11, 31, 15, 59, 59), '+1'],
      ['-2', 100, 2, 0, '@SUM(A1)'],
      ['\tTab', 99, 3, null, '\rcr'],
    ];
    await writeAll(createCsvWriter(fs.createWriteStream(file), { columns: COLUMNS }), rows);

    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFF客户名称,订单金额,数量,下单时间,备注');
    expect(text.replace(/\r\n/g, '').replace(/"[^"]*(""[^"]*)*"/g, '')).not.toMatch(/[\r\n]/); // every line ends CRLF
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('"say ""hi"", then\r\nleave"');

    expect(parse(bytes, { bom: true })).toEqual([
      ['客户名称', '订单金额', '数量', '下单时间', '备注'],
      ['杭州星河信息技术有限公司', '1234.56', '3', '2026-11-24 13:05:00', '𠮷野家 🍜 三字节与四字节'],
      ['上海云帆贸易', '-12.30', '0', '2026-11-25 13:04:59', ''],
      ['', '', '', '', '仅备注'],
      ['say "hi", then\r\nleave', '0.05', '-7', '2027-01-01 00:00:00', 'a,b'],
      ['\'=HYPERLINK("http://x")', '-0.05', '1000000', '1969-12-31 23:59:59', "'+1"],
      ["'-2", '1.00', '2', '1970-01-01 08:00:00', "'@SUM(A1)"],
      ["'\tTab", '0.99', '3', '', "'\rcr"],
    ]);
  });
});

describe('backpressure and memory', () => {
  it('stops accepting rows while the disk is stalled, holds under 8 MiB, then finishes once the disk answers', async () => {
    const deflaters = spyOnDeflaters();
    const disk = new StalledDisk();
    const writer = createXlsxWriter(disk, { sheetName: '订单', columns: COLUMNS });
    const held = () => disk.writableLength + deflaters.reduce((sum, deflate) => sum + deflate.writableLength + deflate.readableLength, 0);

    let maxHeld = 0;
    const { drain: stalledDrain } = await addUntilStalled(writer, () => {
      maxHeld = Math.max(maxHeld, held());
    });
    expect(stalledDrain, 'addRow() never asked to wait for the stalled disk').toBeDefined();
    expect(held()).toBeGreaterThan(4 << 20);
    expect(maxHeld).toBeLessThan(8 << 20);
    const rowsWhenStalled = writer.rows;
    let resolved = false;
    void stalledDrain!.then(() => {
      resolved = true;
    });
    await delay(300);
    expect(resolved).toBe(false); // drained() waits for the disk

    disk.release();
    await within(5000, stalledDrain!);
    await writeAll(writer, orderRows(1000, rowsWhenStalled));
    const file = path.join(tempDir(), 'stalled.xlsx');
    fs.writeFileSync(file, Buffer.concat(disk.chunks));
    const sheet = (await readXlsx(file)).worksheets[0]!;
    expect(sheet.rowCount).toBe(rowsWhenStalled + 1001);
    expect(sheet.getCell(`C${rowsWhenStalled + 1001}`).value).toBe(rowsWhenStalled + 999);
  }, 60_000);

  it('writes 300,000 rows to a file with flat memory (RSS growth under 150 MB)', async () => {
    const file = path.join(tempDir(), 'big.xlsx');
    const out = fs.createWriteStream(file, { highWaterMark: 1 << 20 });
    const writer = createXlsxWriter(out, { sheetName: '订单', columns: COLUMNS });
    const before = process.memoryUsage().rss;
    let peak = before;
    for (const row of orderRows(300_000)) {
      if (!writer.addRow(row)) {
        await writer.drained();
        peak = Math.max(peak, process.memoryUsage().rss);
      }
    }
    await writer.close();
    expect(writer.rows).toBe(300_000);
    expect((peak - before) / 1e6).toBeLessThan(150);
    expect(fs.statSync(file).size).toBeGreaterThan(5e6);
  }, 120_000);
});

describe('output errors', () => {
  const writers = {
    xlsx: (out: Writable) => createXlsxWriter(out, { sheetName: '订单', columns: COLUMNS, maxRowsPerSheet: 2000 }), // fails mid-sheet-switch too
    csv: (out: Writable) => createCsvWriter(out, { columns: COLUMNS }),
  };

  for (const [format, create] of Object.entries(writers)) {
    it(`${format}: drained() and close() reject with ENOSPC within a second, at the first write or later`, async () => {
      const deflaters = spyOnDeflaters();
      for (const goodBytes of [0, 1 << 20]) {
        const writer = create(fullDisk(goodBytes));
        await expect(within(1000, writeAll(writer, orderRows(1_000_000)))).rejects.toMatchObject({ code: 'ENOSPC' });
        await expect(within(1000, writer.close())).rejects.toMatchObject({ code: 'ENOSPC' });
      }
      expect(deflaters.every((deflate) => deflate.destroyed)).toBe(true); // no zlib handle left behind
    });

    it(`${format}: abort() destroys the output, releases the file and ends a pending drained()`, async () => {
      const deflaters = spyOnDeflaters();
      const disk = new StalledDisk();
      const writer = create(disk);
      const { drain } = await addUntilStalled(writer);
      expect(drain).toBeDefined();
      await within(1000, writer.abort());
      expect(disk.destroyed).toBe(true);
      expect(deflaters.every((deflate) => deflate.destroyed)).toBe(true);
      await expect(within(1000, drain!)).rejects.toThrow(/cancelled/);
      await expect(writer.close()).rejects.toThrow(/abort/);

      const file = fs.createWriteStream(path.join(tempDir(), `aborted.${format}`));
      const fileWriter = create(file);
      fileWriter.addRow(ROWS[0]!);
      await fileWriter.abort();
      expect(file.closed).toBe(true);
    });
  }
});

/** Cells that trip XML writers: spaces at the edges, markup characters, control and non-characters, lone surrogates, overlong text. */
async function writeTrickyCells(): Promise<string> {
  const file = path.join(tempDir(), 'tricky.xlsx');
  const tricky = [
    '  leading and trailing  ',
    'a & b < c > d "q"',
    'ctrl:\u0001\u0002\u0008\u000B\u000C\u001F:end',
    '\uFFFE\uFFFF nonchars',
    'tab\tand\nnewline',
    'lone surrogate \uD800 here',
    '=1+2',
    'x'.repeat(40_000),
    '𠮷'.repeat(20_000), // 40,000 UTF-16 units: the cut must not split a pair
  ];
  const columns: ExportColumn[] = [
    { header: '文本', type: 'text', width: 40 },
    { header: '序号', type: 'integer', width: 6 },
  ];
  await writeXlsx(file, [...tricky.map((text, i) => [text, i]), ['NaN', Number.NaN], ['Infinity', Number.POSITIVE_INFINITY]], { columns });
  return file;
}
