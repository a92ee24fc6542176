import type { Writable } from 'node:stream';
import { yuan } from '../../conventions';
import {
  ChunkedText,
  MS_PER_DAY,
  createTableWriter,
  numberCell,
  textCell,
  utcOffsetMs,
  type ExportColumn,
  type OutputGuard,
  type TableWriter,
  type WriterBackend,
  type XlsxOptions,
} from './table-writer';
import { ZipWriter, type ZipEntryStream } from './zip-writer';

const EXCEL_MAX_ROWS = 1_048_576;
const EXCEL_MAX_COLUMNS = 16_384;
const EXCEL_MAX_CELL_CHARS = 32_767;
const EXCEL_MAX_SHEET_NAME_CHARS = 31;
const EXCEL_SERIAL_OF_UNIX_EPOCH = 25_569; // 1970-01-01 in Excel's 1900 date system
const DEFLATE_LEVEL = 1; // level 6 made files 20% smaller but the export 2x slower

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const SPREADSHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIP_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIP_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** Indexes into <cellXfs> in styles.xml. */
const STYLE = { header: 1, amount: 2, integer: 3, date: 4 } as const;
const AMOUNT_FORMAT = '"¥"#,##0.00';
const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';

// Characters XML 1.0 cannot carry. They are dropped rather than written as _xHHHH_ escapes:
// exceljs's reader, which reads our files back, does not decode those.
// eslint-disable-next-line no-control-regex
const NOT_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const NEEDS_ESCAPE = /[&<>\r]/;
const TO_ESCAPE = /[&<>\r]/g;
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' }; // a literal CR would be read back as LF
const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/;

type CellEncoder = (value: unknown, row: string) => string;

/** Streams rows into an .xlsx file: inline strings, one sheet per `maxRowsPerSheet` rows, header on each. */
export function createXlsxWriter(out: Writable, options: XlsxOptions): TableWriter {
  validateSheetName(options.sheetName);
  const maxRowsPerSheet = options.maxRowsPerSheet ?? EXCEL_MAX_ROWS;
  if (!Number.isInteger(maxRowsPerSheet) || maxRowsPerSheet < 2 || maxRowsPerSheet > EXCEL_MAX_ROWS) {
    throw new RangeError(`maxRowsPerSheet must be a whole number from 2 to ${EXCEL_MAX_ROWS} (it counts the header row), got ${maxRowsPerSheet}`);
  }
  const offsetMs = utcOffsetMs(options.utcOffsetMinutes);
  return createTableWriter(
    out,
    options.columns,
    EXCEL_MAX_COLUMNS,
    (guard) => new XlsxBackend(guard, options.columns, options.sheetName, maxRowsPerSheet, offsetMs),
  );
}

class XlsxBackend implements WriterBackend {
  private readonly zip: ZipWriter;
  private readonly text = new ChunkedText((chunk) => this.sheet.write(chunk));
  private readonly cells: CellEncoder[];
  private readonly sheetHead: string;
  private sheet!: ZipEntryStream; // set by startSheet()
  private sheetCount = 0;
  private sheetRows = 0; // including the header row

  constructor(
    guard: OutputGuard,
    columns: readonly ExportColumn[],
    private readonly sheetName: string,
    private readonly maxRowsPerSheet: number,
    offsetMs: number,
  ) {
    this.zip = new ZipWriter(guard.out, guard, DEFLATE_LEVEL);
    const letters = columns.map((_, index) => columnLetters(index + 1));
    this.cells = columns.map((column, index) => cellEncoder(column, letters[index] ?? '', offsetMs));
    const header = columns.map((column, index) => inlineStringCell(`${letters[index] ?? ''}1`, column.header, STYLE.header)).join('');
    this.sheetHead = worksheetStart(columns) + `<row r="1">${header}</row>`;
    this.startSheet();
  }

  writeRow(values: readonly unknown[]): boolean {
    let handedOn = false;
    if (this.sheetRows === this.maxRowsPerSheet) {
      this.endSheet();
      this.startSheet();
      handedOn = true;
    }
    this.sheetRows++;
    return this.text.append(this.rowXml(values, String(this.sheetRows))) || handedOn;
  }

  bufferedBytes(): number {
    return this.zip.bufferedBytes();
  }

  async finish(): Promise<void> {
    this.endSheet();
    await this.zip.finish(this.packageParts());
  }

  destroy(): void {
    this.zip.destroy();
  }

  private rowXml(values: readonly unknown[], row: string): string {
    let xml = '<row r="' + row + '">';
    let index = 0;
    for (const encode of this.cells) xml += encode(values[index++], row);
    return xml + '</row>';
  }

  private startSheet(): void {
    this.sheetCount++;
    this.sheet = this.zip.openStream(`xl/worksheets/sheet${this.sheetCount}.xml`);
    this.sheetRows = 1;
    this.text.append(this.sheetHead);
  }

  private endSheet(): void {
    this.text.append('</sheetData></worksheet>');
    this.text.flush();
    this.sheet.end();
  }

  private packageParts(): { name: string; data: Buffer }[] {
    const names = Array.from({ length: this.sheetCount }, (_, index) => numberedSheetName(this.sheetName, index + 1));
    const part = (name: string, xml: string) => ({ name, data: Buffer.from(XML_DECLARATION + xml, 'utf8') });
    return [
      part('[Content_Types].xml', contentTypesXml(names.length)),
      part(
        '_rels/.rels',
        `<Relationships xmlns="${PACKAGE_RELATIONSHIP_NS}"><Relationship Id="rId1" Type="${RELATIONSHIP_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      part('xl/workbook.xml', workbookXml(names)),
      part('xl/_rels/workbook.xml.rels', workbookRelsXml(names.length)),
      part('xl/styles.xml', STYLES_XML),
    ];
  }
}

function cellEncoder(column: ExportColumn, letters: string, offsetMs: number): CellEncoder {
  const numeric =
    (style: number, toCellNumber: (value: number) => string): CellEncoder =>
    (value, row) => {
      const number = numberCell(value, column);
      return number === null ? '' : '<c r="' + letters + row + '" s="' + style + '"><v>' + toCellNumber(number) + '</v></c>';
    };
  switch (column.type) {
    case 'text':
      return (value, row) => {
        const text = textCell(value, column);
        return text === null ? '' : inlineStringCell(letters + row, text, 0);
      };
    case 'amount':
      return numeric(STYLE.amount, yuan);
    case 'integer':
      return numeric(STYLE.integer, String);
    case 'date':
      return numeric(STYLE.date, (utcMs) => dateSerial(utcMs + offsetMs));
  }
}

/**
 * Excel's day number of a shifted epoch time with 9 decimals, in integer arithmetic, 1 to 86 µs above
 * the exact time. Most times have no exact double, and where the nearest one lies just below,
 * LibreOffice (which truncates to the displayed second) showed a third of the times in 1970-72 one
 * second early: 07:59:59 for 08:00:00. Strictly above, no reader sees the second before; readers that
 * round to the millisecond (exceljs) still get the exact time. Printing the shortest double was slower.
 */
function dateSerial(shiftedMs: number): string {
  const days = Math.floor(shiftedMs / MS_PER_DAY);
  const serialDays = days + EXCEL_SERIAL_OF_UNIX_EPOCH;
  if (serialDays < 0 || !Number.isSafeInteger(shiftedMs)) return String(shiftedMs / MS_PER_DAY + EXCEL_SERIAL_OF_UNIX_EPOCH);
  const billionths = Math.floor(((shiftedMs - days * MS_PER_DAY) * 625) / 54) + 1; // ms * 1e9 / 86_400_000 (exact in doubles), plus one
  return `${serialDays}.${String(billionths).padStart(9, '0')}`;
}

function inlineStringCell(ref: string, value: string, style: number): string {
  const text = truncate(value.replace(NOT_XML_CHARS, ''), EXCEL_MAX_CELL_CHARS);
  if (text === '') return '';
  const styleAttribute = style ? ` s="${style}"` : '';
  const space = text.charCodeAt(0) <= 0x20 || text.charCodeAt(text.length - 1) <= 0x20 ? ' xml:space="preserve"' : '';
  // Lone surrogates need no work here: the UTF-8 encoder writes them as U+FFFD.
  return '<c r="' + ref + '"' + styleAttribute + ' t="inlineStr"><is><t' + space + '>' + escapeText(text) + '</t></is></c>';
}

function escapeText(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(TO_ESCAPE, (char) => ESCAPES[char] ?? char) : text;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Cuts text to `max` UTF-16 units without splitting a surrogate pair. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** 1 -> A, 27 -> AA. */
function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

function validateSheetName(name: string): void {
  const NOT_XML = new RegExp(NOT_XML_CHARS.source);
  if (
    name.length === 0 ||
    name.length > EXCEL_MAX_SHEET_NAME_CHARS ||
    SHEET_NAME_FORBIDDEN.test(name) ||
    NOT_XML.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'")
  ) {
    throw new RangeError(
      `invalid sheet name ${JSON.stringify(name)}: Excel wants 1 to ${EXCEL_MAX_SHEET_NAME_CHARS} characters, none of \\ / ? * [ ] :, and no ' at either end`,
    );
  }
}

/** 订单, 订单 (2), 订单 (3)… shortening the name when the suffix would pass Excel's 31 characters. */
function numberedSheetName(name: string, number: number): string {
  if (number === 1) return name;
  const suffix = ` (${number})`;
  return truncate(name, EXCEL_MAX_SHEET_NAME_CHARS - suffix.length) + suffix;
}

function worksheetStart(columns: readonly ExportColumn[]): string {
  const cols = columns.map((column, index) => `<col min="${index + 1}" max="${index + 1}" width="${column.width}" customWidth="1"/>`).join('');
  return (
    XML_DECLARATION +
    `<worksheet xmlns="${SPREADSHEET_NS}" xmlns:r="${RELATIONSHIP_NS}">` +
    '<sheetViews><sheetView workbookViewId="0">' +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' +
    '</sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${cols}</cols>` +
    '<sheetData>'
  );
}

function contentTypesXml(sheets: number): string {
  const sheetOverrides = Array.from(
    { length: sheets },
    (_, index) => `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="${CONTENT_TYPE}.worksheet+xml"/>`,
  ).join('');
  return (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPE}.sheet.main+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE}.styles+xml"/>` +
    sheetOverrides +
    '</Types>'
  );
}

function workbookXml(sheetNames: readonly string[]): string {
  const sheets = sheetNames.map((name, index) => `<sheet name="${escapeAttribute(name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`).join('');
  return `<workbook xmlns="${SPREADSHEET_NS}" xmlns:r="${RELATIONSHIP_NS}"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets></workbook>`;
}

function workbookRelsXml(sheets: number): string {
  const relationship = (id: number, type: string, target: string) => `<Relationship Id="rId${id}" Type="${RELATIONSHIP_NS}/${type}" Target="${target}"/>`;
  const sheetRelationships = Array.from({ length: sheets }, (_, index) => relationship(index + 1, 'worksheet', `worksheets/sheet${index + 1}.xml`)).join('');
  return `<Relationships xmlns="${PACKAGE_RELATIONSHIP_NS}">${sheetRelationships}${relationship(sheets + 1, 'styles', 'styles.xml')}</Relationships>`;
}

// cellXfs: 0 default, 1 bold header, 2 amount (custom format 164), 3 integer (built-in format 1 "0"), 4 date (custom 165).
const STYLES_XML =
  `<styleSheet xmlns="${SPREADSHEET_NS}">` +
  `<numFmts count="2"><numFmt numFmtId="164" formatCode="${escapeAttribute(AMOUNT_FORMAT)}"/><numFmt numFmtId="165" formatCode="${DATE_FORMAT}"/></numFmts>` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';
