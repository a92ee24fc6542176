import type { z } from 'zod';
import { CoreError } from '../contract/errors';
import type { orderFiltersSchema, orderLineSchema, orderRowSchema } from '../contract/review.contract';
import type { SqliteDatabase } from '../db';
import { between, equals, startsWith, type Condition, type ReviewList } from './keyset';

type OrderFilters = z.infer<typeof orderFiltersSchema>;
type OrderRow = z.infer<typeof orderRowSchema>;
type OrderLine = z.infer<typeof orderLineSchema>;

const COLUMNS = `order_id AS orderId, order_type AS orderType, status, product_type AS productType, product_name AS productName,
  customer_name AS customerName, user_name AS userName, amount_fen AS amountFen, created_at AS createdAt, paid_at AS paidAt`;

/** 订单列表, newest order first. */
export const ORDER_LIST: ReviewList<OrderFilters, OrderRow> = {
  table: 'orders',
  columns: COLUMNS,
  timeColumn: 'created_at',
  idColumn: 'order_id',
  key: (row) => ({ time: row.createdAt, id: row.orderId }),
  conditions: orderConditions,
};

export function orderWithLines(db: SqliteDatabase, orderId: string): { order: OrderRow; lines: OrderLine[] } {
  const order = db.prepare(`SELECT ${COLUMNS} FROM orders WHERE order_id = ?`).get(orderId) as OrderRow | undefined;
  if (!order) throw new CoreError('NOT_FOUND', `Order ${orderId} is not in the local cache`);
  const lines = db
    .prepare(
      `SELECT order_line_id AS orderLineId, product_id AS productId, product_name AS productName, sku_code AS skuCode, charging_mode AS chargingMode,
         period_type AS periodType, period_number AS periodNumber, instance_id AS instanceId, expire_at AS expireAt, amount_fen AS amountFen
       FROM order_lines WHERE order_id = ? ORDER BY order_line_id`,
    )
    .all(orderId) as OrderLine[];
  return { order, lines };
}

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
 * Chinese substring search: the trigram index for 3+ characters; shorter terms scan the names with
 * LIKE (two characters are too short for trigrams).
 */
function searchCondition(term: string): Condition {
  if ([...term].length >= 3) {
    return { sql: `rowid IN (SELECT rowid FROM orders_search WHERE orders_search MATCH @searchQuery)`, params: { searchQuery: `"${term.replace(/"/g, '""')}"` } };
  }
  return {
    sql: `(order_id LIKE @searchLike ESCAPE '\\' OR customer_name LIKE @searchLike ESCAPE '\\' OR user_name LIKE @searchLike ESCAPE '\\' OR product_name LIKE @searchLike ESCAPE '\\')`,
    params: { searchLike: `%${escapeLike(term)}%` },
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
