import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../electron/core/usage/backoff';
import { ClockOffset } from '../../electron/core/usage/clock-offset';
import { formatSdrTime, isExpired, parseSdrTime, reportingWindow, SDR_TIME_PATTERN, timeliness } from '../../electron/core/conventions';
import { identityKey, meteringSnFor, validateUsageRow } from '../../electron/core/usage/usage-validation';

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
    // a day whose exclusive end is Beijing midnight is that day's: due at that midnight, not a day later
    expect(reportingWindow(at('2026-11-24T16:00:00Z'), 'daily').opensAt).toBe(at('2026-11-24T16:00:00Z'));
    expect(reportingWindow(at('2026-11-24T16:00:01Z'), 'daily').opensAt).toBe(at('2026-11-25T16:00:00Z'));
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

describe('the usage rules at their exact boundaries', () => {
  const now = at('2026-11-24T06:05:00Z');
  const good = { instance_id: 'i-1', begin_time: '20261124T050000Z', end_time: '20261124T055959Z', usage_value: '12.5' };
  const refusal = (change: Record<string, unknown>) => validateUsageRow({ ...good, ...change }, 3, now).problems.map((p) => `${p.field} ${p.key}`);
  const accepted = (change: Record<string, unknown>) => validateUsageRow({ ...good, ...change }, 3, now).record;

  it('derives the same metering_sn as every earlier version (a record re-sent after an update must count once)', () => {
    expect(meteringSnFor('i-1', at('2026-11-24T05:00:00Z'), at('2026-11-24T05:59:59Z'))).toBe('sd-7f03314998b8317f5a815e2c11cc97c52de5e14f');
    expect(meteringSnFor('i-1', at('2026-11-24T05:00:00Z'), at('2026-11-24T05:59:58Z'))).not.toBe('sd-7f03314998b8317f5a815e2c11cc97c52de5e14f');
  });

  it('keys a record by instance, begin and end (the duplicate rule), and expires it 21 days after its begin, not a millisecond before', () => {
    expect(identityKey({ instanceId: 'i-1', beginAt: 1, endAt: 2 })).toBe(identityKey({ instanceId: 'i-1', beginAt: 1, endAt: 2 }));
    expect(identityKey({ instanceId: 'i-1', beginAt: 1, endAt: 2 })).not.toBe(identityKey({ instanceId: 'i-1', beginAt: 1, endAt: 3 }));
    expect(identityKey({ instanceId: 'i-1', beginAt: 1, endAt: 2 })).not.toBe(identityKey({ instanceId: 'i-2', beginAt: 1, endAt: 2 }));
    const twentyOneDays = 21 * 86_400_000;
    expect(isExpired(now - twentyOneDays, now)).toBe(false);
    expect(isExpired(now - twentyOneDays - 1, now)).toBe(true);
  });

  it('uses a record_time the row gives, and refuses one that is not an SDR time', () => {
    expect(accepted({ record_time: '20261124T060000Z' })?.recordedAt).toBe(at('2026-11-24T06:00:00Z'));
    expect(accepted({})?.recordedAt).toBe(now);
    expect(refusal({ record_time: 'yesterday' })).toEqual(['record_time sdrTime']);
  });

  it('takes 64 characters in every id field and refuses 65', () => {
    for (const field of ['instance_id', 'metering_sn', 'relate_pkg_instance', 'product_id']) {
      expect(refusal({ [field]: 'x'.repeat(64) }), field).toEqual([]);
      expect(refusal({ [field]: 'x'.repeat(65) }), field).toEqual([`${field} tooLong`]);
    }
    expect(accepted({ product_id: 'P-1', relate_pkg_instance: 'pkg-1', metering_sn: 'sn-1' })).toMatchObject({
      productId: 'P-1',
      relatePkgInstance: 'pkg-1',
      meteringSn: 'sn-1',
    });
  });

  it('takes a begin equal to its end, an end equal to now and a begin exactly 21 days old; one second more is refused', () => {
    expect(refusal({ begin_time: '20261124T055959Z' })).toEqual([]);
    expect(refusal({ begin_time: '20261124T060000Z' })).toEqual(['end_time endBeforeBegin']);
    expect(refusal({ end_time: '20261124T060500Z' })).toEqual([]);
    expect(refusal({ end_time: '20261124T060501Z' })).toEqual(['end_time future']);
    expect(refusal({ begin_time: '20261103T060500Z' })).toEqual([]); // now − 21 days
    expect(refusal({ begin_time: '20261103T060459Z' })).toEqual(['begin_time tooOld']);
  });

  it('takes 15 integer digits and 4 decimals in usage_value, not 16 or 5', () => {
    expect(refusal({ usage_value: '123456789012345.1234' })).toEqual([]);
    expect(refusal({ usage_value: '1234567890123456' })).toEqual(['usage_value usageValue']);
    expect(refusal({ usage_value: '0.0001' })).toEqual([]);
    expect(refusal({ usage_value: '0.00001' })).toEqual(['usage_value usageValue']);
  });

  it('says in each refusal what was expected and what was got, in words and in the values the UI fills in', () => {
    const problems = (change: Record<string, unknown>) => validateUsageRow({ ...good, ...change }, 3, now).problems;
    for (const field of ['instance_id', 'metering_sn', 'relate_pkg_instance', 'product_id'])
      expect(problems({ [field]: 'x'.repeat(65) }), field).toEqual([
        { row: 3, field, reason: expect.stringMatching(/^at most 64 characters/), key: 'tooLong', params: { max: 64, length: 65 } },
      ]);
    expect(problems({ usage_value: '1.23456' })).toEqual([
      { row: 3, field: 'usage_value', reason: 'expected a number > 0 with at most 4 decimals, got "1.23456"', key: 'usageValue', params: { got: '1.23456' } },
    ]);
    expect(problems({ usage_value: '0' })).toEqual([{ row: 3, field: 'usage_value', reason: 'must be greater than 0', key: 'positive' }]);
    expect(problems({ begin_time: '2026-11-24 05:00' })).toEqual([
      {
        row: 3,
        field: 'begin_time',
        reason: `expected yyyyMMdd'T'HHmmss'Z' (UTC), e.g. 20261124T130000Z; got "2026-11-24 05:00"`,
        key: 'sdrTime',
        params: { got: '2026-11-24 05:00' },
      },
    ]);
    expect(problems({ end_time: '' })).toEqual([{ row: 3, field: 'end_time', reason: "required, format yyyyMMdd'T'HHmmss'Z' (UTC)", key: 'required' }]);
    expect(problems({ end_time: '20261124T070000Z' })).toEqual([
      { row: 3, field: 'end_time', reason: 'must not be in the future (now is 20261124T060500Z)', key: 'future', params: { nowAt: now } },
    ]);
    expect(problems({ begin_time: '20261101T000000Z' })).toEqual([
      { row: 3, field: 'begin_time', reason: 'older than 21 days: KooGallery refuses it (MKT.9004)', key: 'tooOld', params: { days: 21 } },
    ]);
    expect(problems({ billing_cycle: 'weekly' })).toEqual([
      { row: 3, field: 'billing_cycle', reason: 'expected hourly or daily, got "weekly"', key: 'billingCycle', params: { got: 'weekly' } },
    ]);
    expect(problems({ instance_id: ' ' })).toEqual([{ row: 3, field: 'instance_id', reason: 'required', key: 'required' }]);
    expect(problems({ begin_time: '20261124T060000Z' })).toEqual([
      { row: 3, field: 'end_time', reason: 'must not be before begin_time', key: 'endBeforeBegin' },
    ]);
  });

  it('reads cells as trimmed text, an empty cell as missing, and the billing cycle with hourly by default', () => {
    expect(accepted({ instance_id: '  i-2 ', usage_value: 3 })).toMatchObject({ instanceId: 'i-2', usageValue: '3', billingCycle: 'hourly' });
    expect(accepted({ billing_cycle: 'daily' })?.billingCycle).toBe('daily');
    expect(refusal({ instance_id: null })).toEqual(['instance_id required']);
    expect(refusal({ begin_time: '' })).toEqual(['begin_time required']);
  });
});

describe('the backoff at its exact boundaries', () => {
  const far = 3_600_000;
  it('doubles from 2 s (attempt 0 and 1 alike) up to 5 minutes, drawn below the ceiling', () => {
    expect(retryDelayMs(0, 0, far, () => 0.9999)).toBe(1_999);
    expect(retryDelayMs(1, 0, far, () => 0.9999)).toBe(1_999);
    expect(retryDelayMs(3, 0, far, () => 0.9999)).toBe(7_999);
    expect(retryDelayMs(3, 0, far, () => 0.5)).toBe(4_000);
    expect(retryDelayMs(20, 0, far, () => 0.9999)).toBe(299_970);
  });

  it('keeps a retry 30 s inside a deadline still ahead, and stops shortening once the deadline has passed', () => {
    expect(retryDelayMs(20, 0, 60_000, () => 0.9999)).toBe(29_997); // 60 s left: at most 30 s
    expect(retryDelayMs(20, 1_000_000, 1_060_000, () => 0.9999)).toBe(29_997); // the same, later in the day
    expect(retryDelayMs(3, 5_000, 5_000, () => 0.9999)).toBe(7_999); // deadline now: the plain ceiling
    expect(retryDelayMs(3, 5_000, 5_001, () => 0.9999)).toBe(1_000); // a millisecond left: the minimum
  });
});

describe('话单 times on the wire (yyyyMMddTHHmmssZ, UTC)', () => {
  it('reads the last second of a day and of a month, and refuses the next one', () => {
    expect(parseSdrTime('20261130T235959Z')).toBe(Date.UTC(2026, 10, 30, 23, 59, 59));
    expect(parseSdrTime('20261131T000000Z')).toBeNull();
    expect(parseSdrTime('20261124T240000Z')).toBeNull();
    expect(parseSdrTime('20261124T236000Z')).toBeNull();
    expect(parseSdrTime('20261124T235960Z')).toBeNull();
  });

  it('takes months 01 to 12, days from 01, 29 February only in a leap year', () => {
    expect(parseSdrTime('20260101T000000Z')).toBe(Date.UTC(2026, 0, 1));
    expect(parseSdrTime('20261201T000000Z')).toBe(Date.UTC(2026, 11, 1));
    expect(parseSdrTime('20260001T000000Z')).toBeNull();
    expect(parseSdrTime('20261301T000000Z')).toBeNull();
    expect(parseSdrTime('20261100T000000Z')).toBeNull();
    expect(parseSdrTime('20280229T000000Z')).toBe(Date.UTC(2028, 1, 29));
    expect(parseSdrTime('20270229T000000Z')).toBeNull();
  });

  it('refuses anything around the exact form: a prefix, a suffix, a missing Z or T, local time', () => {
    for (const text of ['x20261124T130000Z', '20261124T130000Zx', '20261124T130000', '20261124 130000Z', '2026-11-24T13:00:00Z', '20261124T130000+0800', ''])
      expect(parseSdrTime(text), text).toBeNull();
  });

  it('writes what it reads', () => {
    expect(formatSdrTime(Date.UTC(2026, 10, 24, 13, 5, 9, 999))).toBe('20261124T130509Z');
    expect(SDR_TIME_PATTERN.test('20261124T130509Z')).toBe(true);
    // the wire schema checks records with the pattern alone: nothing may stand before or after it
    expect(SDR_TIME_PATTERN.test('x20261124T130509Z')).toBe(false);
    expect(SDR_TIME_PATTERN.test('20261124T130509Zx')).toBe(false);
  });
});
