import { finished } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Writable } from 'node:stream';
import { BEIJING_OFFSET_MS, DAY_MS } from '../../conventions';
import type { ExportColumn } from '../../lists';

export type { ExportColumn, ExportColumnType } from '../../lists';

export interface TableWriter {
  /** Adds one row, values in column order (null/undefined = empty cell). Returns false when the caller should `await drained()` before adding more rows. */
  addRow(values: readonly unknown[]): boolean;
  /** Resolves when the buffered output is under the limit (always yields to the event loop at least once); rejects with the output's error (e.g. ENOSPC). */
  drained(): Promise<void>;
  /** Finishes the file; resolves once the output stream has finished and closed (its fd released). Rejects with any output error. */
  close(): Promise<void>;
  /** Stops writing and destroys the output stream (on cancel/failure); never throws. */
  abort(): Promise<void>;
  /** Data rows written so far. */
  readonly rows: number;
}

/** The rest of an entry's bytes, deflated on another thread into a file of their own, and what they were. */
export interface DeflatedPart {
  file: string;
  /** CRC-32 and length of the bytes before deflating. */
  crc: number;
  size: number;
  compressedSize: number;
}

export interface XlsxOptions {
  sheetName: string;
  columns: ExportColumn[];
  /** rows per sheet including its header row; default 1_048_576 (Excel's limit) */
  maxRowsPerSheet?: number;
  /** offset added to UTC for dates; default 480 (Beijing time) */
  utcOffsetMinutes?: number;
  /**
   * The sheet's last rows, written and deflated by another thread (sheet-part-writer.ts) while this
   * writer writes the first ones; asked for once these are written. The rows must fit one sheet.
   */
  continuedBy?: () => Promise<DeflatedPart>;
}

export interface CsvOptions {
  columns: ExportColumn[];
  utcOffsetMinutes?: number;
}

// ---------------------------------------------------------------------------------------------
// Shared by the XLSX and CSV writers; not part of the public API (index.ts does not export it).

/** Bytes the writer may hold (compressor backlog plus what waits in the output) before addRow asks the caller to wait. */
export const BUFFER_LIMIT_BYTES = 4 << 20;
/** Rows are encoded into buffers of this size; each full one goes to the compressor or the output. */
const CHUNK_BYTES = 128 * 1024;

export const MS_PER_DAY = DAY_MS;

export function utcOffsetMs(utcOffsetMinutes: number | undefined): number {
  const minutes = utcOffsetMinutes ?? BEIJING_OFFSET_MS / 60_000;
  if (!Number.isInteger(minutes) || Math.abs(minutes) > 14 * 60)
    throw new RangeError(`utcOffsetMinutes must be a whole number of minutes within ±14 h, got ${minutes}`);
  return minutes * 60_000;
}

/** The text of a text cell, or null for an empty cell. */
export function textCell(value: unknown, column: ExportColumn): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  throw new TypeError(`column "${column.header}" holds text, got ${describeValue(value)}`);
}

/** The number of an amount, integer or date cell (dates as UTC epoch ms), or null for an empty cell. */
export function numberCell(value: unknown, column: ExportColumn): number | null {
  if (value === null || value === undefined) return null;
  const number = value instanceof Date && column.type === 'date' ? value.getTime() : value;
  if (typeof number !== 'number')
    throw new TypeError(
      `column "${column.header}" holds ${column.type === 'amount' ? 'amounts in fen' : column.type === 'date' ? 'UTC epoch milliseconds' : 'numbers'}, got ${describeValue(value)}`,
    );
  return Number.isFinite(number) ? number : null;
}

function describeValue(value: unknown): string {
  return value instanceof Date ? 'a Date' : typeof value === 'string' ? `the text ${JSON.stringify(value.slice(0, 40))}` : typeof value;
}

/**
 * Watches the output and any compressor in front of it: remembers the first error (or an early
 * close) so that waiting never hangs, and wakes waiters on every 'drain'.
 */
export class OutputGuard {
  private failure: Error | undefined;
  private readonly watched = new Set<Writable>();
  private wakers: (() => void)[] = [];
  private rejectFailed: (error: Error) => void = () => undefined;
  /** Rejects with the first failure; race it against anything that waits on a stream. */
  readonly failed: Promise<never>;

  constructor(readonly out: Writable) {
    this.failed = new Promise<never>((_, reject) => {
      this.rejectFailed = reject;
    });
    this.failed.catch(() => undefined); // only a rejection that somebody awaits should surface
    this.watch(out);
    out.on('close', () => {
      if (!out.writableFinished) this.fail(new Error('the output file was closed before the export finished'));
    });
  }

  get ok(): boolean {
    return this.failure === undefined;
  }

  /** Starts watching a stream; returns the function that stops it. */
  watch(stream: Writable): () => void {
    const onError = (error: Error): void => this.fail(error);
    const onDrain = (): void => this.wake();
    stream.on('error', onError);
    stream.on('drain', onDrain);
    this.watched.add(stream);
    return () => {
      this.watched.delete(stream);
      stream.off('drain', onDrain); // the error listener stays: a late error must not crash the process
    };
  }

  fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.rejectFailed(error);
    this.wake();
  }

  throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  /** Ends the output; resolves once it has finished and closed. */
  async endOutput(): Promise<void> {
    this.throwIfFailed();
    this.out.end();
    await finished(this.out);
  }

  /** Yields once, then waits until `isUnderLimit()` or until no watched stream will emit 'drain' any more. */
  async waitUntil(isUnderLimit: () => boolean): Promise<void> {
    await nextTurn();
    for (;;) {
      this.throwIfFailed();
      if (isUnderLimit() || !this.someStreamWillDrain()) return;
      await new Promise<void>((resolve) => this.wakers.push(resolve));
    }
  }

  // A stream only emits 'drain' after a write() returned false; waiting on any other would hang.
  private someStreamWillDrain(): boolean {
    for (const stream of this.watched) if (stream.writableNeedDrain) return true;
    return false;
  }

  private wake(): void {
    for (const wake of this.wakers.splice(0)) wake();
  }
}

/**
 * Encodes text as UTF-8 straight into a fixed-size buffer and hands each full buffer to `sink`.
 * (Concatenating a big string and calling Buffer.from() on it was 2-3x slower: V8 flattens the rope first.)
 */
export class ChunkedText {
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;

  constructor(private readonly sink: (chunk: Buffer) => void) {}

  /** Returns true when a buffer was handed to the sink. */
  append(text: string): boolean {
    const worstCaseBytes = text.length * 3; // UTF-16 unit -> at most 3 UTF-8 bytes (a pair -> 4)
    if (this.used + worstCaseBytes <= CHUNK_BYTES) {
      this.used += this.chunk.write(text, this.used, 'utf8');
      return false;
    }
    this.flush();
    if (worstCaseBytes > CHUNK_BYTES) this.sink(Buffer.from(text, 'utf8'));
    else this.used += this.chunk.write(text, this.used, 'utf8');
    return true;
  }

  flush(): void {
    if (this.used === 0) return;
    this.sink(this.chunk.subarray(0, this.used));
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES); // the old one now belongs to the sink
    this.used = 0;
  }
}

/** What a file format adds to the shared TableWriter behaviour. */
export interface WriterBackend {
  /** Encodes one data row; returns true when it is time to yield: always when a chunk went on towards the output. */
  writeRow(values: readonly unknown[]): boolean;
  /** Bytes held in front of the disk: compressor backlog plus out.writableLength. */
  bufferedBytes(): number;
  /** Writes the rest of the file and ends the output (resolves once it has closed). */
  finish(): Promise<void>;
  /** Destroys the output and anything in front of it. */
  destroy(): void;
}

/** The TableWriter behaviour both formats share: row counting, backpressure, errors, close and abort. */
export function createTableWriter(
  out: Writable,
  columns: readonly ExportColumn[],
  maxColumns: number,
  createBackend: (guard: OutputGuard) => WriterBackend,
): TableWriter {
  if (columns.length === 0 || columns.length > maxColumns) throw new RangeError(`an export needs 1 to ${maxColumns} columns, got ${columns.length}`);
  const badWidth = columns.find((column) => !(column.width > 0 && column.width <= 255));
  if (badWidth) throw new RangeError(`column "${badWidth.header}": width must be more than 0 and at most 255 characters, got ${badWidth.width}`);
  const columnCount = columns.length;
  const guard = new OutputGuard(out);
  const backend = createBackend(guard);
  let rows = 0;
  let closing: Promise<void> | undefined;
  let aborted = false;
  const isUnderLimit = (): boolean => backend.bufferedBytes() <= BUFFER_LIMIT_BYTES;

  const destroyAndWait = async (): Promise<void> => {
    backend.destroy();
    await finished(guard.out).catch(() => undefined);
  };

  const finish = async (): Promise<void> => {
    try {
      guard.throwIfFailed();
      await Promise.race([backend.finish(), guard.failed]);
    } catch (error) {
      await destroyAndWait(); // release the file handle; the caller deletes the temp file
      throw error;
    }
  };

  return {
    get rows() {
      return rows;
    },
    addRow(values) {
      if (closing || aborted) throw new Error('addRow() after close() or abort()');
      if (values.length > columnCount) throw new RangeError(`a row has ${values.length} values for ${columnCount} columns`);
      const timeToYield = backend.writeRow(values);
      rows++;
      // Only a chunk handed on adds to what is buffered, and then the backend asks to yield:
      // drained() waits for the limit there, so it needs no check on every row.
      return !timeToYield && guard.ok;
    },
    drained() {
      return guard.waitUntil(isUnderLimit);
    },
    close() {
      if (aborted) return Promise.reject(new Error('close() after abort(): the export was cancelled'));
      closing ??= finish();
      return closing;
    },
    async abort() {
      aborted = true;
      guard.fail(Object.assign(new Error('the export was cancelled'), { name: 'AbortError' }));
      await destroyAndWait();
    },
  };
}
