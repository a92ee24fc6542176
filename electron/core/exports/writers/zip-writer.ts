import { once } from 'node:events';
import fs from 'node:fs';
import zlib from 'node:zlib';
import type { Writable } from 'node:stream';
import { crc32Combine } from './crc32-combine';
import { BUFFER_LIMIT_BYTES, type DeflatedPart, type OutputGuard } from './table-writer';

// A minimal ZIP container over node:zlib: deflate runs in libuv's threadpool (a second core, while
// the caller builds the next chunk) and zlib.crc32 is native, which measured 3x faster than the zip
// libraries exceljs uses. No ZIP64: past 4 GiB we fail.

const ZIP32_MAX = 0xffffffff;
const MAX_ENTRIES = 0xffff;
const FLAG_DATA_DESCRIPTOR = 0x0008; // crc and sizes follow the data (streamed entries)
const FLAG_UTF8_NAME = 0x0800;
const METHOD_DEFLATE = 8;
const VERSION = 20; // 2.0: deflate
/** zlib's output buffers: a 1 MiB write of sheet XML deflates to about 110 KiB, one callback. */
export const DEFLATE_CHUNK_BYTES = 256 * 1024;
/** Reads of a part deflated elsewhere, on its way into the file (two at a time). */
const PART_READ_BYTES = 1 << 20;

interface EntryRecord {
  name: Buffer;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

interface DosTime {
  time: number;
  date: number;
}

/** One streamed entry: write its uncompressed bytes, then end it. ZipWriter.finish() waits for it. */
export interface ZipEntryStream {
  /** Queues `data` for the deflater; `done` gets it back once deflated, to be filled again. */
  write(data: Buffer, done?: (data: Buffer) => void): void;
  end(): void;
}

/**
 * A raw deflater that keeps the CRC-32 and length of what it was given. Ended with Z_SYNC_FLUSH
 * (`continued`), its output stops on a byte boundary without a last block, so another deflate
 * stream can follow it in the same entry.
 */
export class CountingDeflater {
  readonly deflate: zlib.DeflateRaw;
  crc = 0;
  size = 0;

  constructor(level: number, continued = false) {
    this.deflate = zlib.createDeflateRaw({
      level,
      chunkSize: DEFLATE_CHUNK_BYTES,
      ...(continued ? { finishFlush: zlib.constants.Z_SYNC_FLUSH } : {}),
    });
  }

  write(data: Buffer, done?: (data: Buffer) => void): void {
    this.crc = zlib.crc32(data, this.crc);
    this.size += data.length;
    this.deflate.write(data, done && (() => done(data)));
  }
}

export class ZipWriter {
  private offset = 0;
  private readonly records: EntryRecord[] = [];
  /** Deflaters of streamed entries not yet fully written to the output. */
  private readonly unfinished = new Set<zlib.DeflateRaw>();
  /** Streamed entries go to the output one after another; an entry opened early waits (its deflater buffers). */
  private sequence: Promise<void> = Promise.resolve();
  private readonly modified = dosTime(new Date());

  constructor(
    private readonly out: Writable,
    private readonly guard: OutputGuard,
    private readonly level = 1,
  ) {}

  /** Bytes waiting in the deflaters plus those waiting in the output. */
  bufferedBytes(): number {
    let bytes = this.out.writableLength;
    for (const deflate of this.unfinished) bytes += deflate.writableLength;
    return bytes;
  }

  /**
   * A streamed entry. With `rest`, the entry goes on with a part deflated elsewhere (the second half
   * of a sheet): this deflater stops without a last block, and the part's bytes follow it.
   */
  openStream(name: string, rest?: () => Promise<DeflatedPart>): ZipEntryStream {
    const deflater = new CountingDeflater(this.level, rest !== undefined);
    const { deflate } = deflater;
    const unwatch = this.guard.watch(deflate);
    this.unfinished.add(deflate);
    this.sequence = this.sequence
      .then(() => this.writeStreamedEntry(name, deflater, rest))
      .finally(() => {
        this.unfinished.delete(deflate);
        unwatch();
        deflate.destroy(); // a no-op once it ended; after a failure it frees the zlib handle
      });
    this.sequence.catch(() => undefined); // close() awaits it; until then a failure must not be "unhandled"
    return {
      write: (data, done) => {
        if (!this.guard.ok) return; // the file is lost anyway; close() or drained() reports why
        deflater.write(data, done);
        if (deflater.size > ZIP32_MAX) this.guard.fail(tooLarge(`the part ${name}`));
      },
      end: () => deflate.end(),
    };
  }

  /** Waits for the streamed entries, adds the small `files`, writes the central directory and ends the output. */
  async finish(files: readonly { name: string; data: Buffer }[]): Promise<void> {
    await this.sequence;
    for (const file of files) this.addFile(file.name, file.data);
    this.writeCentralDirectory();
    await this.guard.endOutput();
  }

  destroy(): void {
    for (const deflate of this.unfinished) deflate.destroy();
    this.out.destroy();
  }

  private addFile(name: string, data: Buffer): void {
    const record = { name: Buffer.from(name, 'utf8'), flags: FLAG_UTF8_NAME, crc: zlib.crc32(data), size: data.length, offset: this.offset };
    const compressed = zlib.deflateRawSync(data, { level: this.level });
    const entry = { ...record, compressedSize: compressed.length };
    this.put(localHeader(entry, this.modified));
    this.put(compressed);
    this.addRecord(entry);
  }

  private async writeStreamedEntry(name: string, deflater: CountingDeflater, rest?: () => Promise<DeflatedPart>): Promise<void> {
    const { deflate } = deflater;
    const flags = FLAG_UTF8_NAME | FLAG_DATA_DESCRIPTOR;
    const entry = { name: Buffer.from(name, 'utf8'), flags, crc: 0, compressedSize: 0, size: 0, offset: this.offset };
    this.put(localHeader(entry, this.modified));
    deflate.on('data', (chunk: Buffer) => {
      entry.compressedSize += chunk.length;
      this.forward(chunk, deflate);
    });
    await Promise.race([once(deflate, 'end'), this.guard.failed]);
    entry.crc = deflater.crc;
    entry.size = deflater.size;
    if (rest) {
      const part = await Promise.race([rest(), this.guard.failed]);
      await this.append(part.file);
      entry.crc = crc32Combine(entry.crc, part.crc, part.size);
      entry.size += part.size;
      entry.compressedSize += part.compressedSize;
      if (entry.size > ZIP32_MAX) this.guard.fail(tooLarge(`the part ${name}`));
    }
    this.put(dataDescriptor(entry));
    this.addRecord(entry);
  }

  /**
   * Copies a file's bytes into the output through two buffers, each read into again once its bytes
   * are written: a fresh buffer per read left ~26 MB of them waiting for the garbage collector.
   */
  private async append(file: string): Promise<void> {
    const handle = await fs.promises.open(file, 'r');
    try {
      const buffers = [Buffer.allocUnsafe(PART_READ_BYTES), Buffer.allocUnsafe(PART_READ_BYTES)];
      const written = [Promise.resolve(), Promise.resolve()];
      for (let turn = 0; ; turn ^= 1) {
        await Promise.race([written[turn], this.guard.failed]);
        const { bytesRead } = await handle.read(buffers[turn]!, 0, PART_READ_BYTES, null);
        if (bytesRead === 0) break;
        written[turn] = new Promise((resolve) => this.put(buffers[turn]!.subarray(0, bytesRead), () => resolve()));
      }
      await Promise.race([Promise.all(written), this.guard.failed]);
    } finally {
      await handle.close();
    }
  }

  // Pauses the deflater only when the output is really behind, not on every write() === false:
  // fs streams have a small highWaterMark, so that would make compression wait for each disk write.
  private forward(chunk: Buffer, deflate: zlib.DeflateRaw): void {
    if (!this.put(chunk) && this.out.writableLength > BUFFER_LIMIT_BYTES) {
      deflate.pause();
      this.out.once('drain', () => deflate.resume());
    }
  }

  private addRecord(record: EntryRecord): void {
    if (this.records.length === MAX_ENTRIES) this.guard.fail(new Error(`a ZIP file without ZIP64 holds at most ${MAX_ENTRIES} parts`));
    this.records.push(record);
  }

  private writeCentralDirectory(): void {
    const start = this.offset;
    for (const record of this.records) this.put(centralHeader(record, this.modified));
    this.put(endOfCentralDirectory(this.records.length, this.offset - start, start));
  }

  /** Writes to the output; `written` is called once the bytes are written (or at once when the file is lost). */
  private put(data: Buffer, written?: () => void): boolean {
    if (!this.guard.ok) {
      written?.();
      return true;
    }
    this.offset += data.length;
    // Every offset and size in a ZIP32 file is 32 bits; the last byte's offset bounds them all.
    if (this.offset > ZIP32_MAX) this.guard.fail(tooLarge('the file'));
    return this.out.write(data, written && (() => written()));
  }
}

function tooLarge(what: string): Error {
  return new Error(`${what} would be larger than 4 GiB, which needs ZIP64 (not supported): export fewer rows per file`);
}

function dosTime(date: Date): DosTime {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((Math.max(date.getFullYear(), 1980) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

function localHeader(entry: EntryRecord, modified: DosTime): Buffer {
  const header = Buffer.alloc(30 + entry.name.length);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(VERSION, 4);
  header.writeUInt16LE(entry.flags, 6);
  header.writeUInt16LE(METHOD_DEFLATE, 8);
  header.writeUInt16LE(modified.time, 10);
  header.writeUInt16LE(modified.date, 12);
  header.writeUInt32LE(entry.crc, 14); // 0 for streamed entries: they are in the data descriptor
  header.writeUInt32LE(entry.compressedSize, 18);
  header.writeUInt32LE(entry.size, 22);
  header.writeUInt16LE(entry.name.length, 26);
  header.writeUInt16LE(0, 28); // extra field length
  entry.name.copy(header, 30);
  return header;
}

function dataDescriptor(entry: EntryRecord): Buffer {
  const descriptor = Buffer.alloc(16);
  descriptor.writeUInt32LE(0x08074b50, 0);
  descriptor.writeUInt32LE(entry.crc, 4);
  descriptor.writeUInt32LE(entry.compressedSize, 8);
  descriptor.writeUInt32LE(entry.size, 12);
  return descriptor;
}

function centralHeader(entry: EntryRecord, modified: DosTime): Buffer {
  const header = Buffer.alloc(46 + entry.name.length); // zero-filled: no extra, comment, disk, attributes
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(VERSION, 4); // made by (MS-DOS attributes)
  header.writeUInt16LE(VERSION, 6); // needed
  header.writeUInt16LE(entry.flags, 8);
  header.writeUInt16LE(METHOD_DEFLATE, 10);
  header.writeUInt16LE(modified.time, 12);
  header.writeUInt16LE(modified.date, 14);
  header.writeUInt32LE(entry.crc, 16);
  header.writeUInt32LE(entry.compressedSize, 20);
  header.writeUInt32LE(entry.size, 24);
  header.writeUInt16LE(entry.name.length, 28);
  header.writeUInt32LE(entry.offset, 42);
  entry.name.copy(header, 46);
  return header;
}

function endOfCentralDirectory(entries: number, size: number, offset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries, 8); // on this disk
  end.writeUInt16LE(entries, 10); // in total
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return end;
}
