import type { z } from 'zod';
import { voucherStateAt } from '../conventions';
import type { voucherFiltersSchema, voucherRowSchema } from '../contract';
import { amountField, dateField, equals, reviewListExport, textField, type Condition, type ReviewList } from '../lists';

const WEEK_MS = 7 * 86_400_000;
/** A page's filters, the time states are judged at, and (inside the core) one voucher by id. */
export type VoucherListFilters = z.infer<typeof voucherFiltersSchema> & { now: number; id?: string };
type VoucherRow = z.infer<typeof voucherRowSchema>;

/** conventions' voucherStateAt as SQL. */
const VOUCHER_STATE_SQL = `CASE WHEN stopped_at IS NOT NULL AND stopped_at <= @now THEN 'stopped' WHEN @now < valid_from THEN 'not_started'
  WHEN @now < valid_until THEN 'active' ELSE 'ended' END`;
/** Submitted or published, not stopped, starting or ending within 7 days. */
export const THIS_WEEK_SQL = `(submission IN ('submitted', 'published') AND stopped_at IS NULL
  AND ((valid_from >= @now AND valid_from <= @now + ${WEEK_MS}) OR (valid_until >= @now AND valid_until <= @now + ${WEEK_MS})))`;
const SCOPE_SQL = `(SELECT json_group_array(json_object('productId', s.product_id, 'productName', p.name, 'skuCode', NULLIF(s.sku_code, '')))
  FROM voucher_scopes s LEFT JOIN products p ON p.product_id = s.product_id WHERE s.voucher_id = vouchers.voucher_id)`;

/** 代金券, most recently changed first. */
export const VOUCHER_LIST: ReviewList<VoucherListFilters, Omit<VoucherRow, 'state'>> = {
  table: 'vouchers',
  columns: `voucher_id AS voucherId, name, voucher_type AS voucherType, threshold_fen AS thresholdFen, discount_fen AS discountFen, category,
    ${SCOPE_SQL} AS scope, valid_from AS validFrom, valid_until AS validUntil, stopped_at AS stoppedAt, submission, reason, origin, updated_at AS updatedAt`,
  id: { field: 'voucherId', column: 'voucher_id' },
  sortable: { validFrom: { column: 'valid_from' }, updatedAt: { column: 'updated_at' } },
  defaultSort: { field: 'updatedAt', direction: 'desc' },
  fromDb: (row) => ({ ...row, scope: JSON.parse(row.scope as string) }) as Omit<VoucherRow, 'state'>,
  conditions(filters) {
    const conditions: Condition[] = [];
    if (filters.state) conditions.push({ sql: `${VOUCHER_STATE_SQL} = @state`, params: { state: filters.state, now: filters.now } });
    equals(conditions, 'submission', filters.submission, 'submission');
    equals(conditions, 'category', filters.category, 'category');
    equals(conditions, 'voucher_id', filters.id, 'id');
    if (filters.thisWeek) conditions.push({ sql: THIS_WEEK_SQL, params: { now: filters.now } });
    return conditions;
  },
};

export function voucherAt(row: Omit<VoucherRow, 'state'>, now: number): VoucherRow {
  return { ...row, state: voucherStateAt(row.validFrom, row.validUntil, row.stoppedAt, now) };
}

export const VOUCHERS_EXPORT = reviewListExport(VOUCHER_LIST, '代金券', [
  textField('代金券编号', 'voucher_id', 16),
  textField('代金券名称', 'name', 24),
  textField('类型', 'voucher_type', 10, 'voucherType'),
  amountField('使用门槛(元)', 'threshold_fen'),
  amountField('减免金额(元)', 'discount_fen'),
  textField('商品类别', 'category', 12, 'productType'),
  textField(
    '适用商品',
    `(SELECT group_concat(COALESCE(p.name, s.product_id) || CASE s.sku_code WHEN '' THEN '' ELSE '（' || s.sku_code || '）' END, '、')
    FROM voucher_scopes s LEFT JOIN products p ON p.product_id = s.product_id WHERE s.voucher_id = vouchers.voucher_id)`,
    40,
  ),
  dateField('生效时间', 'valid_from'),
  dateField('失效时间', 'valid_until'),
  textField('状态', VOUCHER_STATE_SQL, 10, 'voucherState'),
  textField('审核状态', 'submission', 10, 'voucherSubmission'),
  textField('原因', 'reason', 28),
]);
