import type { z } from 'zod';
import type { billFiltersSchema, billRowSchema } from '../contract';
import { amountField, dateField, equals, reviewListExport, textField, type Condition, type ReviewList } from '../lists';

type BillFilters = z.infer<typeof billFiltersSchema>;
type BillRow = z.infer<typeof billRowSchema>;

/** 账单管理: bills imported from Seller Center, newest billing period first. */
export const BILL_LIST: ReviewList<BillFilters, BillRow> = {
  table: 'bills',
  columns: `bill_id AS billId, billing_period AS billingPeriod, period_start AS periodStart, product_type AS productType, amount_fen AS amountFen,
    settlement_amount_fen AS settlementAmountFen, status, generated_at AS generatedAt`,
  id: { field: 'billId', column: 'bill_id' },
  sortable: { periodStart: { column: 'period_start' }, amountFen: { column: 'amount_fen' } },
  defaultSort: { field: 'periodStart', direction: 'desc' },
  conditions(filters) {
    const conditions: Condition[] = [];
    equals(conditions, 'product_type', filters.productType);
    equals(conditions, 'billing_period', filters.billingPeriod);
    equals(conditions, 'status', filters.status);
    return conditions;
  },
};

export const BILLS_EXPORT = reviewListExport(BILL_LIST, '账单', [
  textField('账单编号', 'bill_id', 20),
  textField('账期', 'billing_period', 9),
  textField('商品类型', 'product_type', 14, 'productType'),
  amountField('账单金额', 'amount_fen'),
  amountField('结算金额', 'settlement_amount_fen'),
  textField('账单状态', 'status', 14),
  dateField('出账时间', 'generated_at'),
]);
