import type { z } from 'zod';
import type { billFiltersSchema, billRowSchema } from '../contract/review.contract';
import { equals, type Condition, type ReviewList } from './keyset';

type BillFilters = z.infer<typeof billFiltersSchema>;
type BillRow = z.infer<typeof billRowSchema>;

/** 账单管理: bills imported from Seller Center, newest billing period first. */
export const BILL_LIST: ReviewList<BillFilters, BillRow> = {
  table: 'bills',
  columns: `bill_id AS billId, billing_period AS billingPeriod, period_start AS periodStart, product_type AS productType, amount_fen AS amountFen,
    settlement_amount_fen AS settlementAmountFen, status, generated_at AS generatedAt`,
  timeColumn: 'period_start',
  idColumn: 'bill_id',
  key: (row) => ({ time: row.periodStart, id: row.billId }),
  conditions(filters) {
    const conditions: Condition[] = [];
    equals(conditions, 'product_type', filters.productType);
    equals(conditions, 'billing_period', filters.billingPeriod);
    equals(conditions, 'status', filters.status);
    return conditions;
  },
};
