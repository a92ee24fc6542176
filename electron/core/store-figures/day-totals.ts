import type { SqliteDatabase } from '../db';

/** A transaction time's Beijing day number and month, as migration 010's triggers key the totals. */
const BEIJING_DAY = '((transaction_at + 28800000) / 86400000)';
const BEIJING_MONTH = "strftime('%Y-%m', (transaction_at + 28800000) / 1000, 'unixepoch')";

/**
 * The transaction details' day and month totals counted again from the table: what a bulk load,
 * which writes without the triggers that keep them, leaves to do at its end.
 */
export function recountDetailTotals(db: SqliteDatabase): void {
  for (const [table, key] of [
    ['detail_day_totals', BEIJING_DAY],
    ['detail_month_totals', BEIJING_MONTH],
  ] as const) {
    db.exec(`DELETE FROM ${table};
      INSERT INTO ${table} (key, product_type, product_name, billing_status, transactions, amount_fen, settlement_amount_fen)
      SELECT ${key}, product_type, product_name, billing_status, COUNT(*), SUM(amount_fen), SUM(settlement_amount_fen)
      FROM transaction_details GROUP BY 1, 2, 3, 4;`);
  }
}
