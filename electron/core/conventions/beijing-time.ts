/**
 * Beijing time (UTC+8, no daylight saving): KooGallery's day, month and billing period boundaries.
 * Everything is stored as UTC epoch ms; these rules say where a Beijing day or month begins.
 */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const BEIJING_OFFSET_MS = 8 * HOUR_MS;
export const BEIJING_TIME_ZONE = 'Asia/Shanghai';

export interface BeijingParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading in Beijing at `epochMs`. */
export function beijingParts(epochMs: number): BeijingParts {
  const d = new Date(epochMs + BEIJING_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** The instant a Beijing wall-clock reading names (month 1–12; out-of-range fields roll over like Date.UTC). */
export function fromBeijingParts(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute, second) - BEIJING_OFFSET_MS;
}

/** 00:00 Beijing time of the day `epochMs` falls in. */
export function beijingDayStart(epochMs: number): number {
  return Math.floor((epochMs + BEIJING_OFFSET_MS) / DAY_MS) * DAY_MS - BEIJING_OFFSET_MS;
}

/** The Beijing-time month `epochMs` falls in, as a billing period (账期) "YYYY-MM". */
export function billingPeriodOf(epochMs: number): string {
  const { year, month } = beijingParts(epochMs);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The first instant of a billing period ("2026-11") in Beijing time. */
export function billingPeriodStart(period: string): number {
  return fromBeijingParts(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 1);
}

/** The billing period `months` after (or before, when negative) `period`. */
export function addMonths(period: string, months: number): string {
  return billingPeriodOf(fromBeijingParts(Number(period.slice(0, 4)), Number(period.slice(5, 7)) + months, 1));
}

/** "2026-11-24 13:05" in Beijing time, e.g. for ids and file names the sandbox and exports derive. */
export function beijingDate(epochMs: number): string {
  const { year, month, day } = beijingParts(epochMs);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The day number of a Beijing date "2026-11-24". */
export function dayNumberOfDate(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** The Beijing date "2026-11-24" of a day number. */
export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Transaction details become visible at 08:00 Beijing time for the whole previous day (T+1). */
const T_PLUS_ONE_HOUR = 8;

/**
 * T+1 (koogallery-api.md §4.6): "每日8点后可查看前一日24点前的交易明细". The first instant whose
 * transaction details are not yet visible at `now`: today's 00:00 after 08:00, yesterday's before.
 */
export function transactionDetailsVisibleBefore(now: number): number {
  const today = beijingDayStart(now);
  return now - today >= T_PLUS_ONE_HOUR * HOUR_MS ? today : today - DAY_MS;
}
