import type { z } from 'zod';
import type { detailFiltersSchema, detailRowSchema } from '../contract/review.contract';
import { between, equals, startsWith, type Condition, type ReviewList } from './keyset';

type DetailFilters = z.infer<typeof detailFiltersSchema>;
type DetailRow = z.infer<typeof detailRowSchema>;

/** 交易明细, newest transaction first. */
export const DETAIL_LIST: ReviewList<DetailFilters, DetailRow> = {
  table: 'transaction_details',
  columns: `detail_id AS detailId, order_id AS orderId, order_line_id AS orderLineId, product_type AS productType, product_name AS productName,
    customer_account AS customerAccount, charging_mode AS chargingMode, billing_period AS billingPeriod, transaction_at AS transactionAt,
    billing_status AS billingStatus, supervision_status AS supervisionStatus, amount_fen AS amountFen, settlement_amount_fen AS settlementAmountFen,
    ops_fee_ratio AS opsFeeRatio`,
  timeColumn: 'transaction_at',
  idColumn: 'detail_id',
  key: (row) => ({ time: row.transactionAt, id: row.detailId }),
  conditions(filters) {
    const conditions: Condition[] = [];
    equals(conditions, 'product_type', filters.productType);
    startsWith(conditions, 'order_id', filters.orderId);
    equals(conditions, 'billing_period', filters.billingPeriod);
    equals(conditions, 'customer_account', filters.customerAccount);
    between(conditions, 'transaction_at', filters.transactionFrom, filters.transactionTo);
    equals(conditions, 'billing_status', filters.billingStatus);
    equals(conditions, 'supervision_status', filters.supervisionStatus);
    return conditions;
  },
};
