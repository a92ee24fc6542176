import { rangeParts, type DayRange } from './periods';

/**
 * The report's figures from the totals the database keeps (migration 010): paid orders and
 * transaction details side by side, one line per month (or day, at a range's ragged ends), product
 * and 出账状态, all with a Beijing month, in one shape.
 */
function combined(range: DayRange): { sql: string; params: Record<string, string | number> } {
  const { months, days } = rangeParts(range);
  const parts: string[] = [];
  const params: Record<string, string | number> = {};
  if (months) {
    params.fromMonth = months[0];
    params.toMonth = months[1];
    parts.push(
      orders('key', 'order_month_totals', 'key BETWEEN @fromMonth AND @toMonth'),
      details('key', 'detail_month_totals', 'key BETWEEN @fromMonth AND @toMonth'),
    );
  }
  days.forEach(([from, to], i) => {
    params[`fromDay${i}`] = from;
    params[`toDay${i}`] = to;
    const within = `key BETWEEN @fromDay${i} AND @toDay${i}`;
    parts.push(orders(DAY_MONTH, 'order_day_totals', within), details(DAY_MONTH, 'detail_day_totals', within));
  });
  return { sql: parts.join(' UNION ALL '), params };
}

/** The Beijing month of a day-totals key (a day number). */
const DAY_MONTH = `strftime('%Y-%m', key * 86400, 'unixepoch')`;

const orders = (month: string, table: string, within: string) =>
  `SELECT ${month} AS month, product_type, product_name, orders AS paid_orders, amount_fen AS order_amount_fen,
          0 AS transactions, 0 AS billed_fen, 0 AS unbilled_fen FROM ${table} WHERE ${within}`;

const details = (month: string, table: string, within: string) =>
  `SELECT ${month}, product_type, product_name, 0, 0, transactions,
          CASE billing_status WHEN 'billed' THEN amount_fen ELSE 0 END, CASE billing_status WHEN 'billed' THEN 0 ELSE amount_fen END
     FROM ${table} WHERE ${within}`;

/** The figures' columns, named as the contract names them. */
const SUMS = `SUM(paid_orders) AS paidOrders, SUM(order_amount_fen) AS orderAmountFen, SUM(transactions) AS transactions,
  SUM(billed_fen) AS billedFen, SUM(unbilled_fen) AS unbilledFen`;

/** How many products the report names; the rest are summed in one line. */
export const TOP_PRODUCTS = 10;

export interface FiguresQuery {
  sql: string;
  params: Record<string, string | number>;
}

/**
 * The whole report as lines: `section` (0 totals, 1 by month, 2 by product type, 3 by product),
 * `name` (the month, the product type code, the product; null for the totals and for the line
 * summing the products after the top ten), `products` (how many products the line sums), the five
 * figures, in the report's order. The figures are grouped once by (month, product type, product)
 * — a few thousand lines for a year — and every section is summed from that.
 */
export function reportSql(range: DayRange): FiguresQuery {
  const { sql, params } = combined(range);
  const total = 'orderAmountFen + billedFen + unbilledFen';
  return {
    sql: `WITH f AS (SELECT month, product_type, product_name, ${SUMS} FROM (${sql}) GROUP BY 1, 2, 3),
          p AS (SELECT product_name, ${resum()} FROM f GROUP BY product_name),
          ranked AS (SELECT *, ROW_NUMBER() OVER (ORDER BY ${total} DESC, product_name) AS rank FROM p)
     SELECT section, name, products, ${FIGURES.join(', ')} FROM (
       SELECT 0 AS section, 0 AS k, NULL AS name, COUNT(DISTINCT product_name) AS products, ${resum(true)} FROM f
       UNION ALL SELECT 1, month, month, COUNT(DISTINCT product_name), ${resum()} FROM f GROUP BY month
       UNION ALL SELECT 2, -SUM(${total}), product_type, COUNT(DISTINCT product_name), ${resum()} FROM f GROUP BY product_type
       UNION ALL SELECT 3, MIN(rank), CASE WHEN MIN(rank) <= ${TOP_PRODUCTS} THEN product_name END, COUNT(*), ${resum()}
         FROM ranked GROUP BY CASE WHEN rank <= ${TOP_PRODUCTS} THEN rank ELSE ${TOP_PRODUCTS + 1} END
     ) ORDER BY section, k`,
    params,
  };
}

const FIGURES = ['paidOrders', 'orderAmountFen', 'transactions', 'billedFen', 'unbilledFen'];

/** The five figures summed again over lines already summed (0, not NULL, over no lines when `zero`). */
function resum(zero = false): string {
  return FIGURES.map((f) => (zero ? `COALESCE(SUM(${f}), 0) AS ${f}` : `SUM(${f}) AS ${f}`)).join(', ');
}

/** Paid orders by Beijing month only (商家总览's charts). */
export function paidOrdersByMonthSql(range: DayRange): FiguresQuery {
  const { months } = rangeParts(range);
  return {
    sql: `SELECT key AS month, SUM(orders) AS paidOrders, SUM(amount_fen) AS amountFen FROM order_month_totals
           WHERE key BETWEEN @fromMonth AND @toMonth GROUP BY key ORDER BY key`,
    params: { fromMonth: months?.[0] ?? '9999-99', toMonth: months?.[1] ?? '0000-00' },
  };
}
