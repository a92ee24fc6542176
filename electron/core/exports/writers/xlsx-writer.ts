import type { Writable } from 'node:stream';
import { NOT_XML_CHARS, RELATIONSHIP_NS, SPREADSHEET_NS, SheetXml, XML_DECLARATION, escapeAttribute, truncate } from './sheet-xml';
import {
  createTableWriter,
  utcOffsetMs,
  type DeflatedPart,
  type ExportColumn,
  type OutputGuard,
  type TableWriter,
  type WriterBackend,
  type XlsxOptions,
} from './table-writer';
import { ZipWriter, type ZipEntryStream } from './zip-writer';

const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;
const EXCEL_MAX_SHEET_NAME_CHARS = 31;
export const DEFLATE_LEVEL = 1; // level 6 made files 20% smaller but the export 2x slower
/**
 * The sheet's XML goes to the deflater in chunks of this size: zlib's stream spent 3x the time per
 * byte on 128 KiB writes, and a few chunks still fit under BUFFER_LIMIT_BYTES.
 */
export const SHEET_CHUNK_BYTES = 1 << 20;

const PACKAGE_RELATIONSHIP_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const AMOUNT_FORMAT = '"¥"#,##0.00';
const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';
const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/;

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
    (guard) => new XlsxBackend(guard, options.columns, options.sheetName, maxRowsPerSheet, offsetMs, options.continuedBy),
  );
}

class XlsxBackend implements WriterBackend {
  private readonly zip: ZipWriter;
  private readonly sheetXml: SheetXml;
  private sheet!: ZipEntryStream; // set by startSheet()
  private sheetCount = 0;
  private sheetRows = 0; // including the header row

  constructor(
    guard: OutputGuard,
    columns: readonly ExportColumn[],
    private readonly sheetName: string,
    private readonly maxRowsPerSheet: number,
    offsetMs: number,
    private readonly continuedBy?: () => Promise<DeflatedPart>,
  ) {
    this.zip = new ZipWriter(guard.out, guard, DEFLATE_LEVEL);
    this.sheetXml = new SheetXml(columns, offsetMs, SHEET_CHUNK_BYTES, (chunk, recycle) => this.sheet.write(chunk, recycle));
    this.startSheet();
  }

  writeRow(values: readonly unknown[]): boolean {
    let handedOn = false;
    if (this.sheetRows === this.maxRowsPerSheet) {
      if (this.continuedBy) throw new RangeError(`a sheet continued by another part holds at most ${this.maxRowsPerSheet - 1} rows`);
      this.endSheet();
      this.startSheet();
      handedOn = true;
    }
    this.sheetRows++;
    return this.sheetXml.writeRow(values, this.sheetRows) || handedOn;
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

  private startSheet(): void {
    this.sheetCount++;
    this.sheet = this.zip.openStream(`xl/worksheets/sheet${this.sheetCount}.xml`, this.continuedBy);
    this.sheetRows = 1;
    this.sheetXml.start();
  }

  private endSheet(): void {
    this.sheetXml.end(!this.continuedBy); // a part that continues the sheet closes it
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

function validateSheetName(name: string): void {
  if (
    name.length === 0 ||
    name.length > EXCEL_MAX_SHEET_NAME_CHARS ||
    SHEET_NAME_FORBIDDEN.test(name) ||
    NOT_XML_CHARS.test(name) ||
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
