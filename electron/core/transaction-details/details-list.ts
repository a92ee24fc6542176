import type { z } from 'zod';
import type { detailFiltersSchema, detailRowSchema } from '../contract';
import { BEIJING_OFFSET_MS, DAY_MS } from '../conventions';
import {
  amountField,
  between,
  dateField,
  equals,
  joinConditions,
  reviewListExport,
  startsWith,
  textField,
  type Condition,
  type KeptTotals,
  type ReviewList,
} from '../lists';

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
  keptTotals,
};

/** Migration 010's triggers, which keep the day and month totals with every write to the table. */
const TOTALS_TRIGGERS = ['detail_totals_insert', 'detail_totals_update', 'detail_totals_delete'];

/**
 * The totals migration 010 keeps (transactions and amounts per Beijing day and month × product ×
 * 出账状态), for filters they answer exactly: product type, 出账状态, and times from and to Beijing
 * midnights. A tab's COUNT(*) walks its index (about 90 ms for 通用商品's 460,000 of 1,000,000 rows,
 * the first time) and its 合计 reads every row (about 400 ms); its month totals take under a
 * millisecond. A bulk load sets the triggers aside, and the totals lag the rows until it ends.
 */
function keptTotals(filters: DetailFilters): KeptTotals | null {
  const { productType, billingStatus, transactionFrom, transactionTo, ...others } = filters;
  if (Object.values(others).some(isSet)) return null;
  const fromDay = transactionFrom === undefined ? undefined : beijingDayStartingAt(transactionFrom);
  const toDay = transactionTo === undefined ? undefined : beijingDayStartingAt(transactionTo);
  if (fromDay === null || toDay === null) return null;
  const conditions: Condition[] = [];
  equals(conditions, 'product_type', productType);
  equals(conditions, 'billing_status', billingStatus);
  between(conditions, 'key', fromDay, toDay);
  const { where, params } = joinConditions(conditions);
  const table = fromDay === undefined && toDay === undefined ? 'detail_month_totals' : 'detail_day_totals';
  const triggers = TOTALS_TRIGGERS.map((name) => `'${name}'`).join(', ');
  return {
    from: `FROM ${table} ${where}`,
    params,
    rows: 'transactions',
    kept: `(SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name IN (${triggers})) = ${TOTALS_TRIGGERS.length}`,
  };
}

const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';

/** The day totals' key of the Beijing day starting at `instant`; null when it is not a Beijing midnight. */
function beijingDayStartingAt(instant: number): number | null {
  const shifted = instant + BEIJING_OFFSET_MS;
  // the key is SQLite's integer division, which rounds toward zero: it numbers days as this does after 1970 only
  return shifted > 0 && shifted % DAY_MS === 0 ? shifted / DAY_MS : null;
}

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
