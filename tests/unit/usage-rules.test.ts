import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../electron/core/usage/backoff';
import { ClockOffset } from '../../electron/core/usage/clock-offset';
import { reportingWindow, timeliness } from '../../electron/core/conventions';
import { meteringSnFor, validateUsageRow } from '../../electron/core/usage/usage-validation';

const at = (iso: string) => Date.parse(iso);

describe('reporting windows', () => {
  it('puts hourly usage ending in hour H into H+1:00–H+1:15 (13:25 → 14:00–14:15)', () => {
    expect(reportingWindow(at('2026-11-24T13:25:00Z'), 'hourly')).toEqual({
      opensAt: at('2026-11-24T14:00:00Z'),
      closesAt: at('2026-11-24T14:15:00Z'),
      lateUntil: at('2026-11-24T16:15:00Z'),
    });
    expect(reportingWindow(at('2026-11-24T13:59:59Z'), 'hourly').opensAt).toBe(at('2026-11-24T14:00:00Z'));
    expect(reportingWindow(at('2026-11-24T14:00:00Z'), 'hourly').opensAt).toBe(at('2026-11-24T14:00:00Z')); // an exclusive end belongs to 13:xx
  });

  it('puts daily usage into 00:00–00:15 of the next Beijing day, late until 01:00', () => {
    // 2026-11-24 20:00 Beijing = 12:00 UTC → due 2026-11-25 00:00–00:15 Beijing
    expect(reportingWindow(at('2026-11-24T12:00:00Z'), 'daily')).toEqual({
      opensAt: at('2026-11-24T16:00:00Z'),
      closesAt: at('2026-11-24T16:15:00Z'),
      lateUntil: at('2026-11-24T17:00:00Z'),
    });
  });

  it('classifies on time, late (≤ 2 h after closing) and overdue', () => {
    const window = reportingWindow(at('2026-11-24T13:25:00Z'), 'hourly');
    expect(timeliness(window, at('2026-11-24T14:15:00Z'))).toBe('on_time');
    expect(timeliness(window, at('2026-11-24T16:15:00Z'))).toBe('late');
    expect(timeliness(window, at('2026-11-24T16:15:01Z'))).toBe('overdue');
  });
});

describe('validation', () => {
  const now = at('2026-11-24T06:05:00Z');
  const good = { instance_id: 'i-1', begin_time: '20261124T050000Z', end_time: '20261124T055959Z', usage_value: '12.5' };

  it('accepts a good row and derives a stable metering_sn from its identity', () => {
    const { record, problems } = validateUsageRow(good, 2, now);
    expect(problems).toEqual([]);
    expect(record!.meteringSn).toBe(meteringSnFor('i-1', at('2026-11-24T05:00:00Z'), at('2026-11-24T05:59:59Z')));
    expect(record!.meteringSn.length).toBeLessThanOrEqual(64);
  });

  it.each([
    [{ usage_value: '0' }, 'usage_value', 'greater than 0', 'positive'],
    [{ usage_value: '1.23456' }, 'usage_value', 'at most 4 decimals', 'usageValue'],
    [{ usage_value: 'abc' }, 'usage_value', 'at most 4 decimals', 'usageValue'],
    [{ begin_time: '20261324T050000Z' }, 'begin_time', "yyyyMMdd'T'HHmmss'Z'", 'sdrTime'],
    [{ begin_time: '20261124T060000Z' }, 'end_time', 'must not be before begin_time', 'endBeforeBegin'],
    [{ end_time: '20261124T070000Z' }, 'end_time', 'must not be in the future', 'future'],
    [{ begin_time: '20261101T000000Z' }, 'begin_time', 'older than 21 days', 'tooOld'],
    [{ instance_id: '' }, 'instance_id', 'required', 'required'],
    [{ instance_id: 'x'.repeat(65) }, 'instance_id', 'at most 64', 'tooLong'],
    [{ billing_cycle: 'weekly' }, 'billing_cycle', 'hourly or daily', 'billingCycle'],
  ])('refuses %o on %s, with the reason key the UI words', (change, field, reason, key) => {
    const { record, problems } = validateUsageRow({ ...good, ...change }, 7, now);
    expect(record).toBeUndefined();
    expect(problems).toContainEqual(expect.objectContaining({ row: 7, field, reason: expect.stringContaining(reason), key }));
  });
});

describe('backoff', () => {
  it('stays under the exponential ceiling and never goes past a deadline still ahead', () => {
    const now = 0;
    expect(retryDelayMs(1, now, 3_600_000, () => 0.999)).toBeLessThanOrEqual(2_000);
    expect(retryDelayMs(10, now, 3_600_000, () => 0.999)).toBeLessThanOrEqual(300_000);
    expect(retryDelayMs(10, now, 90_000, () => 0.999)).toBeLessThanOrEqual(60_000);
    expect(retryDelayMs(10, now, 10_000, () => 0.999)).toBe(1_000);
    expect(retryDelayMs(3, now, 3_600_000, () => 0)).toBe(1_000);
  });
});

describe('clock offset', () => {
  it('takes the median of Date-header samples, ignoring responses without one', () => {
    const offset = new ClockOffset();
    const meta = (serverDate: number | null, sentAt: number) => ({
      url: '',
      httpStatus: 200,
      serverDate,
      sentAt,
      receivedAt: sentAt + 100,
      networkError: null,
    });
    offset.observe(meta(null, 0));
    expect(offset.offsetMs).toBe(0);
    for (const skew of [600_000, 600_000, 5_000_000]) offset.observe(meta(1_000_000 + skew, 1_000_000 - 50));
    expect(offset.offsetMs).toBe(600_500);
  });
});
