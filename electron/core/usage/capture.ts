import type { BadRow } from '../contract';
import type { NumberedRow } from './usage-files';
import type { UsageStore } from './usage-store';
import { identityKey, validateUsageRow, type RawUsageRow, type RowProblem, type ValidUsageRecord } from './usage-validation';

export interface CaptureOptions {
  /** Marketplace time: "now" for begin ≤ end ≤ now and the 21-day limit. */
  now: number;
  source: 'manual' | 'import' | 'watched';
  sourceFile: string | null;
  /** false (default): a file with any bad row is refused whole. true: queue the valid rows only. */
  queueValidOnly: boolean;
  startOffsetMs: number;
}

export interface CaptureResult {
  /** Rows read (not counting the header). */
  rows: number;
  queued: number;
  /** Every bad row, with the column and the reason. */
  problems: BadRow[];
  refused: boolean;
}

/**
 * Validates every row, then queues them in one transaction — or nothing at all when a row is bad
 * and the seller did not ask to queue only the valid ones. "Queued" is said only after the commit.
 */
export async function captureRows(
  store: UsageStore,
  rows: AsyncIterable<NumberedRow> | Iterable<NumberedRow>,
  options: CaptureOptions,
): Promise<CaptureResult> {
  const valid: ValidUsageRecord[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  const seenSn = new Map<string, number>();
  let columnOf: NumberedRow['columnOf'];
  let count = 0;
  for await (const { row, data, columnOf: named } of rows) {
    count++;
    columnOf ??= named;
    const result = checkRow(data, row, options.now);
    if (!result.record) {
      problems.push(...result.problems);
      continue;
    }
    const duplicate = duplicateIn(result.record, seen, seenSn);
    if (duplicate) problems.push(duplicate);
    else valid.push(result.record);
  }
  const report = (found: RowProblem[]) => badRows(found, columnOf);
  if (problems.length > 0 && !options.queueValidOnly) {
    // refused anyway: still tell the seller which rows duplicate what is already stored
    problems.push(...alreadyKnown(store, valid));
    return { rows: count, queued: 0, problems: report(problems), refused: true };
  }
  const { inserted, conflicts } = store.insert(valid, { ...options, allOrNothing: !options.queueValidOnly });
  problems.push(...alreadyKnown(store, conflicts));
  return { rows: count, queued: inserted, problems: report(problems), refused: problems.length > 0 && !options.queueValidOnly };
}

/** Problems in the shape every import reports, by row, each naming the file's own column. */
export function badRows(problems: RowProblem[], columnOf?: (field: string) => string): BadRow[] {
  return problems
    .sort((a, b) => a.row - b.row)
    .map(({ row, field, reason, key, params }) => ({
      row,
      column: columnOf && !field.startsWith('(') ? columnOf(field) : field,
      reason,
      key,
      ...(params ? { params } : {}),
    }));
}

function checkRow(data: RawUsageRow, row: number, now: number) {
  if (typeof data.__parseError === 'string') return { problems: [{ row, field: '(line)', reason: data.__parseError, key: 'notJsonObject' }] };
  return validateUsageRow(data, row, now);
}

function duplicateIn(record: ValidUsageRecord, seen: Map<string, number>, seenSn: Map<string, number>): RowProblem | null {
  const key = identityKey(record);
  const first = seen.get(key);
  if (first !== undefined)
    return {
      row: record.row,
      field: 'end_time',
      reason: `duplicate of row ${first}: same instance_id, begin_time and end_time`,
      key: 'duplicateRow',
      params: { first },
    };
  const firstSn = seenSn.get(record.meteringSn);
  if (firstSn !== undefined)
    return { row: record.row, field: 'metering_sn', reason: `duplicate of row ${firstSn}: same metering_sn`, key: 'duplicateSn', params: { first: firstSn } };
  seen.set(key, record.row);
  seenSn.set(record.meteringSn, record.row);
  return null;
}

/** Duplicates of records already queued or sent: KooGallery would count them as anomalies. */
function alreadyKnown(store: UsageStore, records: ValidUsageRecord[]): RowProblem[] {
  const existing = store.findExisting(records);
  return records.flatMap((record) => {
    const found = existing.get(identityKey(record));
    if (!found) return [];
    const what = found.by === 'identity' ? 'a record with the same instance_id, begin_time and end_time' : 'a record with the same metering_sn';
    const field = found.by === 'identity' ? 'end_time' : 'metering_sn';
    return [
      {
        row: record.row,
        field,
        reason: `${what} is already ${found.state}`,
        key: found.by === 'identity' ? 'knownIdentity' : 'knownSn',
        params: { state: found.state },
      },
    ];
  });
}
