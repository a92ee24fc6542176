import { describe, expect, it } from 'vitest';
import { dayNumberOfDate } from '../../electron/core/conventions';
import { dayRange, rangeParts } from '../../electron/core/store-figures';

const day = dayNumberOfDate;

describe('report periods in Beijing days', () => {
  it('names the days of a month, a quarter, a leap February and a year', () => {
    expect(dayRange({ kind: 'month', month: '2028-02' })).toMatchObject({ from: '2028-02-01', to: '2028-02-29' });
    expect(dayRange({ kind: 'month', month: '2026-02' })).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    expect(dayRange({ kind: 'quarter', year: 2026, quarter: 4 })).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(dayRange({ kind: 'quarter', year: 2026, quarter: 1 })).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    expect(dayRange({ kind: 'year', year: 2026 })).toMatchObject({ fromDay: day('2026-01-01'), toDay: day('2026-12-31') });
  });

  it('reads whole months from the month totals and only the ragged ends from the day totals', () => {
    expect(rangeParts(dayRange({ kind: 'quarter', year: 2026, quarter: 4 }))).toEqual({ months: ['2026-10', '2026-12'], days: [] });
    expect(rangeParts(dayRange({ kind: 'range', from: '2026-09-30', to: '2026-11-30' }))).toEqual({
      months: ['2026-10', '2026-11'],
      days: [[day('2026-09-30'), day('2026-09-30')]],
    });
    expect(rangeParts(dayRange({ kind: 'range', from: '2026-10-02', to: '2026-12-01' }))).toEqual({
      months: ['2026-11', '2026-11'],
      days: [
        [day('2026-10-02'), day('2026-10-31')],
        [day('2026-12-01'), day('2026-12-01')],
      ],
    });
    expect(rangeParts(dayRange({ kind: 'range', from: '2026-10-31', to: '2026-11-01' }))).toEqual({
      months: null,
      days: [[day('2026-10-31'), day('2026-11-01')]],
    });
    expect(rangeParts(dayRange({ kind: 'range', from: '2026-02-01', to: '2026-02-28' }))).toEqual({ months: ['2026-02', '2026-02'], days: [] });
  });
});
