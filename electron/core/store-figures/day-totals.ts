import type { DerivedRebuild } from '../db';

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
 * Day and month totals as a bulk load puts them back at its end (it writes without the triggers that
 * keep them): cleared, counted by day from the table (on another thread, while the indexes build),
 * and written. The months are summed from the days (a Beijing day lies in one month), not from the
 * table again: one pass over a million rows instead of two.
 */
function totalsRebuild(spec: TotalsSpec): DerivedRebuild {
  const [dayTable, monthTable] = spec.tables;
  const groups = spec.groups.join(', ');
  const figures = spec.figures.map(([column]) => column);
  const columns = ['key', ...spec.groups, ...figures];
  const insertDay = `INSERT INTO ${dayTable} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  return {
    clear: (db) => db.exec(`DELETE FROM ${dayTable}; DELETE FROM ${monthTable};`),
    count: `SELECT ${beijingDay(spec.time)}, ${groups}, ${spec.figures.map(([, aggregate]) => aggregate).join(', ')} FROM ${spec.from} GROUP BY 1, ${groups}`,
    add: (db, counted) => {
      const insert = db.prepare(insertDay);
      for (const row of counted) insert.run(row);
      db.exec(`DELETE FROM ${monthTable};
        INSERT INTO ${monthTable} (${columns.join(', ')})
        SELECT ${monthOfDay('key')}, ${groups}, ${figures.map((column) => `SUM(${column})`).join(', ')} FROM ${dayTable} GROUP BY 1, ${groups};`);
    },
  };
}

export const detailTotalsRebuild: DerivedRebuild = totalsRebuild({
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

/** Paid orders only: an order without a payment time is in no total. */
export const orderTotalsRebuild: DerivedRebuild = totalsRebuild({
  tables: ['order_day_totals', 'order_month_totals'],
  from: 'orders WHERE paid_at IS NOT NULL',
  time: 'paid_at',
  groups: ['product_type', 'product_name'],
  figures: [
    ['orders', 'COUNT(*)'],
    ['amount_fen', 'SUM(amount_fen)'],
  ],
});

/** What the triggers of each table a bulk load fills keep, counted again when the load ends (BulkLoads). */
export const BULK_LOADED_TOTALS: Record<string, DerivedRebuild> = { transaction_details: detailTotalsRebuild, orders: orderTotalsRebuild };
