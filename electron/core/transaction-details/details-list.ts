import type { z } from 'zod';
import type { detailFiltersSchema, detailRowSchema } from '../contract';
import { amountField, between, dateField, equals, reviewListExport, startsWith, textField, type Condition, type ReviewList } from '../lists';

type DetailFilters = z.infer<typeof detailFiltersSchema>;
type DetailRow = z.infer<typeof detailRowSchema>;

/** 交易明细, newest transaction first. */
export const DETAIL_LIST: ReviewList<DetailFilters, DetailRow> = {
  table: 'transaction_details',
  columns: `detail_id AS detailId, order_id AS orderId, order_line_id AS orderLineId, product_type AS productType, product_name AS productName,
    customer_account AS customerAccount, charging_mode AS chargingMode, billing_period AS billingPeriod, transaction_at AS transactionAt,
    billing_status AS billingStatus, supervision_status AS supervisionStatus, amount_fen AS amountFen, settlement_amount_fen AS settlementAmountFen,
    ops_fee_ratio AS opsFeeRatio`,
  id: { field: 'detailId', column: 'detail_id' },
  sortable: { transactionAt: { column: 'transaction_at' }, amountFen: { column: 'amount_fen' } },
  defaultSort: { field: 'transactionAt', direction: 'desc' },
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

export const DETAILS_EXPORT = reviewListExport(DETAIL_LIST, '交易明细', [
  textField('订单号', 'order_id', 22),
  textField('订单行ID', 'order_line_id', 28),
  textField('交易明细ID', 'detail_id', 20),
  textField('商品类型', 'product_type', 14, 'productType'),
  textField('商品名称', 'product_name', 28),
  textField('客户账号', 'customer_account', 16),
  textField('计费模式', 'charging_mode', 10, 'chargingMode'),
  textField('账期', 'billing_period', 9),
  dateField('交易时间', 'transaction_at'),
  textField('出账状态', 'billing_status', 9, 'billingStatus'),
  textField('服务监管状态', 'supervision_status', 12),
  amountField('交易金额', 'amount_fen'),
  amountField('结算金额', 'settlement_amount_fen'),
  amountField('运营管理费', 'amount_fen - settlement_amount_fen'),
  textField('运营管理费比例', 'ops_fee_ratio', 12),
]);
