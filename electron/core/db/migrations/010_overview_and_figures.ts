import type { Migration } from '../migration';

/** A Beijing-time calendar day as a number (days since 1970-01-01 in UTC+8; China has no daylight saving). */
const day = (column: string) => `((${column} + 28800000) / 86400000)`;
/** Its Beijing month, "2026-11". */
const month = (column: string) => `strftime('%Y-%m', (${column} + 28800000) / 1000, 'unixepoch')`;

/**
 * The statement that adds a row's figures to a totals table (`sign` 1) or takes them out (-1), for
 * one grouping key (`key`: the Beijing day or month). Kept for days (any date range) and months
 * (whole months, quarters and years read 12 rows per product instead of 365).
 */
function orderTotals(table: string, key: (column: string) => string, row: 'NEW' | 'OLD', sign: 1 | -1): string {
  if (sign === -1) {
    return `UPDATE ${table} SET orders = orders - 1, amount_fen = amount_fen - OLD.amount_fen
    WHERE OLD.paid_at IS NOT NULL AND key = ${key('OLD.paid_at')} AND product_type = OLD.product_type AND product_name = OLD.product_name;`;
  }
  return `INSERT INTO ${table} (key, product_type, product_name, orders, amount_fen)
    SELECT ${key(`${row}.paid_at`)}, ${row}.product_type, ${row}.product_name, 1, ${row}.amount_fen WHERE ${row}.paid_at IS NOT NULL
    ON CONFLICT (key, product_type, product_name) DO UPDATE SET orders = orders + 1, amount_fen = amount_fen + excluded.amount_fen;`;
}

function detailTotals(table: string, key: (column: string) => string, row: 'NEW' | 'OLD', sign: 1 | -1): string {
  if (sign === -1) {
    return `UPDATE ${table} SET transactions = transactions - 1, amount_fen = amount_fen - OLD.amount_fen,
      settlement_amount_fen = settlement_amount_fen - OLD.settlement_amount_fen
    WHERE key = ${key('OLD.transaction_at')} AND product_type = OLD.product_type AND product_name = OLD.product_name AND billing_status = OLD.billing_status;`;
  }
  return `INSERT INTO ${table} (key, product_type, product_name, billing_status, transactions, amount_fen, settlement_amount_fen)
    VALUES (${key(`${row}.transaction_at`)}, ${row}.product_type, ${row}.product_name, ${row}.billing_status, 1, ${row}.amount_fen, ${row}.settlement_amount_fen)
    ON CONFLICT (key, product_type, product_name, billing_status) DO UPDATE SET transactions = transactions + 1,
      amount_fen = amount_fen + excluded.amount_fen, settlement_amount_fen = settlement_amount_fen + excluded.settlement_amount_fen;`;
}

type Totals = [table: string, key: (column: string) => string][];
const ORDER_TABLES: Totals = [
  ['order_day_totals', day],
  ['order_month_totals', month],
];
const DETAIL_TABLES: Totals = [
  ['detail_day_totals', day],
  ['detail_month_totals', month],
];
const ORDER_FIGURES = { columns: ['orders', 'amount_fen'], groups: [] as string[] };
const DETAIL_FIGURES = { columns: ['transactions', 'amount_fen', 'settlement_amount_fen'], groups: ['billing_status'] };

/** A totals table: the key (a day number or a month), product type and name (and 出账状态), then the sums. */
function totalsTable(table: string, keyType: 'INTEGER' | 'TEXT', figures: { columns: string[]; groups: string[] }): string {
  const groups = ['key', 'product_type', 'product_name', ...figures.groups];
  const columns = [`key ${keyType} NOT NULL`, ...groups.slice(1).map((g) => `${g} TEXT NOT NULL`), ...figures.columns.map((c) => `${c} INTEGER NOT NULL`)];
  return `CREATE TABLE ${table} (${columns.join(', ')}, PRIMARY KEY (${groups.join(', ')})) WITHOUT ROWID;`;
}

const each = (tables: Totals, statement: (table: string, key: (column: string) => string) => string) =>
  tables.map(([table, key]) => statement(table, key)).join('\n  ');

/**
 * 商家总览 and the store figures report (issue 14): sync cursors for any list, the seller's profile and store traffic as the
 * source lists them, and day-by-day and month-by-month totals of paid orders and transaction details by product, kept
 * by triggers in the very transaction that writes a row (sync, import, refresh, anything), so the
 * 12-month charts and a year's report read a few thousand rows instead of a million.
 */
export const migration010: Migration = {
  version: 10,
  name: 'overview, store traffic, day totals',
  sql: `
-- every capability with a list adds a sync resource: the contract names them, not a CHECK to rebuild each time
CREATE TABLE sync_cursors_new (
  resource         TEXT PRIMARY KEY,
  cursor           TEXT,
  last_synced_at   INTEGER,
  complete_through INTEGER,
  last_error_json  TEXT,
  last_error_at    INTEGER
);
INSERT INTO sync_cursors_new SELECT resource, cursor, last_synced_at, complete_through, last_error_json, last_error_at FROM sync_cursors;
DROP TABLE sync_cursors;
ALTER TABLE sync_cursors_new RENAME TO sync_cursors;

CREATE TABLE seller_profile (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  seller_id     TEXT,
  seller_name   TEXT,
  certification TEXT,
  agreement     TEXT,
  source        TEXT NOT NULL,
  updated_at    INTEGER NOT NULL
);

CREATE TABLE store_traffic (
  month       TEXT PRIMARY KEY,
  page_views  INTEGER NOT NULL,
  visitors    INTEGER NOT NULL,
  source      TEXT NOT NULL,
  updated_at  INTEGER NOT NULL
) WITHOUT ROWID;

-- paid orders (an order with a payment time, whatever its later status) by the Beijing day, and month, of payment
${ORDER_TABLES.map(([table, key]) => totalsTable(table, key === day ? 'INTEGER' : 'TEXT', ORDER_FIGURES)).join('\n')}

CREATE TRIGGER order_totals_insert AFTER INSERT ON orders WHEN NEW.paid_at IS NOT NULL BEGIN
  ${each(ORDER_TABLES, (table, key) => orderTotals(table, key, 'NEW', 1))}
END;

CREATE TRIGGER order_totals_delete AFTER DELETE ON orders WHEN OLD.paid_at IS NOT NULL BEGIN
  ${each(ORDER_TABLES, (table, key) => orderTotals(table, key, 'OLD', -1))}
END;

CREATE TRIGGER order_totals_update AFTER UPDATE OF paid_at, amount_fen, product_type, product_name ON orders
  WHEN OLD.paid_at IS NOT NEW.paid_at OR OLD.amount_fen IS NOT NEW.amount_fen OR OLD.product_type IS NOT NEW.product_type OR OLD.product_name IS NOT NEW.product_name
BEGIN
  ${each(ORDER_TABLES, (table, key) => orderTotals(table, key, 'OLD', -1))}
  ${each(ORDER_TABLES, (table, key) => orderTotals(table, key, 'NEW', 1))}
END;

-- transaction details by the Beijing day, and month, of the transaction, split by 出账状态
${DETAIL_TABLES.map(([table, key]) => totalsTable(table, key === day ? 'INTEGER' : 'TEXT', DETAIL_FIGURES)).join('\n')}

CREATE TRIGGER detail_totals_insert AFTER INSERT ON transaction_details BEGIN
  ${each(DETAIL_TABLES, (table, key) => detailTotals(table, key, 'NEW', 1))}
END;

CREATE TRIGGER detail_totals_delete AFTER DELETE ON transaction_details BEGIN
  ${each(DETAIL_TABLES, (table, key) => detailTotals(table, key, 'OLD', -1))}
END;

CREATE TRIGGER detail_totals_update AFTER UPDATE OF transaction_at, product_type, product_name, billing_status, amount_fen, settlement_amount_fen ON transaction_details
  WHEN OLD.transaction_at IS NOT NEW.transaction_at OR OLD.product_type IS NOT NEW.product_type OR OLD.product_name IS NOT NEW.product_name
    OR OLD.billing_status IS NOT NEW.billing_status OR OLD.amount_fen IS NOT NEW.amount_fen OR OLD.settlement_amount_fen IS NOT NEW.settlement_amount_fen
BEGIN
  ${each(DETAIL_TABLES, (table, key) => detailTotals(table, key, 'OLD', -1))}
  ${each(DETAIL_TABLES, (table, key) => detailTotals(table, key, 'NEW', 1))}
END;

-- what the cache already holds
${ORDER_TABLES.map(
  ([table, key]) => `INSERT INTO ${table} (key, product_type, product_name, orders, amount_fen)
  SELECT ${key('paid_at')}, product_type, product_name, COUNT(*), SUM(amount_fen) FROM orders WHERE paid_at IS NOT NULL GROUP BY 1, 2, 3;`,
).join('\n')}
${DETAIL_TABLES.map(
  ([table, key]) => `INSERT INTO ${table} (key, product_type, product_name, billing_status, transactions, amount_fen, settlement_amount_fen)
  SELECT ${key('transaction_at')}, product_type, product_name, billing_status, COUNT(*), SUM(amount_fen), SUM(settlement_amount_fen)
  FROM transaction_details GROUP BY 1, 2, 3, 4;`,
).join('\n')}
`,
};
