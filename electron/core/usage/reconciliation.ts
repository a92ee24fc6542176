import type { BadRow } from '../contract';
import { parseSdrTime } from '../koogallery';
import { badRows } from './capture';
import type { NumberedRow } from './usage-files';
import type { UsageStore } from './usage-store';
import type { RowProblem } from './usage-validation';

export interface ReconcileResult {
  rows: number;
  /** Records the list names that this app had sent and the API had accepted: now marked anomaly. */
  marked: number;
  /** Rows naming a record this app never sent (or with unreadable times). */
  unmatched: BadRow[];
}

/**
 * Reconciles against Seller Center's SDR anomaly list (话单管理 export): a record the API accepted
 * (MKT.0000) but the marketplace lists as anomalous becomes `anomaly`, with the listed reason, so
 * the seller can correct and re-push it. One transaction.
 */
export async function reconcileAnomalies(store: UsageStore, rows: AsyncIterable<NumberedRow>, now: number): Promise<ReconcileResult> {
  const matches: { id: number; reason: string }[] = [];
  const unmatched: RowProblem[] = [];
  let columnOf: NumberedRow['columnOf'];
  let count = 0;
  for await (const { row, data, columnOf: named } of rows) {
    count++;
    columnOf ??= named;
    const begin = parseSdrTime(String(data.begin_time ?? '').trim());
    const end = parseSdrTime(String(data.end_time ?? '').trim());
    if (begin === null || end === null) {
      const field = begin === null ? 'begin_time' : 'end_time';
      unmatched.push({ row, field, reason: "expected yyyyMMdd'T'HHmmss'Z' (UTC)", key: 'sdrTime', params: { got: String(data[field] ?? '') } });
      continue;
    }
    const id = store.findAccepted(String(data.instance_id ?? '').trim(), begin, end);
    if (id !== null) matches.push({ id, reason: String(data.anomaly_reason ?? '').trim() || 'listed as anomaly in Seller Center' });
    else unmatched.push({ row, field: 'instance_id', reason: 'no accepted record with this instance_id, begin_time and end_time', key: 'noAcceptedRecord' });
  }
  store.markAnomalies(matches, now);
  return { rows: count, marked: matches.length, unmatched: badRows(unmatched, columnOf) };
}
