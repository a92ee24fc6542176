import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTableFile, XLSX_LIMITS } from '../../electron/core/imports';
import { readXlsxRows } from '../../electron/core/imports/xlsx-reader';
import { dbOf, startCore } from '../support/core';
import { useFileTempDir } from '../support/temp-dir';
import { handMadeXlsx, truncated } from '../support/xlsx-files';

/**
 * Files as sellers bring them, and as downloads and other programs leave them: cut off, enormous
 * when unpacked, written by Excel on Chinese Windows. Every import ends — rows, or a clear error
 * naming the file and what is wrong — and nothing stored is touched by a refused file.
 */
const dir = useFileTempDir();
let started: Awaited<ReturnType<typeof startCore>>;
beforeAll(async () => {
  started = await startCore(path.join(dir, 'core'), { sandbox: 'off' });
});
afterAll(() => started.core.close());

const base64 = (file: string) => fs.readFileSync(file).toString('base64');
const count = (table: string) => dbOf(started.core).prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

/** An orders export of `rows` rows, written by exceljs as Excel would save it. */
async function ordersWorkbook(file: string, rows: number): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('订单列表');
  sheet.addRow(['订单号', '客户名称', '订单状态', '订单金额(元)', '创建时间']);
  for (let i = 0; i < rows; i++)
    sheet.addRow([`CS26${String(i).padStart(8, '0')}ABCDE`, `杭州星河信息技术有限公司${i}`, '已完成', 100 + i, new Date(Date.UTC(2026, 10, 24, 9))]);
  await workbook.xlsx.writeFile(file);
  return file;
}

describe('a workbook cut off by an interrupted download', () => {
  it('is refused at once, naming the file, by every import: Seller Center exports, usage files, the SDR list', async () => {
    const whole = await ordersWorkbook(path.join(dir, '订单导出.xlsx'), 3000);
    for (const fraction of [0.1, 0.5, 0.99]) {
      const cut = truncated(whole, fraction);
      const fileName = path.basename(cut);
      await expect(started.client.call('imports.sellerCenter', { kind: 'orders', fileName, contentBase64: base64(cut) })).rejects.toThrow(
        `${fileName}: the workbook is damaged or incomplete — its zip directory is missing (an interrupted download?); download it again`,
      );
      await expect(started.client.call('usage.importFile', { fileName, contentBase64: base64(cut) })).rejects.toThrow(
        `${fileName}: the workbook is damaged or incomplete`,
      );
      await expect(started.client.call('usage.reconcile', { fileName, contentBase64: base64(cut) })).rejects.toThrow(
        `${fileName}: the workbook is damaged or incomplete`,
      );
    }
    expect(count('orders')).toBe(0);
    const complete = await started.client.call('imports.sellerCenter', { kind: 'orders', fileName: '订单导出.xlsx', contentBase64: base64(whole) });
    expect(complete).toMatchObject({ imported: 3000, refused: false, encoding: null });
  });
});

describe('workbooks built to hurt a reader', () => {
  it('refuses one that unpacks past the limit, saying the size and the limit, before reading a row', async () => {
    const file = await ordersWorkbook(path.join(dir, 'big.xlsx'), 20_000);
    const rows = readXlsxRows(file, { ...XLSX_LIMITS, maxUnpackedBytes: 1024 * 1024 });
    await expect(rows.next()).rejects.toThrow(/big\.xlsx: refused: its first sheet unpacks to \d+ MB, more than the 1 MB this app reads/);
  });

  it('refuses a zip entry that unpacks to more than its directory says (a zip bomb lying about its size)', async () => {
    const bomb = Buffer.alloc(50 * 1024 * 1024, 0x20); // 50 MB of spaces pack into about 50 KB
    const file = handMadeXlsx(path.join(dir, 'bomb.xlsx'), bomb, { declaredSize: 1000 });
    expect(fs.statSync(file).size).toBeLessThan(200_000);
    await expect(readXlsxRows(file).next()).rejects.toThrow(/bomb\.xlsx: the workbook is damaged and cannot be read \(too many bytes in the stream/);
  });

  it('refuses past the cell limit, saying the limit', async () => {
    const file = await ordersWorkbook(path.join(dir, 'cells.xlsx'), 100);
    const read = async () => {
      for await (const row of readXlsxRows(file, { ...XLSX_LIMITS, maxCells: 250 })) void row;
    };
    await expect(read()).rejects.toThrow('cells.xlsx: refused: it has more than 250 cells');
  });

  it('refuses a cell of several megabytes, naming the cell and Excel’s limit', async () => {
    const file = path.join(dir, 'long-cell.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('订单列表');
    sheet.addRow(['订单号', '订单状态', '创建时间']);
    sheet.addRow(['CS2611240100AAAAA', '已完成', '2026-11-24 09:00']);
    sheet.addRow(['CS2611240100BBBBB', '中'.repeat(3 * 1024 * 1024), '2026-11-24 09:00']);
    await workbook.xlsx.writeFile(file);
    await expect(started.client.call('imports.sellerCenter', { kind: 'orders', fileName: 'long-cell.xlsx', contentBase64: base64(file) })).rejects.toThrow(
      "long-cell.xlsx: refused: a text holds more than 32,767 characters, Excel's limit for a cell",
    );
  });

  it('refuses a cell of inline text past the limit, naming the cell', async () => {
    const file = handMadeXlsx(
      path.join(dir, 'inline.xlsx'),
      `<row r="1"><c r="A1" t="inlineStr"><is><t>订单号</t></is></c></row><row r="2"><c r="C2" t="inlineStr"><is><t>${'x'.repeat(40_000)}</t></is></c></row>`,
    );
    const read = async () => {
      for await (const row of readXlsxRows(file)) void row;
    };
    await expect(read()).rejects.toThrow("inline.xlsx: refused: cell C2 holds more than 32,767 characters, Excel's limit for a cell");
  });

  it('refuses XML nested absurdly deep', async () => {
    const file = handMadeXlsx(
      path.join(dir, 'deep.xlsx'),
      `<row r="1"><c r="A1" t="inlineStr"><is>${'<r>'.repeat(100_000)}${'</r>'.repeat(100_000)}</is></c></row>`,
    );
    await expect(readXlsxRows(file).next()).rejects.toThrow('deep.xlsx: refused: its XML is nested more than 64 levels deep');
  });

  it('reads formula results, rich text, booleans, errors and dates as Excel shows them', async () => {
    const file = path.join(dir, 'cells-of-all-kinds.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow([
      { formula: 'B2*2', result: 5 },
      { richText: [{ text: '杭州' }, { font: { bold: true }, text: '星河' }] },
      true,
      { error: '#N/A' },
      new Date(Date.UTC(2026, 10, 24, 9, 30)),
      '２０２６',
    ]);
    await workbook.xlsx.writeFile(file);
    const rows = [];
    for await (const row of openTableFile(file).rows) rows.push(row);
    expect(rows).toEqual([{ row: 1, cells: [5, '杭州星河', true, '#N/A', new Date(Date.UTC(2026, 10, 24, 9, 30)), '２０２６'] }]);
  });
});

describe('workbook XML as other programs write it', () => {
  const readAll = async (file: string) => {
    const rows = [];
    for await (const row of readXlsxRows(file)) rows.push(row);
    return rows;
  };

  it('reads prefixed names, entities, CDATA, comments, phonetic guides, formulas and cells without a reference', async () => {
    const sheet = Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><!-- written by hand --><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
        <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c t="inlineStr"><x:is><x:t>严选&amp;认证部件 &#x4E2D;&#25991;</x:t></x:is></x:c>
          <x:c r="D1" t="str"><x:f>A1&amp;"&gt;"</x:f><x:v><![CDATA[<a&b>]]></x:v></x:c></x:row>
        <x:row><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="B2"/><x:c r='C2' t='n'><x:v>12.5</x:v></x:c></x:row>
      </x:sheetData></x:worksheet>`,
    );
    const sharedStrings = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
      <si><t xml:space="preserve"> 东京 </t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si><si><r><t>杭州</t></r><r><rPr><b/></rPr><t>星河</t></r></si></sst>`;
    const file = handMadeXlsx(path.join(dir, 'by-hand.xlsx'), sheet, {}, [{ name: 'xl/sharedStrings.xml', content: sharedStrings }]);
    expect(await readAll(file)).toEqual([
      { row: 1, cells: [' 东京 ', '严选&认证部件 中文', undefined, '<a&b>'] },
      { row: 2, cells: ['杭州星河', undefined, 12.5] },
    ]);
  });

  it('keeps an entity whole where the inflated data is cut into chunks', async () => {
    const file = handMadeXlsx(path.join(dir, 'entities.xlsx'), `<row r="1"><c r="A1" t="inlineStr"><is><t>${'&amp;'.repeat(20_000)}</t></is></c></row>`);
    expect(await readAll(file)).toEqual([{ row: 1, cells: ['&'.repeat(20_000)] }]);
  });

  it.each([
    ['an end tag that closes no open element', '<row r="1"><c r="A1"><v>1</v></c></rows>'],
    ['an element never closed', '<row r="1"><c r="A1"><v>1</v></c>'],
    ['an unknown entity', '<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>'],
    ['a DOCTYPE, as XML bombs have', '<!DOCTYPE lol [<!ENTITY lol "lol">]><row r="1"><c r="A1" t="inlineStr"><is><t>&lol;</t></is></c></row>'],
  ])('refuses XML with %s as damaged', async (_what, sheetData) => {
    const file = handMadeXlsx(path.join(dir, 'malformed.xlsx'), sheetData);
    await expect(readAll(file)).rejects.toThrow('malformed.xlsx: the workbook is damaged and cannot be read');
  });
});

describe('CSV files in the encodings sellers have', () => {
  const header = '订单号,交易时间,交易金额(元),结算金额（元）,运营管理费比例(%),客户账号';
  const lines = [
    header,
    'CS2611240100AAAAA,2026-11-24 09:00,"￥1,234.50",1172.78,5,hw10000001',
    'CS2611240100BBBBB,2026-11-24 10:00,99.00,94.05,5,hw10000002',
  ].join('\r\n');
  const cases: [string, Buffer, string][] = [
    ['GBK as Excel on Chinese Windows saves "CSV" (code page 936, no BOM)', iconv.encode(lines, 'gbk'), 'GB18030 (GBK)'],
    ['UTF-8 with a BOM (Excel\'s "CSV UTF-8")', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines, 'utf8')]), 'UTF-8'],
    ['UTF-8 without a BOM', Buffer.from(lines, 'utf8'), 'UTF-8'],
    ['UTF-16LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines, 'utf16le')]), 'UTF-16LE'],
    ['UTF-16BE with a BOM', iconv.encode(lines, 'utf16-be', { addBOM: true }), 'UTF-16BE'],
  ];
  it.each(cases)('reads %s, matches headers with units in brackets, and says the encoding', async (_what, bytes, encoding) => {
    const before = count('transaction_details');
    const result = await started.client.call('imports.sellerCenter', {
      kind: 'transaction_details',
      fileName: '交易明细.csv',
      contentBase64: bytes.toString('base64'),
    });
    expect(result).toMatchObject({ encoding, rows: 2, refused: false, needsMapping: null, problems: [] });
    const stored = dbOf(started.core)
      .prepare(`SELECT amount_fen, settlement_amount_fen, customer_account FROM transaction_details WHERE order_id = 'CS2611240100AAAAA'`)
      .get();
    expect(stored).toEqual({ amount_fen: 123_450, settlement_amount_fen: 117_278, customer_account: 'hw10000001' });
    expect(count('transaction_details')).toBe(before === 0 ? 2 : before); // the same rows again replace themselves
  });

  it('reads a usage file saved in GBK, and names the encoding', async () => {
    const usage = ['实例ID,开始时间,结束时间,使用量(次)', 'ins-1,20261124T050000Z,20261124T055959Z,12.5'].join('\r\n');
    const result = await started.client.call('usage.importFile', { fileName: '话单.csv', contentBase64: iconv.encode(usage, 'gbk').toString('base64') });
    expect(result).toMatchObject({ encoding: 'GB18030 (GBK)', rows: 1, queued: 1, refused: false });
  });

  it('refuses a file in no encoding it knows, naming the encodings tried, and stores nothing', async () => {
    const before = count('transaction_details');
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => [0xff, 0x80, 0xfe, 0x81][i % 4]!));
    await expect(
      started.client.call('imports.sellerCenter', { kind: 'transaction_details', fileName: 'garbled.csv', contentBase64: garbage.toString('base64') }),
    ).rejects.toThrow('garbled.csv: the text could not be read in any encoding tried (UTF-8, UTF-16 with a byte-order mark, GB18030/GBK)');
    expect(count('transaction_details')).toBe(before);
  });
});
