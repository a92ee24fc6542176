import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Written and read in small pieces: a string or buffer over V8's 128 KB regular-object limit is
 * allocated (and freed) as fresh pages each time, which made staging 200,000 orders several times slower.
 */
const WRITE_CHARACTERS = 32 * 1024;
const READ_BYTES = 32 * 1024;
const NEWLINE = 0x0a;

/**
 * The parsed records of one import, held as JSON lines in a scratch file of its own until the whole
 * file has been read and checked, so the cache tables are touched only by the one transaction that
 * moves the records in (or not at all). Memory stays flat whatever the file's size (a TEMP table
 * would not: the database keeps its TEMP store in memory).
 */
export class ImportStaging<R> {
  private fd: number | null = null;
  /** The scratch file's path while it still has one (where an open file cannot be deleted: Windows). */
  private file: string | null = null;
  private batch = '';
  private batchRows = 0;
  private staged = 0;

  constructor(private readonly parentDir = os.tmpdir()) {}

  get rows(): number {
    return this.staged + this.batchRows;
  }

  add(record: R): void {
    this.batch += `${JSON.stringify(record)}\n`;
    this.batchRows++;
    if (this.batch.length >= WRITE_CHARACTERS) this.flush();
  }

  /** Gives every staged record to `write`, in the order they were added (the caller's transaction writes them). */
  readBack(write: (record: R) => void): void {
    this.flush();
    if (this.fd !== null) readLines(this.fd, (line) => write(JSON.parse(line) as R));
  }

  /** Closes (and so removes) the scratch file; the staging cannot be used after. */
  drop(): void {
    this.batch = '';
    this.batchRows = 0;
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
    if (this.file) fs.rmSync(this.file, { force: true });
    this.file = null;
  }

  private flush(): void {
    if (this.batchRows === 0) return;
    fs.writeSync((this.fd ??= this.open()), this.batch);
    this.staged += this.batchRows;
    this.batch = '';
    this.batchRows = 0;
  }

  /**
   * A new file only this user may read (the records hold customers' names), deleted at once while
   * kept open, so that even an import killed midway leaves nothing behind.
   */
  private open(): number {
    const file = path.join(this.parentDir, `seller-desk-import-${process.pid}-${crypto.randomUUID()}.jsonl`);
    const fd = fs.openSync(file, 'wx+', 0o600);
    try {
      fs.unlinkSync(file);
    } catch {
      this.file = file;
    }
    return fd;
  }
}

/** Reads a file of lines in pieces, a line cut off at the end of one piece carried over to the next. */
function readLines(fd: number, each: (line: string) => void): void {
  let buffer: Buffer = Buffer.allocUnsafe(READ_BYTES);
  let kept = 0;
  for (let position = 0; ;) {
    if (kept === buffer.length) buffer = grown(buffer);
    const read = fs.readSync(fd, buffer, kept, buffer.length - kept, position);
    if (read === 0) return;
    position += read;
    const filled = kept + read;
    let start = 0;
    for (let end = buffer.indexOf(NEWLINE); end !== -1 && end < filled; end = buffer.indexOf(NEWLINE, start)) {
      each(buffer.toString('utf8', start, end));
      start = end + 1;
    }
    buffer.copy(buffer, 0, start, filled);
    kept = filled - start;
  }
}

/** A record longer than the read buffer: read it whole in a bigger one. */
function grown(buffer: Buffer): Buffer {
  const bigger = Buffer.allocUnsafe(buffer.length * 2);
  buffer.copy(bigger);
  return bigger;
}
