import type { z } from 'zod';
import type { orderFiltersSchema } from '../contract';
import {
  amountField,
  between,
  dateField,
  equals,
  integerField,
  joinConditions,
  startsWith,
  textField,
  type Condition,
  type ExportField,
  type ExportTable,
  type LeftOut,
  type Query,
  type ReviewList,
} from '../lists';
import { ORDER_COLUMNS, type OrderRow } from './orders-table';

type OrderFilters = z.infer<typeof orderFiltersSchema>;

/** 订单列表, newest order first. */
export const ORDER_LIST: ReviewList<OrderFilters, OrderRow> = {
  table: 'orders',
  columns: ORDER_COLUMNS,
  id: { field: 'orderId', column: 'order_id' },
  sortable: { createdAt: { column: 'created_at' }, amountFen: { column: 'amount_fen' } },
  defaultSort: { field: 'createdAt', direction: 'desc' },
  conditions: orderConditions,
};

function orderConditions(filters: OrderFilters): Condition[] {
  const conditions: Condition[] = [];
  equals(conditions, 'product_type', filters.productType);
  equals(conditions, 'status', filters.status);
  startsWith(conditions, 'order_id', filters.orderId);
  startsWith(conditions, 'customer_name', filters.customerName);
  equals(conditions, 'user_name', filters.userName);
  if (filters.productName) conditions.push({ sql: `product_name LIKE @productNameLike`, params: { productNameLike: `%${escapeLike(filters.productName)}%` } });
  between(conditions, 'created_at', filters.createdFrom, filters.createdTo);
  if (filters.search) conditions.push(searchCondition(filters.search));
  return conditions;
}

/**
 * Chinese substring search in order number, customer, user and product name. From 3 characters the
 * trigram index finds the orders holding every trigram of the term (it keeps no positions), and the
 * term is then checked as a substring; shorter terms are only checked (two characters are too short
 * for trigrams).
 */
function searchCondition(term: string): Condition {
  const substring: Condition = {
    sql: `(order_id LIKE @searchLike ESCAPE '\\' OR customer_name LIKE @searchLike ESCAPE '\\' OR user_name LIKE @searchLike ESCAPE '\\' OR product_name LIKE @searchLike ESCAPE '\\')`,
    params: { searchLike: `%${escapeLike(term)}%` },
  };
  const trigrams = trigramsCovering(term);
  if (trigrams.length === 0) return substring;
  return {
    sql: `rowid IN (SELECT rowid FROM orders_search WHERE orders_search MATCH @searchQuery) AND ${substring.sql}`,
    params: { ...substring.params, searchQuery: trigrams.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ') },
  };
}

/** Trigrams that together cover every character of the term (every third one, and the last); none under 3 characters. */
export function trigramsCovering(term: string): string[] {
  const chars = [...term];
  if (chars.length < 3) return [];
  const starts = new Set<number>();
  for (let start = 0; start + 3 < chars.length; start += 3) starts.add(start);
  starts.add(chars.length - 3);
  return [...starts].map((start) => chars.slice(start, start + 3).join(''));
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Seller Center exports orders' transaction details for 包周期 and 按次 products only (product.md §3.2). */
const EXPORTED_MODES = `('PERIOD', 'ONE_TIME')`;

const ORDER_FIELDS: ExportField[] = [
  textField('订单号', 'o.order_id', 22),
  textField('订单类型', 'o.order_type', 10, 'orderType'),
  textField('订单状态', 'o.status', 10, 'orderStatus'),
  textField('商品类型', 'o.product_type', 14, 'productType'),
  textField('商品名称', 'l.product_name', 28),
  textField('客户名称', 'o.customer_name', 28),
  textField('用户名', 'o.user_name', 14),
  textField('订单行ID', 'l.order_line_id', 28),
  textField('计费模式', 'l.charging_mode', 10, 'chargingMode'),
  textField('SKU', 'l.sku_code', 16),
  integerField('周期数', 'l.period_number', 8),
  textField('周期单位', 'l.period_type', 8, 'periodUnit'),
  amountField('订单金额', 'o.amount_fen'),
  amountField('订单行金额', 'l.amount_fen'),
  dateField('创建时间', 'o.created_at'),
  dateField('支付时间', 'o.paid_at'),
  dateField('到期时间', 'l.expire_at'),
];

/** The filtered orders, as a subquery: the page's conditions name the orders table's own columns. */
function filteredOrders(filters: OrderFilters): Query {
  const { where, params } = joinConditions(ORDER_LIST.conditions(filters));
  return { sql: `(SELECT * FROM orders ${where})`, params };
}

/** 订单列表 exported: one row per 包周期 or 按次 order line, saying how many lines were left out and why. */
export const ORDERS_EXPORT: ExportTable<OrderFilters> = {
  title: '订单列表',
  fields: ORDER_FIELDS,
  rows(filters) {
    const orders = filteredOrders(filters);
    return {
      sql: `SELECT ${ORDER_FIELDS.map((f) => f.sql).join(', ')} FROM ${orders.sql} o JOIN order_lines l ON l.order_id = o.order_id
            WHERE l.charging_mode IN ${EXPORTED_MODES} ORDER BY o.created_at DESC, o.order_id DESC, l.order_line_id`,
      params: orders.params,
    };
  },
  count(db, filters) {
    const orders = filteredOrders(filters);
    return (
      db
        .prepare(`SELECT COUNT(*) AS n FROM ${orders.sql} o JOIN order_lines l ON l.order_id = o.order_id WHERE l.charging_mode IN ${EXPORTED_MODES}`)
        .get(orders.params) as { n: number }
    ).n;
  },
  leftOut(db, filters) {
    const orders = filteredOrders(filters);
    const byMode = db
      .prepare(
        `SELECT l.charging_mode AS reason, COUNT(*) AS rows FROM ${orders.sql} o JOIN order_lines l ON l.order_id = o.order_id WHERE l.charging_mode NOT IN ${EXPORTED_MODES} GROUP BY l.charging_mode`,
      )
      .all(orders.params) as LeftOut[];
    const withoutLines = (
      db
        .prepare(`SELECT COUNT(*) AS n FROM ${orders.sql} o WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.order_id)`)
        .get(orders.params) as { n: number }
    ).n;
    return [...byMode, ...(withoutLines > 0 ? [{ reason: 'NO_CHARGING_MODE' as const, rows: withoutLines }] : [])];
  },
};
