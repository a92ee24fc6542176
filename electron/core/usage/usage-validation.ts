import crypto from 'node:crypto';
import { formatSdrTime, parseSdrTime } from '../koogallery';
import { EXPIRY_MS, type BillingCycle } from '../conventions';
import type { ReasonParams } from '../contract';

/** One row as read from a form or a file, before validation: every field still text. */
export type RawUsageRow = Record<string, unknown>;

export interface RowProblem {
  /** 1-based row number in the file (the header row is row 1 in CSV/XLSX). */
  row: number;
  field: string;
  /** In English, for logs and scripts. */
  reason: string;
  /** What the UI words it with (`rows.<key>`), and its values. */
  key: string;
  params?: ReasonParams;
}

export interface ValidUsageRecord {
  row: number;
  instanceId: string;
  productId: string | null;
  beginAt: number;
  endAt: number;
  recordedAt: number;
  usageValue: string;
  meteringSn: string;
  relatePkgInstance: string | null;
  billingCycle: BillingCycle;
}

const USAGE_VALUE = /^(?:0|[1-9]\d{0,14})(?:\.\d{1,4})?$/;

/**
 * Checks one row against the usage-push rules (koogallery-api.md §1.3, §1.5): time formats, value,
 * begin ≤ end ≤ now, the 21-day limit, field lengths. Duplicates are checked across rows by the caller.
 */
export function validateUsageRow(raw: RawUsageRow, row: number, now: number): { record?: ValidUsageRecord; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const problem = (field: string, reason: string, key: string, params?: ReasonParams) =>
    problems.push({ row, field, reason, key, ...(params ? { params } : {}) });
  const text = (field: string) => (raw[field] === undefined || raw[field] === null ? '' : String(raw[field]).trim());

  const instanceId = text('instance_id');
  if (!instanceId) problem('instance_id', 'required', 'required');
  else if (instanceId.length > 64) problem('instance_id', `at most 64 characters, got ${instanceId.length}`, 'tooLong', { max: 64, length: instanceId.length });

  const beginAt = sdrTime(text('begin_time'), 'begin_time', problem);
  const endAt = sdrTime(text('end_time'), 'end_time', problem);
  const recordTime = text('record_time');
  const recordedAt = recordTime ? sdrTime(recordTime, 'record_time', problem) : now;

  const usageValue = text('usage_value');
  if (!USAGE_VALUE.test(usageValue))
    problem('usage_value', `expected a number > 0 with at most 4 decimals, got "${usageValue}"`, 'usageValue', { got: usageValue });
  else if (Number(usageValue) <= 0) problem('usage_value', 'must be greater than 0', 'positive');

  if (beginAt !== null && endAt !== null && beginAt > endAt) problem('end_time', 'must not be before begin_time', 'endBeforeBegin');
  if (endAt !== null && endAt > now) problem('end_time', `must not be in the future (now is ${formatSdrTime(now)})`, 'future', { nowAt: now });
  if (beginAt !== null && beginAt < now - EXPIRY_MS) problem('begin_time', 'older than 21 days: KooGallery refuses it (MKT.9004)', 'tooOld', { days: 21 });

  const meteringSn = text('metering_sn');
  if (meteringSn.length > 64) problem('metering_sn', 'at most 64 characters', 'tooLong', { max: 64, length: meteringSn.length });
  const relatePkg = text('relate_pkg_instance');
  if (relatePkg.length > 64) problem('relate_pkg_instance', 'at most 64 characters', 'tooLong', { max: 64, length: relatePkg.length });
  const productId = text('product_id');
  if (productId.length > 64) problem('product_id', 'at most 64 characters', 'tooLong', { max: 64, length: productId.length });
  const cycle = text('billing_cycle') || 'hourly';
  if (cycle !== 'hourly' && cycle !== 'daily') problem('billing_cycle', `expected hourly or daily, got "${cycle}"`, 'billingCycle', { got: cycle });

  if (problems.length > 0 || beginAt === null || endAt === null || recordedAt === null) return { problems };
  return {
    problems,
    record: {
      row,
      instanceId,
      productId: productId || null,
      beginAt,
      endAt,
      recordedAt,
      usageValue,
      meteringSn: meteringSn || meteringSnFor(instanceId, beginAt, endAt),
      relatePkgInstance: relatePkg || null,
      billingCycle: cycle as BillingCycle,
    },
  };
}

/** The seller-side id, derived from the record's identity so every retry carries the same one. */
export function meteringSnFor(instanceId: string, beginAt: number, endAt: number): string {
  const digest = crypto.createHash('sha256').update(`${instanceId}|${beginAt}|${endAt}`).digest('hex');
  return `sd-${digest.slice(0, 40)}`;
}

export function identityKey(record: Pick<ValidUsageRecord, 'instanceId' | 'beginAt' | 'endAt'>): string {
  return `${record.instanceId}|${record.beginAt}|${record.endAt}`;
}

function sdrTime(value: string, field: string, problem: (field: string, reason: string, key: string, params?: ReasonParams) => void): number | null {
  if (!value) {
    problem(field, "required, format yyyyMMdd'T'HHmmss'Z' (UTC)", 'required');
    return null;
  }
  const parsed = parseSdrTime(value);
  if (parsed === null) problem(field, `expected yyyyMMdd'T'HHmmss'Z' (UTC), e.g. 20261124T130000Z; got "${value}"`, 'sdrTime', { got: value });
  return parsed;
}
