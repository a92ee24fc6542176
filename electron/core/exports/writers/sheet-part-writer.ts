import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { SheetXml } from './sheet-xml';
import { createTableWriter, utcOffsetMs, type DeflatedPart, type ExportColumn, type OutputGuard, type TableWriter, type WriterBackend } from './table-writer';
import { DEFLATE_LEVEL, EXCEL_MAX_COLUMNS, SHEET_CHUNK_BYTES } from './xlsx-writer';
import { CountingDeflater } from './zip-writer';

export interface SheetPartOptions {
  columns: ExportColumn[];
  /** The sheet's row number of the first row written here (the header is row 1). */
  firstRowNumber: number;
  /** offset added to UTC for dates; default 480 (Beijing time) */
  utcOffsetMinutes?: number;
}

export type SheetPartWriter = TableWriter & {
  /** What was written, once closed: the deflated bytes are the output's. */
  part(): Omit<DeflatedPart, 'file'>;
};

/**
 * The last rows of a sheet as raw deflate, for another thread's XLSX writer to append to the sheet
 * it began (XlsxOptions.continuedBy): the same row XML, numbered on from `firstRowNumber`, then the
 * sheet's end. Lets two threads share the work of one big sheet.
 */
export function createSheetPartWriter(out: Writable, options: SheetPartOptions): SheetPartWriter {
  const offsetMs = utcOffsetMs(options.utcOffsetMinutes);
  if (!Number.isInteger(options.firstRowNumber) || options.firstRowNumber < 2)
    throw new RangeError(`firstRowNumber must be a whole number of at least 2 (row 1 is the header), got ${options.firstRowNumber}`);
  let backend: SheetPartBackend | undefined;
  const writer = createTableWriter(out, options.columns, EXCEL_MAX_COLUMNS, (guard) => {
    backend = new SheetPartBackend(guard, options.columns, options.firstRowNumber, offsetMs);
    return backend;
  });
  return Object.assign(writer, { part: () => backend!.part() });
}

class SheetPartBackend implements WriterBackend {
  private readonly deflater = new CountingDeflater(DEFLATE_LEVEL);
  private readonly sheetXml: SheetXml;
  private compressedSize = 0;

  constructor(
    private readonly guard: OutputGuard,
    columns: readonly ExportColumn[],
    private rowNumber: number,
    offsetMs: number,
  ) {
    const { deflate } = this.deflater;
    guard.watch(deflate);
    deflate.on('data', (chunk: Buffer) => (this.compressedSize += chunk.length));
    deflate.pipe(guard.out, { end: false });
    this.sheetXml = new SheetXml(columns, offsetMs, SHEET_CHUNK_BYTES, (chunk, recycle) => {
      if (guard.ok) this.deflater.write(chunk, recycle);
    });
  }

  writeRow(values: readonly unknown[]): boolean {
    return this.sheetXml.writeRow(values, this.rowNumber++);
  }

  bufferedBytes(): number {
    return this.deflater.deflate.writableLength + this.guard.out.writableLength;
  }

  async finish(): Promise<void> {
    this.sheetXml.end();
    this.deflater.deflate.end();
    await Promise.race([once(this.deflater.deflate, 'end'), this.guard.failed]);
    await this.guard.endOutput();
  }

  destroy(): void {
    this.deflater.deflate.destroy();
    this.guard.out.destroy();
  }

  part(): Omit<DeflatedPart, 'file'> {
    return { crc: this.deflater.crc, size: this.deflater.size, compressedSize: this.compressedSize };
  }
}
