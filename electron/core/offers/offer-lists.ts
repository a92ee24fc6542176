import type { z } from 'zod';
import { DAY_MS, offerStateAt, REQUIREMENT_LAPSE_MS, requirementLapsesAt, requirementStateAt, type OfferState, type RequirementState } from '../conventions';
import type { offerFiltersSchema, offerRowSchema, requirementFiltersSchema, requirementRowSchema } from '../contract';
import { amountField, dateField, equals, reviewListExport, textField, type Condition, type ReviewList } from '../lists';

/** A page's filters, the time states are judged at, and (inside the core) one item by id. */
export type RequirementListFilters = z.infer<typeof requirementFiltersSchema> & { now: number; id?: string };
export type OfferListFilters = z.infer<typeof offerFiltersSchema> & { now: number; id?: string };
type RequirementRow = z.infer<typeof requirementRowSchema>;
type OfferRow = z.infer<typeof offerRowSchema>;

/** conventions' requirementStateAt as SQL: 待接收 for more than 5 days reads 已失效. */
const REQUIREMENT_STATE_SQL = `CASE WHEN state = 'to_accept' AND created_at < @now - ${REQUIREMENT_LAPSE_MS} THEN 'lapsed' ELSE state END`;
/** conventions' offerStateAt as SQL: past its validity reads 已过期. */
const OFFER_STATE_SQL = `CASE WHEN state IN ('draft', 'submitted', 'accepted') AND valid_until < @now THEN 'expired' ELSE state END`;
export const LAPSING_SOON_SQL = `(state = 'to_accept' AND created_at >= @now - ${REQUIREMENT_LAPSE_MS} AND created_at <= @now - ${REQUIREMENT_LAPSE_MS - DAY_MS})`;
export const EXPIRING_SOON_SQL = `(state IN ('submitted', 'accepted') AND valid_until >= @now AND valid_until <= @now + ${7 * DAY_MS})`;

/** 客户需求, newest first. */
export const REQUIREMENT_LIST: ReviewList<RequirementListFilters, Omit<RequirementRow, 'lapsesAt'>> = {
  table: 'requirements',
  columns: `requirement_id AS requirementId, provider_name AS providerName, customer_name AS customerName, customer_account AS customerAccount,
    product_id AS productId, product_name AS productName, state, expected_share AS expectedShare, max_share AS maxShare, created_at AS createdAt,
    origin, updated_at AS updatedAt`,
  id: { field: 'requirementId', column: 'requirement_id' },
  sortable: { createdAt: { column: 'created_at' }, updatedAt: { column: 'updated_at' } },
  defaultSort: { field: 'createdAt', direction: 'desc' },
  conditions(filters) {
    const conditions: Condition[] = [];
    if (filters.state) conditions.push({ sql: `${REQUIREMENT_STATE_SQL} = @state`, params: { state: filters.state, now: filters.now } });
    equals(conditions, 'product_id', filters.productId, 'productId');
    equals(conditions, 'requirement_id', filters.id, 'id');
    if (filters.lapsingSoon) conditions.push({ sql: LAPSING_SOON_SQL, params: { now: filters.now } });
    return conditions;
  },
};

/** A stored requirement as of `now`: lapsed after 5 days 待接收, with when it lapses while it can. */
export function requirementAt(row: Omit<RequirementRow, 'lapsesAt'>, now: number): RequirementRow {
  const state = requirementStateAt(row.state as RequirementState, row.createdAt, now);
  return { ...row, state, lapsesAt: state === 'to_accept' ? requirementLapsesAt(row.createdAt) : null };
}

/** 商家优惠 (Private Offer), newest first. */
export const OFFER_LIST: ReviewList<OfferListFilters, OfferRow> = {
  table: 'offers',
  columns: `offer_id AS offerId, name, customer_name AS customerName, customer_account AS customerAccount, product_id AS productId,
    product_name AS productName, sku_code AS skuCode, discount_rate AS discountRate, price_fen AS priceFen, valid_from AS validFrom,
    valid_until AS validUntil, requirement_id AS requirementId, provider_name AS providerName, share, state, reason, origin,
    created_at AS createdAt, updated_at AS updatedAt`,
  id: { field: 'offerId', column: 'offer_id' },
  sortable: { createdAt: { column: 'created_at' }, validUntil: { column: 'valid_until' } },
  defaultSort: { field: 'createdAt', direction: 'desc' },
  conditions(filters) {
    const conditions: Condition[] = [];
    if (filters.state) conditions.push({ sql: `${OFFER_STATE_SQL} = @state`, params: { state: filters.state, now: filters.now } });
    equals(conditions, 'product_id', filters.productId, 'productId');
    equals(conditions, 'offer_id', filters.id, 'id');
    if (filters.fromRequirement !== undefined) conditions.push({ sql: `requirement_id IS ${filters.fromRequirement ? 'NOT ' : ''}NULL`, params: {} });
    if (filters.expiringSoon) conditions.push({ sql: EXPIRING_SOON_SQL, params: { now: filters.now } });
    return conditions;
  },
};

export function offerAt(row: OfferRow, now: number): OfferRow {
  return { ...row, state: offerStateAt(row.state as OfferState, row.validUntil, now) };
}

export const REQUIREMENTS_EXPORT = reviewListExport(REQUIREMENT_LIST, '客户需求', [
  textField('需求编号', 'requirement_id', 14),
  textField('客户服务商', 'provider_name', 28),
  textField('客户名称', 'customer_name', 28),
  textField('客户账号', 'customer_account', 16),
  textField('商品名称', 'product_name', 28),
  textField('状态', REQUIREMENT_STATE_SQL, 10, 'requirementState'),
  textField('期望分成比例', `printf('%.0f%%', expected_share * 100)`, 12),
  textField('最高分成比例', `printf('%.0f%%', max_share * 100)`, 12),
  dateField('创建时间', 'created_at'),
]);

export const OFFERS_EXPORT = reviewListExport(OFFER_LIST, '商家优惠', [
  textField('优惠编号', 'offer_id', 18),
  textField('优惠名称', 'name', 24),
  textField('客户名称', 'customer_name', 28),
  textField('商品名称', 'product_name', 28),
  textField('规格', 'sku_code', 14),
  textField('商务折扣', `CASE WHEN discount_rate IS NULL THEN NULL ELSE printf('%g折', discount_rate * 10) END`, 10),
  amountField('优惠价格(元)', 'price_fen'),
  dateField('生效时间', 'valid_from'),
  dateField('失效时间', 'valid_until'),
  textField('客户服务商', 'provider_name', 28),
  textField('分成比例', `CASE WHEN share IS NULL THEN NULL ELSE printf('%.0f%%', share * 100) END`, 10),
  textField('状态', OFFER_STATE_SQL, 10, 'offerState'),
  textField('原因', 'reason', 28),
]);
