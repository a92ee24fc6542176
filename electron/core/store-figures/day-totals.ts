import type { SqliteDatabase } from '../db';

/** A time column's Beijing day number and month, as migration 010's triggers key the totals. */
const beijingDay = (column: string) => `((${column} + 28800000) / 86400000)`;
const beijingMonth = (column: string) => `strftime('%Y-%m', (${column} + 28800000) / 1000, 'unixepoch')`;

interface TotalsSpec {
  tables: [day: string, month: string];
  /** The rows counted and the time column they are keyed by. */
  from: string;
  time: string;
  groups: string[];
  /** Each total column with the aggregate that counts it. */
  figures: [column: string, aggregate: string][];
}

/**
 * Day and month totals counted again from their table: what a bulk load, which writes without the
 * triggers that keep them, leaves to do at its end.
 */
function recount(db: SqliteDatabase, spec: TotalsSpec): void {
  const keys: [string, string][] = [
    [spec.tables[0], beijingDay(spec.time)],
    [spec.tables[1], beijingMonth(spec.time)],
  ];
  const groups = spec.groups.join(', ');
  for (const [table, key] of keys) {
    db.exec(`DELETE FROM ${table};
      INSERT INTO ${table} (key, ${groups}, ${spec.figures.map(([column]) => column).join(', ')})
      SELECT ${key}, ${groups}, ${spec.figures.map(([, aggregate]) => aggregate).join(', ')} FROM ${spec.from} GROUP BY 1, ${groups};`);
  }
}

export function recountDetailTotals(db: SqliteDatabase): void {
  recount(db, {
    tables: ['detail_day_totals', 'detail_month_totals'],
    from: 'transaction_details',
    time: 'transaction_at',
    groups: ['product_type', 'product_name', 'billing_status'],
    figures: [
      ['transactions', 'COUNT(*)'],
      ['amount_fen', 'SUM(amount_fen)'],
      ['settlement_amount_fen', 'SUM(settlement_amount_fen)'],
    ],
  });
}

/** Paid orders only: an order without a payment time is in no total. */
export function recountOrderTotals(db: SqliteDatabase): void {
  recount(db, {
    tables: ['order_day_totals', 'order_month_totals'],
    from: 'orders WHERE paid_at IS NOT NULL',
    time: 'paid_at',
    groups: ['product_type', 'product_name'],
    figures: [
      ['orders', 'COUNT(*)'],
      ['amount_fen', 'SUM(amount_fen)'],
    ],
  });
}
