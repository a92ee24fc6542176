import type { z } from 'zod';
import type { detailFiltersSchema, detailRowSchema } from '../contract/review.contract';
import type { SqliteDatabase } from '../db';
import { between, countSql, equals, pageSql, startsWith, type Condition, type PageKey } from './keyset';
import { COUNT_CAP } from './orders';

type DetailFilters = z.infer<typeof detailFiltersSchema>;
type DetailRow = z.infer<typeof detailRowSchema>;

const COLUMNS = `detail_id AS detailId, order_id AS orderId, order_line_id AS orderLineId, product_type AS productType, product_name AS productName,
  customer_account AS customerAccount, charging_mode AS chargingMode, billing_period AS billingPeriod, transaction_at AS transactionAt,
  billing_status AS billingStatus, supervision_status AS supervisionStatus, amount_fen AS amountFen, settlement_amount_fen AS settlementAmountFen,
  ops_fee_ratio AS opsFeeRatio`;

export function detailsPage(db: SqliteDatabase, filters: DetailFilters, limit: number, after: PageKey | null, offset: number) {
  const { sql, params } = pageSql({ table: 'transaction_details', columns: COLUMNS, timeColumn: 'transaction_at', idColumn: 'detail_id', conditions: detailConditions(filters), limit, after, offset });
  const rows = db.prepare(sql).all(params) as DetailRow[];
  const last = rows.at(-1);
  return { rows, next: rows.length === limit && last ? { time: last.transactionAt, id: last.detailId } : null };
}

export function detailsCount(db: SqliteDatabase, filters: DetailFilters) {
  const { sql, params } = countSql('transaction_details', detailConditions(filters), COUNT_CAP);
  const n = (db.prepare(sql).get(params) as { n: number }).n;
  return { count: Math.min(n, COUNT_CAP), exact: n <= COUNT_CAP };
}

function detailConditions(filters: DetailFilters): Condition[] {
  const conditions: Condition[] = [];
  equals(conditions, 'product_type', filters.productType);
  startsWith(conditions, 'order_id', filters.orderId);
  equals(conditions, 'billing_period', filters.billingPeriod);
  equals(conditions, 'customer_account', filters.customerAccount);
  between(conditions, 'transaction_at', filters.transactionFrom, filters.transactionTo);
  equals(conditions, 'billing_status', filters.billingStatus);
  equals(conditions, 'supervision_status', filters.supervisionStatus);
  return conditions;
}
