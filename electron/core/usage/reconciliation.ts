import type { SqliteDatabase } from '../db';
import { parseSdrTime } from '../marketplace/koogallery';
import type { NumberedRow } from './usage-file-reader';
import type { RowProblem } from './usage-validation';

export interface ReconcileResult {
  rows: number;
  /** Records the list names that this app had sent and the API had accepted: now marked anomaly. */
  marked: number;
  /** Rows naming a record this app never sent (or with unreadable times). */
  unmatched: RowProblem[];
}

/**
 * Reconciles against Seller Center's SDR anomaly list (话单管理 export): a record the API accepted
 * (MKT.0000) but the marketplace lists as anomalous becomes `anomaly`, with the listed reason, so
 * the seller can correct and re-push it. One transaction.
 */
export async function reconcileAnomalies(db: SqliteDatabase, rows: AsyncIterable<NumberedRow>, now: number): Promise<ReconcileResult> {
  const find = db.prepare(`SELECT id FROM usage_records WHERE instance_id = ? AND begin_at = ? AND end_at = ? AND state IN ('accepted', 'anomaly')`);
  const mark = db.prepare(`UPDATE usage_records SET state = 'anomaly', last_error_code = 'ANOMALY', last_error_message = ?, updated_at = ? WHERE id = ?`);
  const matches: { id: number; reason: string }[] = [];
  const unmatched: RowProblem[] = [];
  let count = 0;
  for await (const { row, data } of rows) {
    count++;
    const begin = parseSdrTime(String(data.begin_time ?? '').trim());
    const end = parseSdrTime(String(data.end_time ?? '').trim());
    if (begin === null || end === null) {
      unmatched.push({ row, field: begin === null ? 'begin_time' : 'end_time', reason: "expected yyyyMMdd'T'HHmmss'Z' (UTC)" });
      continue;
    }
    const found = find.get(String(data.instance_id ?? '').trim(), begin, end) as { id: number } | undefined;
    if (found) matches.push({ id: found.id, reason: String(data.anomaly_reason ?? '').trim() || 'listed as anomaly in Seller Center' });
    else unmatched.push({ row, field: 'instance_id', reason: 'no accepted record with this instance_id, begin_time and end_time' });
  }
  db.transaction(() => {
    for (const match of matches) mark.run(match.reason, now, match.id);
  })();
  return { rows: count, marked: matches.length, unmatched };
}
