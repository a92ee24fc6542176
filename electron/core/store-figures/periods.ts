import { addMonths, dateOfDayNumber, dayNumberOfDate } from '../conventions';
import type { ReportPeriod } from '../contract';

/** A period as Beijing day numbers, both included, and as dates. */
export interface DayRange {
  fromDay: number;
  toDay: number;
  from: string;
  to: string;
}

/** The days a report period covers (Beijing time). */
export function dayRange(period: ReportPeriod): DayRange {
  const [from, to] = bounds(period);
  const fromDay = dayNumberOfDate(from);
  const toDay = dayNumberOfDate(to);
  return { fromDay, toDay, from: dateOfDayNumber(fromDay), to: dateOfDayNumber(toDay) };
}

/** The last 12 Beijing months up to and including `month` ("2026-12"), as a day range. */
export function twelveMonthsTo(month: string): DayRange {
  return dayRange({ kind: 'range', from: `${addMonths(month, -11)}-01`, to: lastDayOf(month) });
}

function bounds(period: ReportPeriod): [string, string] {
  switch (period.kind) {
    case 'month':
      return [`${period.month}-01`, lastDayOf(period.month)];
    case 'quarter': {
      const first = `${period.year}-${String((period.quarter - 1) * 3 + 1).padStart(2, '0')}`;
      return [`${first}-01`, lastDayOf(addMonths(first, 2))];
    }
    case 'year':
      return [`${period.year}-01-01`, `${period.year}-12-31`];
    case 'range':
      return [period.from, period.to];
  }
}

function lastDayOf(month: string): string {
  return dateOfDayNumber(dayNumberOfDate(`${addMonths(month, 1)}-01`) - 1);
}

/**
 * How a range reads the totals: whole months from the month totals, the days before the first
 * and after the last whole month from the day totals (a quarter: 3 months, no days).
 */
export interface RangeParts {
  /** Whole months, both included ("2026-10", "2026-12"), or null when the range holds none. */
  months: [string, string] | null;
  /** Day ranges, both ends included. */
  days: [number, number][];
}

export function rangeParts(range: DayRange): RangeParts {
  const firstWhole = range.from.endsWith('-01') ? range.from.slice(0, 7) : addMonths(range.from.slice(0, 7), 1);
  const lastMonth = range.to.slice(0, 7);
  const lastWhole = range.to === lastDayOf(lastMonth) ? lastMonth : addMonths(lastMonth, -1);
  if (firstWhole > lastWhole) return { months: null, days: [[range.fromDay, range.toDay]] };
  const wholeFrom = dayNumberOfDate(`${firstWhole}-01`);
  const wholeTo = dayNumberOfDate(lastDayOf(lastWhole));
  const days: [number, number][] = [];
  if (range.fromDay < wholeFrom) days.push([range.fromDay, wholeFrom - 1]);
  if (range.toDay > wholeTo) days.push([wholeTo + 1, range.toDay]);
  return { months: [firstWhole, lastWhole], days };
}
