import { yuan } from '../../conventions';
import { ByteChunks, MarkupBuffer, markup, type ChunkSink } from './byte-chunks';
import { MS_PER_DAY, numberCell, textCell, type ExportColumn } from './table-writer';

const EXCEL_MAX_CELL_CHARS = 32_767;
const EXCEL_SERIAL_OF_UNIX_EPOCH = 25_569; // 1970-01-01 in Excel's 1900 date system
/** Bytes XML escaping may make of one UTF-16 unit (& -> &amp;). */
const MAX_BYTES_PER_CHAR = 5;
/** Room for a number's text (a double prints in at most 25 characters) or a row number's digits. */
const NUMBER_BYTES = 32;
/** A longest text cell with its markup, escaped, fits in a chunk. */
const MIN_CHUNK_BYTES = 256 * 1024;

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const SPREADSHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const RELATIONSHIP_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Indexes into <cellXfs> in styles.xml (xlsx-writer.ts). */
const STYLE = { header: 1, amount: 2, integer: 3, date: 4 } as const;

// Characters XML 1.0 cannot carry. They are dropped rather than written as _xHHHH_ escapes:
// exceljs's reader, which reads our files back, does not decode those.
// eslint-disable-next-line no-control-regex
export const NOT_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const NOT_XML_CHARS_ALL = new RegExp(NOT_XML_CHARS.source, 'g');

const SHEET_END = '</sheetData></worksheet>';
const ROW_START = markup('<row r="');
const ROW_START_END = markup('">');
const ROW_END = markup('</row>');
const DECIMAL_POINT = markup('.');
const MINUS = markup('-');

/** Writes one cell of a row (nothing for an empty one); returns true when a chunk went to the sink. */
type CellWriter = (xml: ByteChunks, value: unknown, row: RowNumber) => boolean;

/**
 * One worksheet's XML, written as UTF-8 chunks to `sink`: its head (column widths, the frozen
 * header row), the data rows with inline strings, and its end. The XLSX writer zips the chunks.
 */
export class SheetXml {
  private readonly xml: ByteChunks;
  private readonly cells: CellWriter[];
  private readonly head: string;
  private readonly row = new RowNumber();

  constructor(columns: readonly ExportColumn[], offsetMs: number, chunkBytes: number, sink: ChunkSink) {
    if (chunkBytes < MIN_CHUNK_BYTES)
      throw new RangeError(`chunks of sheet XML must hold a longest cell: at least ${MIN_CHUNK_BYTES} bytes, got ${chunkBytes}`);
    this.xml = new ByteChunks(chunkBytes, sink);
    const letters = columns.map((_, index) => columnLetters(index + 1));
    this.cells = columns.map((column, index) => cellWriter(column, letters[index] ?? '', offsetMs));
    const header = columns.map((column, index) => inlineStringCell(`${letters[index] ?? ''}1`, column.header, STYLE.header)).join('');
    this.head = worksheetStart(columns) + `<row r="1">${header}</row>`;
  }

  /** The sheet's head and its header row (row 1). */
  start(): void {
    this.xml.markupText(this.head);
  }

  /**
   * Writes data row number `rowNumber` (the header is row 1). Returns true when the caller should
   * yield: a chunk went to the sink, or another quarter of one was written. The deflater takes its
   * next chunk in a callback on this thread; yielding only once per chunk left it idle, and rows
   * waited on it for close to 1 s of an 8 s export.
   */
  writeRow(values: readonly unknown[], rowNumber: number): boolean {
    const { xml, row, cells } = this;
    row.set(rowNumber);
    let handedOn = xml.reserve(2 * NUMBER_BYTES);
    xml.markup(ROW_START);
    xml.markup(row);
    xml.markup(ROW_START_END);
    for (let index = 0; index < cells.length; index++) {
      if (cells[index]!(xml, values[index], row)) handedOn = true;
    }
    if (xml.reserve(ROW_END.length)) handedOn = true;
    xml.markup(ROW_END);
    return xml.turnDue() || handedOn;
  }

  /** Closes the sheet (unless its last rows come from another part) and hands on its last chunk. */
  end(closeSheet = true): void {
    if (closeSheet) this.xml.markupText(SHEET_END);
    this.xml.flush();
  }
}

/** A row number's decimal digits, made once per row and copied into each cell's reference (A2, B2, …). */
class RowNumber extends MarkupBuffer {
  constructor() {
    super(NUMBER_BYTES);
  }

  set(row: number): void {
    const text = String(row);
    for (let index = 0; index < text.length; index++) this.bytes[index] = text.charCodeAt(index);
    this.length = text.length;
  }
}

function cellWriter(column: ExportColumn, letters: string, offsetMs: number): CellWriter {
  switch (column.type) {
    case 'text':
      return textCellWriter(column, letters);
    case 'amount':
      return numberCellWriter(column, letters, STYLE.amount, writeYuan);
    case 'integer':
      return numberCellWriter(column, letters, STYLE.integer, (xml, number) => xml.ascii(String(number)));
    case 'date':
      return numberCellWriter(column, letters, STYLE.date, (xml, utcMs) => writeDateSerial(xml, utcMs + offsetMs));
  }
}

function textCellWriter(column: ExportColumn, letters: string): CellWriter {
  const start = markup(`<c r="${letters}`);
  const open = markup('" t="inlineStr"><is><t>');
  const openKeepingSpaces = markup('" t="inlineStr"><is><t xml:space="preserve">');
  const end = markup('</t></is></c>');
  const markupBytes = start.length + NUMBER_BYTES + openKeepingSpaces.length + end.length;
  const writeCell = (xml: ByteChunks, row: RowNumber, text: string): boolean => {
    xml.markup(start);
    xml.markup(row);
    xml.markup(hasEdgeSpace(text) ? openKeepingSpaces : open);
    if (!xml.xmlText(text)) return false;
    xml.markup(end);
    return true;
  };
  return (xml, value, row) => {
    const raw = textCell(value, column);
    if (raw === null || raw === '') return false;
    const text = truncate(raw, EXCEL_MAX_CELL_CHARS);
    const handedOn = xml.reserve(markupBytes + text.length * MAX_BYTES_PER_CHAR);
    const cellStart = xml.position;
    if (writeCell(xml, row, text)) return handedOn;
    // the text holds characters XML cannot carry: written again without them
    xml.rewind(cellStart);
    const clean = cellText(raw);
    if (clean !== '') writeCell(xml, row, clean);
    return handedOn;
  };
}

function numberCellWriter(column: ExportColumn, letters: string, style: number, writeNumber: (xml: ByteChunks, value: number) => void): CellWriter {
  const start = markup(`<c r="${letters}`);
  const open = markup(`" s="${style}"><v>`);
  const end = markup('</v></c>');
  const markupBytes = start.length + NUMBER_BYTES + open.length + NUMBER_BYTES + end.length;
  return (xml, value, row) => {
    const number = numberCell(value, column);
    if (number === null) return false;
    const handedOn = xml.reserve(markupBytes);
    xml.markup(start);
    xml.markup(row);
    xml.markup(open);
    writeNumber(xml, number);
    xml.markup(end);
    return handedOn;
  };
}

/** Text a cell can hold: without the characters XML cannot carry, at most Excel's 32,767 characters. */
function cellText(value: string): string {
  return truncate(value.replace(NOT_XML_CHARS_ALL, ''), EXCEL_MAX_CELL_CHARS);
}

/** Whether XML would drop the text's leading or trailing white space unless told to keep it. */
function hasEdgeSpace(text: string): boolean {
  return text.charCodeAt(0) <= 0x20 || text.charCodeAt(text.length - 1) <= 0x20;
}

/** Fen as yuan with two decimals, as `yuan` (conventions) writes them, without making the string. */
function writeYuan(xml: ByteChunks, fen: number): void {
  const cents = Math.round(fen);
  const absolute = Math.abs(cents);
  if (!Number.isSafeInteger(absolute)) {
    xml.ascii(yuan(fen));
    return;
  }
  if (cents < 0) xml.markup(MINUS);
  xml.digits(Math.floor(absolute / 100));
  xml.markup(DECIMAL_POINT);
  xml.digits(absolute % 100, 2);
}

/**
 * Excel's day number of a shifted epoch time with 9 decimals, in integer arithmetic, 1 to 86 µs above
 * the exact time. Most times have no exact double, and where the nearest one lies just below,
 * LibreOffice (which truncates to the displayed second) showed a third of the times in 1970-72 one
 * second early: 07:59:59 for 08:00:00. Strictly above, no reader sees the second before; readers that
 * round to the millisecond (exceljs) still get the exact time. Printing the shortest double was slower.
 */
function writeDateSerial(xml: ByteChunks, shiftedMs: number): void {
  const days = Math.floor(shiftedMs / MS_PER_DAY);
  const serialDays = days + EXCEL_SERIAL_OF_UNIX_EPOCH;
  if (serialDays < 0 || !Number.isSafeInteger(shiftedMs)) {
    xml.ascii(String(shiftedMs / MS_PER_DAY + EXCEL_SERIAL_OF_UNIX_EPOCH));
    return;
  }
  const billionths = Math.floor(((shiftedMs - days * MS_PER_DAY) * 625) / 54) + 1; // ms * 1e9 / 86_400_000 (exact in doubles), plus one
  xml.digits(serialDays);
  xml.markup(DECIMAL_POINT);
  xml.digits(billionths, 9);
}

/** A whole cell as a string, for the header row (written once per sheet). */
function inlineStringCell(ref: string, value: string, style: number): string {
  const text = cellText(value);
  if (text === '') return '';
  const styleAttribute = style ? ` s="${style}"` : '';
  const space = hasEdgeSpace(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${styleAttribute} t="inlineStr"><is><t${space}>${escapeText(text)}</t></is></c>`;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' }; // a literal CR would be read back as LF

function escapeText(text: string): string {
  return text.replace(/[&<>\r]/g, (char) => ESCAPES[char] ?? char);
}

export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Cuts text to `max` UTF-16 units without splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
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
