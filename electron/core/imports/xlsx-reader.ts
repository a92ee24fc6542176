import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { CoreError, type ReasonParams } from '../contract';
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
 * XML with saxes over a UTF-8 decoder that keeps characters split across chunks whole. Cells come as
 * Excel holds them: text (shared, inline, rich text joined), numbers, booleans, error codes, and
 * dates as a Date whose UTC fields are the date shown in Excel.
 */
export async function* readXlsxRows(file: string, limits: XlsxLimits = XLSX_LIMITS): AsyncGenerator<SheetRow> {
  const name = path.basename(file);
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
    const sharedStrings = parts.sharedStrings ? await readSharedStrings(zip, parts.sharedStrings, name, limits) : [];
    const dateStyles = parts.styles ? dateStyleIndexes(await entryText(zip, parts.styles, name, limits)) : new Set<number>();
    yield* sheetRows(zip, parts.sheet, name, limits, { sharedStrings, dateStyles, date1904: parts.date1904 });
  } finally {
    zip.close();
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
async function* sheetRows(zip: ZipFile, entry: Entry, name: string, limits: XlsxLimits, context: CellContext): AsyncGenerator<SheetRow> {
  const ready: SheetRow[] = [];
  const parser = new XmlWalker(name, limits);
  let row: { number: number; cells: unknown[] } | null = null;
  let cell: { column: number; type: string; style: number; text: string; inValue: boolean } | null = null;
  let lastRow = 0;
  let cells = 0;
  parser.onOpen = (tag) => {
    const local = localName(tag.name);
    if (local === 'row') {
      lastRow = Number(tag.attributes.r) || lastRow + 1;
      row = { number: lastRow, cells: [] };
    } else if (local === 'c' && row) {
      if (++cells > limits.maxCells)
        throw refused(name, `it has more than ${limits.maxCells.toLocaleString('en-US')} cells`, 'file.tooManyCells', { limit: limits.maxCells });
      cell = {
        column: columnIndex(tag.attributes.r, row.cells.length),
        type: tag.attributes.t ?? 'n',
        style: Number(tag.attributes.s ?? 0),
        text: '',
        inValue: false,
      };
    } else if (cell && (local === 'v' || local === 't')) cell.inValue = !parser.inside('rPh');
  };
  parser.onText = (text) => {
    if (!cell?.inValue) return;
    cell.text += text;
    if (cell.text.length > limits.maxCellCharacters) {
      throw refused(
        name,
        `cell ${cellName(cell.column, lastRow)} holds more than ${limits.maxCellCharacters.toLocaleString('en-US')} characters, Excel's limit for a cell`,
        'file.cellTooLong',
        {
          cell: cellName(cell.column, lastRow),
          limit: limits.maxCellCharacters,
        },
      );
    }
  };
  parser.onClose = (tag) => {
    const local = localName(tag.name);
    if ((local === 'v' || local === 't') && cell) cell.inValue = false;
    else if (local === 'c' && cell && row) {
      row.cells[cell.column] = cellValue(cell, context);
      cell = null;
    } else if (local === 'row' && row) {
      ready.push({ row: row.number, cells: Array.from(row.cells) });
      row = null;
    }
  };
  for await (const chunk of guardedStream(zip, entry, name, limits.stallMs)) {
    parser.write(chunk);
    yield* ready.splice(0);
  }
  parser.close();
  yield* ready.splice(0);
}

function cellValue(cell: { type: string; style: number; text: string }, { sharedStrings, dateStyles, date1904 }: CellContext): unknown {
  const { type, text } = cell;
  if (type === 'inlineStr' || type === 'str') return text;
  if (text === '') return undefined;
  if (type === 's') return sharedStrings[Number(text)];
  if (type === 'b') return text === '1' || text === 'true';
  if (type === 'e') return text;
  if (type === 'd') return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
  const number = Number(text);
  if (!dateStyles.has(cell.style) || !Number.isFinite(number)) return number;
  return new Date(Math.round((number - UNIX_EPOCH_SERIAL + (date1904 ? DATE1904_SHIFT_DAYS : 0)) * DAY_MS));
}

/** Shared strings: each <si> is one string, rich-text runs joined, phonetic guides (rPh) left out. */
async function readSharedStrings(zip: ZipFile, entry: Entry, name: string, limits: XlsxLimits): Promise<string[]> {
  const strings: string[] = [];
  const parser = new XmlWalker(name, limits);
  let current: string | null = null;
  let collecting = false;
  parser.onOpen = (tag) => {
    const local = localName(tag.name);
    if (local === 'si') current = '';
    else if (local === 't') collecting = current !== null && !parser.inside('rPh');
  };
  parser.onText = (text) => {
    if (!collecting || current === null) return;
    current += text;
    if (current.length > limits.maxCellCharacters)
      throw refused(
        name,
        `a text holds more than ${limits.maxCellCharacters.toLocaleString('en-US')} characters, Excel's limit for a cell`,
        'file.cellTooLong',
        { cell: '', limit: limits.maxCellCharacters },
      );
  };
  parser.onClose = (tag) => {
    const local = localName(tag.name);
    if (local === 't') collecting = false;
    else if (local === 'si' && current !== null) {
      strings.push(current);
      current = null;
    }
  };
  for await (const chunk of guardedStream(zip, entry, name, limits.stallMs)) parser.write(chunk);
  parser.close();
  return strings;
}

async function entryText(zip: ZipFile, entry: Entry, name: string, limits: XlsxLimits): Promise<string> {
  if (entry.uncompressedSize > limits.maxUnpackedBytes)
    throw refused(name, `${entry.fileName} unpacks to ${megabytes(entry.uncompressedSize)} MB`, 'file.tooLarge', {
      megabytes: megabytes(entry.uncompressedSize),
      limit: megabytes(limits.maxUnpackedBytes),
    });
  let text = '';
  for await (const chunk of guardedStream(zip, entry, name, limits.stallMs)) text += chunk;
  return text;
}

/**
 * An entry's text, decoded as UTF-8 across chunk boundaries (a Chinese character split between two
 * inflated chunks stays whole), ending with an error if no data comes for `stallMs`.
 */
async function* guardedStream(zip: ZipFile, entry: Entry, name: string, stallMs: number): AsyncGenerator<string> {
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(entry, (error, opened) => (error || !opened ? reject(damaged(name, error)) : resolve(opened))),
  );
  const decoder = new StringDecoder('utf8');
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  try {
    for (;;) {
      const next = await withDeadline(
        chunks.next(),
        stallMs,
        () =>
          new CoreError('VALIDATION', `${name}: stopped giving data while being read (nothing for ${stallMs / 1000} s); the file may be damaged`, {
            reason: 'file.stalled',
            params: { file: name, seconds: stallMs / 1000 },
          }),
      );
      if (next.done) break;
      yield decoder.write(next.value);
    }
    const rest = decoder.end();
    if (rest) yield rest;
  } catch (error) {
    throw error instanceof CoreError ? error : damaged(name, error as Error);
  } finally {
    await chunks.return?.();
  }
}

function withDeadline<T>(promise: Promise<T>, ms: number, error: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(error()), ms)));
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** saxes with the handlers the readers set, a depth limit, and "inside which element" at hand. */
class XmlWalker {
  onOpen: (tag: SaxesTagPlain) => void = () => undefined;
  onText: (text: string) => void = () => undefined;
  onClose: (tag: SaxesTagPlain) => void = () => undefined;
  private readonly parser = new SaxesParser<{ position: false; xmlns: false }>({ position: false, xmlns: false });
  private readonly open: string[] = [];
  private failure: Error | null = null;

  constructor(
    private readonly name: string,
    limits: XlsxLimits,
  ) {
    this.parser.on('opentag', (tag) => {
      this.open.push(localName(tag.name));
      if (this.open.length > limits.maxDepth)
        throw refused(this.name, `its XML is nested more than ${limits.maxDepth} levels deep`, 'file.tooDeep', { limit: limits.maxDepth });
      this.onOpen(tag);
      if (tag.isSelfClosing) this.closed(tag);
    });
    this.parser.on('closetag', (tag) => {
      if (!tag.isSelfClosing) this.closed(tag);
    });
    this.parser.on('text', (text) => this.onText(text));
    this.parser.on('cdata', (text) => this.onText(text));
    this.parser.on('error', (error) => {
      this.failure ??= error;
    });
  }

  inside(local: string): boolean {
    return this.open.includes(local);
  }

  write(chunk: string): void {
    try {
      this.parser.write(chunk);
    } catch (error) {
      throw this.rethrown(error);
    }
    if (this.failure) throw damaged(this.name, this.failure);
  }

  close(): void {
    try {
      this.parser.close();
    } catch (error) {
      throw this.rethrown(error);
    }
    if (this.failure) throw damaged(this.name, this.failure);
  }

  private closed(tag: SaxesTagPlain): void {
    this.open.pop();
    this.onClose(tag);
  }

  private rethrown(error: unknown): Error {
    return error instanceof CoreError ? error : damaged(this.name, error as Error);
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** "AB12" → 27 (0-based); a cell without a reference follows the previous one. */
function columnIndex(reference: string | undefined, next: number): number {
  const letters = /^[A-Z]+/.exec(reference ?? '')?.[0];
  if (!letters) return next;
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
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
