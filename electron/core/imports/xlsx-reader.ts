import path from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { CoreError, type ReasonParams } from '../contract';
import { StageTimes } from './stage-times';
import { XmlScanner, type XmlHandler, type XmlTag } from './xml-scanner';
import { isDateFormat } from './xlsx-styles';

/** What a workbook may be before it is refused, each said in the refusal. */
export interface XlsxLimits {
  /** The first sheet and its shared strings, unpacked (a small file can unpack to gigabytes). */
  maxUnpackedBytes: number;
  maxCells: number;
  /** Excel's own limit for one cell. */
  maxCellCharacters: number;
  /** Elements inside elements; a worksheet needs about six. */
  maxDepth: number;
  /** No data from the file for this long ends the read with an error instead of waiting. */
  stallMs: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  maxUnpackedBytes: 1024 * 1024 * 1024,
  maxCells: 30_000_000,
  maxCellCharacters: 32_767,
  maxDepth: 64,
  stallMs: 10_000,
};

export interface SheetRow {
  /** 1-based row number as Excel shows it. */
  row: number;
  cells: unknown[];
}

/** Excel counts days from 1899-12-30 (or 1904-01-01); serial 25,569 is 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;
const DATE1904_SHIFT_DAYS = 1_462;
const DAY_MS = 86_400_000;

/**
 * Streams the rows of an XLSX workbook's first sheet: the zip read with yauzl (its central directory
 * first, so a cut-off download is refused at once, and every entry's size checked against it), the
 * XML with our own scanner (xml-scanner.ts) as it is inflated, a character split between two
 * inflated chunks kept whole. Cells come as Excel holds them: text
 * (shared, inline, rich text joined), numbers, booleans, error codes, and dates as a Date whose UTC
 * fields are the date shown in Excel. `stages` records the time spent parsing XML.
 */
export async function* readXlsxRows(file: string, limits: XlsxLimits = XLSX_LIMITS, stages = new StageTimes()): AsyncGenerator<SheetRow> {
  const name = path.basename(file);
  const { zip, parts } = await openWorkbook(file, name, limits);
  try {
    const sharedStrings = parts.sharedStrings ? await readSharedStrings(zip, parts.sharedStrings, name, limits, stages) : [];
    const dateStyles = parts.styles ? dateStyleIndexes(await entryText(zip, parts.styles, name, limits)) : new Set<number>();
    yield* sheetRows(zip, parts.sheet, name, limits, { sharedStrings, dateStyles, date1904: parts.date1904 }, stages);
  } finally {
    zip.close();
  }
}

/** The first sheet's XML as it is inflated, nothing parsed (the import benchmark times unzipping with it). */
export async function* firstSheetXml(file: string, limits: XlsxLimits = XLSX_LIMITS): AsyncGenerator<Buffer> {
  const name = path.basename(file);
  const { zip, parts } = await openWorkbook(file, name, limits);
  try {
    yield* guardedStream(zip, parts.sheet, name, limits.stallMs);
  } finally {
    zip.close();
  }
}

/** The zip and the parts to read, refused before anything is inflated if the sheet unpacks past the limit. */
async function openWorkbook(file: string, name: string, limits: XlsxLimits): Promise<{ zip: ZipFile; parts: WorkbookParts }> {
  const zip = await openZip(file, name);
  try {
    const entries = await listEntries(zip, name);
    const parts = await workbookParts(zip, entries, name);
    const unpacked = parts.sheet.uncompressedSize + (parts.sharedStrings?.uncompressedSize ?? 0);
    if (unpacked > limits.maxUnpackedBytes) {
      throw refused(
        name,
        `its first sheet unpacks to ${megabytes(unpacked)} MB, more than the ${megabytes(limits.maxUnpackedBytes)} MB this app reads`,
        'file.tooLarge',
        {
          megabytes: megabytes(unpacked),
          limit: megabytes(limits.maxUnpackedBytes),
        },
      );
    }
    return { zip, parts };
  } catch (error) {
    zip.close();
    throw error;
  }
}

function openZip(file: string, name: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (error, zip) => {
      if (error || !zip) reject(incomplete(name, error));
      else resolve(zip);
    });
  });
}

function listEntries(zip: ZipFile, name: string): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on('entry', (entry: Entry) => {
      entries.set(entry.fileName.replace(/^\/+/, ''), entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', (error: Error) => reject(damaged(name, error)));
    zip.readEntry();
  });
}

interface WorkbookParts {
  sheet: Entry;
  sharedStrings: Entry | undefined;
  styles: Entry | undefined;
  date1904: boolean;
}

/** The first sheet (by the workbook's order and its relationships), its shared strings and styles. */
async function workbookParts(zip: ZipFile, entries: Map<string, Entry>, name: string): Promise<WorkbookParts> {
  const workbook = entries.get('xl/workbook.xml');
  if (!workbook) throw damaged(name, new Error('there is no xl/workbook.xml: it is not an Excel workbook'));
  const small = { ...XLSX_LIMITS, maxUnpackedBytes: 64 * 1024 * 1024 };
  const workbookXml = await entryText(zip, workbook, name, small);
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  const relsXml = rels ? await entryText(zip, rels, name, small) : '';
  const firstSheetId = /<(?:\w+:)?sheet\b[^>]*\br:id="([^"]+)"/.exec(workbookXml)?.[1];
  const target = firstSheetId ? new RegExp(`<Relationship\\b[^>]*\\bId="${firstSheetId}"[^>]*\\bTarget="([^"]+)"`).exec(relsXml)?.[1] : undefined;
  const sheetPath = target ? (target.startsWith('/') ? target.slice(1) : path.posix.join('xl', target)) : 'xl/worksheets/sheet1.xml';
  const sheet = entries.get(sheetPath) ?? [...entries.entries()].find(([file]) => /^xl\/worksheets\/[^/]+\.xml$/.test(file))?.[1];
  if (!sheet) throw damaged(name, new Error('the workbook has no worksheet'));
  return {
    sheet,
    sharedStrings: entries.get('xl/sharedStrings.xml'),
    styles: entries.get('xl/styles.xml'),
    date1904: /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbookXml),
  };
}

/** The style indexes (cellXfs) whose number format shows a date or time. */
function dateStyleIndexes(stylesXml: string): Set<number> {
  const customFormats = new Map<number, string>();
  for (const match of stylesXml.matchAll(/<(?:\w+:)?numFmt\b[^>]*\bnumFmtId="(\d+)"[^>]*\bformatCode="([^"]*)"/g))
    customFormats.set(Number(match[1]), match[2]!);
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[1] ?? '';
  const dates = new Set<number>();
  [...cellXfs.matchAll(/<(?:\w+:)?xf\b([^>]*)\/?>/g)].forEach((xf, index) => {
    const id = Number(/\bnumFmtId="(\d+)"/.exec(xf[1]!)?.[1] ?? 0);
    if (isDateFormat(id, customFormats.get(id))) dates.add(index);
  });
  return dates;
}

interface CellContext {
  sharedStrings: string[];
  dateStyles: Set<number>;
  date1904: boolean;
}

/** The sheet's rows, as the XML streams in (the zip stream is pulled only as rows are taken). */
async function* sheetRows(zip: ZipFile, entry: Entry, name: string, limits: XlsxLimits, context: CellContext, stages: StageTimes): AsyncGenerator<SheetRow> {
  const rows = new SheetRowsHandler(name, limits, context);
  const scanner = new XmlScanner(rows, { names: SHEET_ELEMENTS, maxDepth: limits.maxDepth, tooDeep: () => tooDeep(name, limits) });
  for await (const chunk of guardedStream(zip, entry, name, limits.stallMs)) {
    stages.measure('xmlParse', () => scan(() => scanner.write(chunk), name));
    yield* rows.ready.splice(0);
  }
  scan(() => scanner.close(), name);
  yield* rows.ready.splice(0);
}

const SHEET_ELEMENTS = ['row', 'c', 'v', 't', 'rPh'];

/** Builds rows from the sheet's elements: <row>, its <c> cells, their <v> value or <t> texts (phonetic <rPh> runs left out). */
class SheetRowsHandler implements XmlHandler {
  readonly ready: SheetRow[] = [];
  wantsText = false;
  private cells: unknown[] | null = null;
  private rowNumber = 0;
  private cellCount = 0;
  private inCell = false;
  private column = 0;
  private type = 'n';
  private style = 0;
  private value = '';
  private phonetic = 0;

  constructor(
    private readonly name: string,
    private readonly limits: XlsxLimits,
    private readonly context: CellContext,
  ) {}

  open(element: string, tag: XmlTag): void {
    if (element === 'row') this.openRow(tag);
    else if (element === 'c' && this.cells) this.openCell(tag, this.cells.length);
    else if (element === 'rPh') this.phonetic++;
    else if ((element === 'v' || element === 't') && this.inCell) this.wantsText = this.phonetic === 0;
  }

  /** The row number is its r attribute, or the one after the previous row's. */
  private openRow(tag: XmlTag): void {
    let number: number | undefined;
    while (tag.nextAttribute()) if (tag.named('r')) number = tag.integer();
    this.rowNumber = number || this.rowNumber + 1;
    this.cells = [];
  }

  /** A cell's column is its reference's (r="B3"), or the one after the previous cell's; its type t, its style s. */
  private openCell(tag: XmlTag, nextColumn: number): void {
    if (++this.cellCount > this.limits.maxCells)
      throw refused(this.name, `it has more than ${this.limits.maxCells.toLocaleString('en-US')} cells`, 'file.tooManyCells', { limit: this.limits.maxCells });
    this.inCell = true;
    this.column = nextColumn;
    this.type = 'n';
    this.style = 0;
    this.value = '';
    while (tag.nextAttribute()) {
      if (tag.named('r')) this.column = tag.column() >= 0 ? tag.column() : nextColumn;
      else if (tag.named('t')) this.type = tag.value();
      else if (tag.named('s')) this.style = tag.integer() ?? 0;
    }
  }

  text(text: string): void {
    this.value += text;
    if (this.value.length > this.limits.maxCellCharacters) {
      const cell = cellName(this.column, this.rowNumber);
      throw refused(
        this.name,
        `cell ${cell} holds more than ${this.limits.maxCellCharacters.toLocaleString('en-US')} characters, Excel's limit for a cell`,
        'file.cellTooLong',
        {
          cell,
          limit: this.limits.maxCellCharacters,
        },
      );
    }
  }

  close(element: string): void {
    if (element === 'v' || element === 't') this.wantsText = false;
    else if (element === 'rPh') this.phonetic--;
    else if (element === 'c' && this.inCell) {
      this.cells![this.column] = cellValue(this.type, this.style, this.value, this.context);
      this.inCell = false;
    } else if (element === 'row' && this.cells) {
      // a row with gaps (cells Excel left out) gets undefined in them
      this.ready.push({ row: this.rowNumber, cells: Array.from(this.cells) });
      this.cells = null;
    }
  }
}

function cellValue(type: string, style: number, text: string, { sharedStrings, dateStyles, date1904 }: CellContext): unknown {
  if (type === 'inlineStr' || type === 'str') return text;
  if (text === '') return undefined;
  if (type === 's') return sharedStrings[Number(text)];
  if (type === 'b') return text === '1' || text === 'true';
  if (type === 'e') return text;
  if (type === 'd') return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
  const number = Number(text);
  if (!dateStyles.has(style) || !Number.isFinite(number)) return number;
  return new Date(Math.round((number - UNIX_EPOCH_SERIAL + (date1904 ? DATE1904_SHIFT_DAYS : 0)) * DAY_MS));
}

/** Shared strings: each <si> is one string, rich-text runs joined, phonetic guides (rPh) left out. */
async function readSharedStrings(zip: ZipFile, entry: Entry, name: string, limits: XlsxLimits, stages: StageTimes): Promise<string[]> {
  const strings = new SharedStringsHandler(name, limits);
  const scanner = new XmlScanner(strings, { names: ['si', 't', 'rPh'], maxDepth: limits.maxDepth, tooDeep: () => tooDeep(name, limits) });
  for await (const chunk of guardedStream(zip, entry, name, limits.stallMs)) stages.measure('xmlParse', () => scan(() => scanner.write(chunk), name));
  scan(() => scanner.close(), name);
  return strings.strings;
}

class SharedStringsHandler implements XmlHandler {
  readonly strings: string[] = [];
  wantsText = false;
  private current: string | null = null;
  private phonetic = 0;

  constructor(
    private readonly name: string,
    private readonly limits: XlsxLimits,
  ) {}

  open(element: string): void {
    if (element === 'si') this.current = '';
    else if (element === 'rPh') this.phonetic++;
    else if (element === 't') this.wantsText = this.current !== null && this.phonetic === 0;
  }

  text(text: string): void {
    this.current += text;
    if (this.current!.length > this.limits.maxCellCharacters)
      throw refused(
        this.name,
        `a text holds more than ${this.limits.maxCellCharacters.toLocaleString('en-US')} characters, Excel's limit for a cell`,
        'file.cellTooLong',
        { cell: '', limit: this.limits.maxCellCharacters },
      );
  }

  close(element: string): void {
    if (element === 't') this.wantsText = false;
    else if (element === 'rPh') this.phonetic--;
    else if (element === 'si' && this.current !== null) {
      this.strings.push(this.current);
      this.current = null;
    }
  }
}

/** Runs the scanner: what it finds wrong with the XML makes the workbook damaged; the reader's own refusals pass through. */
function scan(work: () => void, name: string): void {
  try {
    work();
  } catch (error) {
    throw error instanceof CoreError ? error : damaged(name, error as Error);
  }
}

function tooDeep(name: string, limits: XlsxLimits): CoreError {
  return refused(name, `its XML is nested more than ${limits.maxDepth} levels deep`, 'file.tooDeep', { limit: limits.maxDepth });
}

async function entryText(zip: ZipFile, entry: Entry, name: string, limits: XlsxLimits): Promise<string> {
  if (entry.uncompressedSize > limits.maxUnpackedBytes)
    throw refused(name, `${entry.fileName} unpacks to ${megabytes(entry.uncompressedSize)} MB`, 'file.tooLarge', {
      megabytes: megabytes(entry.uncompressedSize),
      limit: megabytes(limits.maxUnpackedBytes),
    });
  const decoder = new StringDecoder('utf8');
  let text = '';
  for await (const chunk of guardedStream(zip, entry, name, limits.stallMs)) text += decoder.write(chunk);
  return text + decoder.end();
}

/**
 * An entry's inflated bytes, ending with an error if no data comes for `stallMs` or if the entry
 * unpacks to another size than the zip directory says (a zip bomb lies about its size). Inflated
 * here rather than by yauzl, in chunks larger than zlib's 16 KB: each chunk costs a round of
 * stream callbacks on the main thread.
 */
async function* guardedStream(zip: ZipFile, entry: Entry, name: string, stallMs: number): AsyncGenerator<Buffer> {
  if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED)
    throw damaged(name, new Error(`${entry.fileName} uses compression method ${entry.compressionMethod}, which no spreadsheet program writes`));
  const packed = await new Promise<Readable>((resolve, reject) =>
    zip.openReadStream(entry, { decodeFileData: false }, (error, opened) => (error || !opened ? reject(damaged(name, error)) : resolve(opened))),
  );
  const chunks = unpacked(entry, packed)[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let bytes = 0;
  try {
    for (;;) {
      const next = await withDeadline(chunks.next(), stallMs, () => stalled(name, stallMs));
      if (next.done) break;
      bytes += next.value.length;
      if (bytes > entry.uncompressedSize) throw new Error(`too many bytes in the stream. expected ${entry.uncompressedSize}. got at least ${bytes}`);
      yield next.value;
    }
    if (bytes < entry.uncompressedSize) throw new Error(`not enough bytes in the stream. expected ${entry.uncompressedSize}. got only ${bytes}`);
  } catch (error) {
    throw error instanceof CoreError ? error : damaged(name, error as Error);
  } finally {
    await chunks.return?.();
  }
}

const STORED = 0;
const DEFLATED = 8;
/** Larger than zlib's 16 KB, smaller than what V8 allocates as a large object once decoded to text. */
const INFLATED_CHUNK_BYTES = 64 * 1024;

function unpacked(entry: Entry, packed: Readable): Readable {
  if (entry.compressionMethod === STORED) return packed;
  return pipeline(packed, zlib.createInflateRaw({ chunkSize: INFLATED_CHUNK_BYTES }), () => undefined);
}

function stalled(name: string, stallMs: number): CoreError {
  return new CoreError('VALIDATION', `${name}: stopped giving data while being read (nothing for ${stallMs / 1000} s); the file may be damaged`, {
    reason: 'file.stalled',
    params: { file: name, seconds: stallMs / 1000 },
  });
}

function withDeadline<T>(promise: Promise<T>, ms: number, error: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(error()), ms)));
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

function cellName(column: number, row: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 0 });
}

function incomplete(name: string, error: Error | null): CoreError {
  const detail = error?.message ?? 'no zip directory';
  return new CoreError(
    'VALIDATION',
    `${name}: the workbook is damaged or incomplete — its zip directory is missing (an interrupted download?); download it again (${detail})`,
    {
      reason: 'file.incomplete',
      params: { file: name },
    },
  );
}

function damaged(name: string, error: Error | null | undefined): CoreError {
  return new CoreError('VALIDATION', `${name}: the workbook is damaged and cannot be read (${error?.message ?? 'unknown error'})`, {
    reason: 'file.damaged',
    params: { file: name },
  });
}

function refused(name: string, why: string, reason: string, params: ReasonParams): CoreError {
  return new CoreError('VALIDATION', `${name}: refused: ${why}`, { reason, params: { file: name, ...params } });
}
