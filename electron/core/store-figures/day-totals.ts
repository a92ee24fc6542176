import type { SqliteDatabase } from '../db';

/** A time column's Beijing day number and month, as migration 010's triggers key the totals. */
const beijingDay = (column: string) => `((${column} + 28800000) / 86400000)`;
/** The month of a Beijing day number: the day's first second, read as UTC, has the Beijing date. */
const monthOfDay = (day: string) => `strftime('%Y-%m', ${day} * 86400, 'unixepoch')`;

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
 * triggers that keep them, leaves to do at its end. The months are summed from the days (a Beijing
 * day lies in one month), not from the table again: one pass over a million rows instead of two.
 */
function recount(db: SqliteDatabase, spec: TotalsSpec): void {
  const [dayTable, monthTable] = spec.tables;
  const groups = spec.groups.join(', ');
  const columns = `${groups}, ${spec.figures.map(([column]) => column).join(', ')}`;
  db.exec(`DELETE FROM ${dayTable};
    INSERT INTO ${dayTable} (key, ${columns})
    SELECT ${beijingDay(spec.time)}, ${groups}, ${spec.figures.map(([, aggregate]) => aggregate).join(', ')} FROM ${spec.from} GROUP BY 1, ${groups};
    DELETE FROM ${monthTable};
    INSERT INTO ${monthTable} (key, ${columns})
    SELECT ${monthOfDay('key')}, ${groups}, ${spec.figures.map(([column]) => `SUM(${column})`).join(', ')} FROM ${dayTable} GROUP BY 1, ${groups};`);
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
