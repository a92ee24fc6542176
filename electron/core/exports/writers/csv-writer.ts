import type { Writable } from 'node:stream';
import { yuan } from '../../conventions';
import {
  ChunkedText,
  MS_PER_DAY,
  createTableWriter,
  numberCell,
  textCell,
  utcOffsetMs,
  type CsvOptions,
  type ExportColumn,
  type OutputGuard,
  type TableWriter,
  type WriterBackend,
} from './table-writer';

const MAX_COLUMNS = 16_384; // what a spreadsheet opening the file can show
const BYTE_ORDER_MARK = '\uFEFF'; // Excel reads a CSV without it in the system code page (GBK), not UTF-8
// OWASP "CSV injection": a spreadsheet runs a cell that starts with one of these as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

type FieldEncoder = (value: unknown) => string;

/** Streams rows into a UTF-8 CSV (with BOM, CRLF, RFC 4180 quoting) that Excel and WPS open as numbers and dates. */
export function createCsvWriter(out: Writable, options: CsvOptions): TableWriter {
  const offsetMs = utcOffsetMs(options.utcOffsetMinutes);
  return createTableWriter(out, options.columns, MAX_COLUMNS, (guard) => new CsvBackend(guard, options.columns, offsetMs));
}

class CsvBackend implements WriterBackend {
  private readonly fields: FieldEncoder[];
  private readonly text: ChunkedText;

  constructor(
    private readonly guard: OutputGuard,
    columns: readonly ExportColumn[],
    offsetMs: number,
  ) {
    this.text = new ChunkedText((chunk) => {
      if (guard.ok) guard.out.write(chunk);
    });
    this.fields = columns.map((column) => fieldEncoder(column, offsetMs));
    this.text.append(BYTE_ORDER_MARK + columns.map((column) => csvText(column.header)).join(',') + '\r\n');
  }

  writeRow(values: readonly unknown[]): boolean {
    let line = '';
    let index = 0;
    for (const encode of this.fields) line += (index === 0 ? '' : ',') + encode(values[index++]);
    return this.text.append(line + '\r\n');
  }

  bufferedBytes(): number {
    return this.guard.out.writableLength;
  }

  async finish(): Promise<void> {
    this.text.flush();
    await this.guard.endOutput();
  }

  destroy(): void {
    this.guard.out.destroy();
  }
}

function fieldEncoder(column: ExportColumn, offsetMs: number): FieldEncoder {
  const numeric =
    (format: (value: number) => string): FieldEncoder =>
    (value) => {
      const number = numberCell(value, column);
      return number === null ? '' : format(number);
    };
  switch (column.type) {
    case 'text':
      return (value) => {
        const text = textCell(value, column);
        return text === null ? '' : csvText(text);
      };
    case 'amount':
      return numeric(yuan);
    case 'integer':
      return numeric(String);
    case 'date':
      return numeric((utcMs) => wallClockTime(utcMs + offsetMs));
  }
}

function csvText(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** "YYYY-MM-DD HH:mm:ss" of a shifted epoch time, without Intl or Date (both are slow per cell). */
function wallClockTime(shiftedMs: number): string {
  const days = Math.floor(shiftedMs / MS_PER_DAY);
  const secondOfDay = Math.floor((shiftedMs - days * MS_PER_DAY) / 1000);
  const [year, month, day] = civilFromDays(days);
  return `${year}-${twoDigits(month)}-${twoDigits(day)} ${twoDigits(Math.floor(secondOfDay / 3600))}:${twoDigits(Math.floor(secondOfDay / 60) % 60)}:${twoDigits(secondOfDay % 60)}`;
}

/** Proleptic Gregorian date of a day number counted from 1970-01-01 (Howard Hinnant's civil_from_days). */
function civilFromDays(daysSinceEpoch: number): [number, number, number] {
  const z = daysSinceEpoch + 719_468; // days since 0000-03-01
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
