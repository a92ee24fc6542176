import {
  AGENTS_PRODUCT_TYPE,
  AGENTS_REGION,
  AGENTS_REGION_RULE,
  backendUrlProblem,
  OFFER_PRODUCT_TYPE,
  offerStateAt,
  REQUIREMENT_NEXT,
  requirementLapsesAt,
  requirementStateAt,
  shareProblem,
  VOCABULARY,
  VOUCHER_TYPES,
  voucherAmountProblem,
  voucherPeriodProblem,
  voucherStateAt,
  type RequirementState,
  type VoucherCategory,
} from '../core/conventions';
import type { CustomerRequirement, Offer, PlanningItem, PlanningYear, SandboxDataset, SandboxProduct, Voucher, VoucherScope } from './generator';
import { ActionLog, ChangedItems, type ActionReceived } from './seller-actions';

/**
 * 销售管理 in the sandbox — a documented extension (KooGallery publishes no API for 客户需求, Private
 * Offer, 代金券, 商业规划 or 注册Agents; the real Seller Center is used by hand). The rules are the shared ones
 * (core/conventions/sales-tools.ts); this file applies them to the sandbox's items, and adds the
 * sandbox's own approval rules (Huawei Cloud's review is not published).
 */

/** Sandbox rule: Huawei Cloud rejects an offer below 3折 (a discount_rate under 0.3). */
export const OFFER_MIN_DISCOUNT_RATE = 0.3;
export const OFFER_LOW_DISCOUNT_REASON = '折扣低于3折，需华为审批';
/** Sandbox rule: Huawei Cloud rejects a business plan whose three GMVs are all 0. */
export const PLANNING_ZERO_GMV_REASON = 'GMV均为0，请补充商业规划依据';
/** Seller Center's words when a voucher type other than 满减 is chosen. */
export const VOUCHER_TYPE_MESSAGE = '云商店当前仅支持满减券';

export const SALES_KINDS = ['requirement', 'offer', 'voucher', 'plan', 'agents'] as const;
export type SalesKind = (typeof SALES_KINDS)[number];
export const REQUIREMENT_ACTIONS = ['accept', 'convert'] as const;
export type RequirementAction = (typeof REQUIREMENT_ACTIONS)[number];
export type SalesAction = RequirementAction | 'create' | 'withdraw' | 'stop' | 'submit' | 'register';

/** A request a 销售管理 endpoint took (a repeated action_id: `duplicate`). */
export interface SalesActionReceived extends ActionReceived {
  kind: SalesKind;
  /** The requirement, offer or voucher; for a 商业规划 submission the plans' product IDs, comma-separated. */
  item_id: string;
  action: SalesAction;
}

export interface SalesRefusal {
  reason: string;
  message: string;
  /** More of extra_info: the item, product or year concerned. */
  extra?: Record<string, unknown>;
}

/** An offer as the seller submits it (the list item without the fields the marketplace sets). */
export type OfferSent = Omit<Offer, 'product_name' | 'provider_name' | 'status' | 'reason' | 'created_at' | 'updated_at'>;
export type VoucherSent = Omit<Voucher, 'voucher_type' | 'stopped_at' | 'status' | 'reason' | 'updated_at'> & { voucher_type: string };
/** A backend registered with the Agents gateway, as the seller submits it. */
export interface AgentsRegistrationSent {
  registration_id: string;
  product_id: string | null;
  product_name: string;
  backend_url: string;
  auth_mode: string;
  region: string;
}

/** A registration the sandbox took: registered at once (Huawei Cloud's own review is not published). */
export interface AgentsRegistration extends AgentsRegistrationSent {
  status: 'registered';
  registered_at: number;
}

export interface PlanSent {
  product_id: string;
  years: { year: number; gmv_fen?: number | null | undefined; projects?: number | null | undefined }[];
}

/** The 销售管理 items of one sandbox run: generated, changed by seller actions, answered later. */
export class SalesTools {
  /** Requests the 销售管理 endpoints took, duplicates included, with the first answer to each action_id. */
  readonly actions = new ActionLog<SalesActionReceived>();
  readonly requirements: ChangedItems<CustomerRequirement>;
  readonly offers: ChangedItems<Offer>;
  readonly vouchers: ChangedItems<Voucher>;
  readonly planning: ChangedItems<PlanningItem>;
  /** 注册Agents registrations this run took, by registration_id. */
  readonly agents = new Map<string, AgentsRegistration>();
  readonly products: ReadonlyMap<string, SandboxProduct>;

  constructor(dataset: SandboxDataset) {
    this.products = new Map(dataset.products.map((product) => [product.product_id, product]));
    // a requirement still 待接收 lapses (已失效) as soon as it is more than 5 days old
    this.requirements = new ChangedItems(
      () => dataset.requirements,
      (r) => r.requirement_id,
      ({ item }, now) => ({ item: { ...item, status: requirementStateAt(item.status, item.created_at, now), updated_at: now }, answerAt: null }),
    );
    for (const item of dataset.requirements) {
      if (item.status === 'to_accept') this.requirements.set({ item, answerAt: requirementLapsesAt(item.created_at) + 1 });
    }
    this.offers = new ChangedItems(
      () => dataset.offers,
      (o) => o.offer_id,
      ({ item }, now) => ({ item: answerOffer(item, now), answerAt: null }),
    );
    this.vouchers = new ChangedItems(
      () => dataset.vouchers,
      (v) => v.voucher_id,
      ({ item }, now) => ({ item: { ...item, status: 'published', updated_at: now }, answerAt: null }),
    );
    this.planning = new ChangedItems(
      () => dataset.planning,
      (p) => p.product_id,
      ({ item }, now) => ({ item: answerPlan(item, now), answerAt: null }),
    );
  }
}

// ── 客户需求 ────────────────────────────────────────────────────────────────────────────────

const ACTION_TARGET: Record<RequirementAction, RequirementState> = { accept: 'accepted', convert: 'converting' };

/** 接收 only from 待接收 (not lapsed), 转化 only from 已接收 (REQUIREMENT_NEXT); or why not. */
export function requirementRefusal(requirement: CustomerRequirement, action: RequirementAction, now: number): SalesRefusal | null {
  const state = requirementStateAt(requirement.status, requirement.created_at, now);
  const target = ACTION_TARGET[action];
  if (REQUIREMENT_NEXT[state] === target) return null;
  const id = requirement.requirement_id;
  if (state === 'lapsed') return { reason: 'lapsed', message: `需求已失效: requirement ${id} was not accepted within 5 days of being raised` };
  const from = Object.keys(REQUIREMENT_NEXT).find((key) => REQUIREMENT_NEXT[key as RequirementState] === target);
  return { reason: 'wrong_state', message: `requirement ${id} is ${state}; ${action} is taken at ${from}` };
}

export function moveRequirement(requirement: CustomerRequirement, action: RequirementAction, now: number): CustomerRequirement {
  return { ...requirement, status: ACTION_TARGET[action], updated_at: now };
}

// ── Private Offer ───────────────────────────────────────────────────────────────────────────

/**
 * Why a new offer is refused: only on 联营 products, a specification of that product, a valid period;
 * from a requirement only while it is 需求转化中, on its product, with a share within its maximum.
 */
export function offerRefusal(offer: OfferSent, product: SandboxProduct, requirement: CustomerRequirement | null, now: number): SalesRefusal | null {
  if (product.product_type !== OFFER_PRODUCT_TYPE) {
    return {
      reason: 'not_joint_operation',
      message: `Private Offer仅限联营商品可以创建: ${product.name} 是${VOCABULARY.productType[product.product_type].zh}`,
      extra: { product_id: product.product_id, product_type: product.product_type },
    };
  }
  const sku = skuRefusal(product, offer.sku_code);
  if (sku) return sku;
  if (offer.valid_from >= offer.valid_until) return { reason: 'period_order', message: 'valid_from must be before valid_until' };
  if (!requirement) return null;
  const state = requirementStateAt(requirement.status, requirement.created_at, now);
  const id = requirement.requirement_id;
  if (state !== 'converting') {
    return { reason: 'wrong_state', message: `requirement ${id} is ${state}; an offer is created from a converting requirement`, extra: { requirement } };
  }
  if (requirement.product_id !== offer.product_id) {
    return {
      reason: 'product_mismatch',
      message: `requirement ${id} is for ${requirement.product_name} (${requirement.product_id}), not ${product.name} (${product.product_id})`,
      extra: { requirement },
    };
  }
  const problem = shareProblem(offer.share!, requirement.max_share);
  if (problem === 'shareAboveMaximum') {
    return {
      reason: 'share_above_maximum',
      message: `分成比例超过上限: share ${offer.share} is above the requirement's maximum ${requirement.max_share}`,
      extra: { requirement },
    };
  }
  if (problem === 'shareRange') return { reason: 'share_range', message: `share ${offer.share} must be between 0 and 1`, extra: { requirement } };
  return null;
}

/** A new offer, waiting for Huawei Cloud; from a requirement it names the requirement's provider. */
export function newOffer(offer: OfferSent, product: SandboxProduct, requirement: CustomerRequirement | null, now: number): Offer {
  return {
    offer_id: offer.offer_id,
    name: offer.name,
    customer_name: offer.customer_name,
    customer_account: offer.customer_account,
    product_id: product.product_id,
    product_name: product.name,
    sku_code: offer.sku_code,
    discount_rate: offer.discount_rate,
    price_fen: offer.price_fen,
    valid_from: offer.valid_from,
    valid_until: offer.valid_until,
    requirement_id: requirement?.requirement_id ?? null,
    provider_name: requirement?.provider_name ?? null,
    share: requirement ? offer.share : null,
    status: 'submitted',
    reason: null,
    created_at: now,
    updated_at: now,
  };
}

/** Huawei Cloud's answer (sandbox rule): accepted, unless the discount is below 3折. */
function answerOffer(offer: Offer, now: number): Offer {
  if (offer.status !== 'submitted') return offer;
  const tooLow = offer.discount_rate !== null && offer.discount_rate < OFFER_MIN_DISCOUNT_RATE;
  return { ...offer, status: tooLow ? 'rejected' : 'accepted', reason: tooLow ? OFFER_LOW_DISCOUNT_REASON : null, updated_at: now };
}

/** 撤回 only a submitted or accepted offer still within its validity. */
export function withdrawRefusal(offer: Offer, now: number): SalesRefusal | null {
  const state = offerStateAt(offer.status, offer.valid_until, now);
  if (state === 'submitted' || state === 'accepted') return null;
  return { reason: 'wrong_state', message: `offer ${offer.offer_id} is ${state}; only a submitted or accepted offer can be withdrawn` };
}

// ── 代金券 ───────────────────────────────────────────────────────────────────────────────────

/** Why a new voucher is refused: 满减 only, the amounts, the period, and every scoped product and SKU. */
export function voucherRefusal(voucher: VoucherSent, products: ReadonlyMap<string, SandboxProduct>, now: number): SalesRefusal | null {
  if (!(VOUCHER_TYPES as readonly string[]).includes(voucher.voucher_type)) return { reason: 'voucher_type', message: VOUCHER_TYPE_MESSAGE };
  const amount = voucherAmountProblem(voucher.threshold_fen, voucher.discount_fen);
  if (amount === 'discountPositive') return { reason: 'discount_positive', message: `减免金额须大于0: discount_fen ${voucher.discount_fen}` };
  if (amount === 'discountBelowThreshold') {
    return {
      reason: 'discount_below_threshold',
      message: `减免金额须小于使用门槛: discount_fen ${voucher.discount_fen} is not below threshold_fen ${voucher.threshold_fen}`,
    };
  }
  const period = voucherPeriodProblem(voucher.valid_from, voucher.valid_until, now);
  if (period === 'periodOrder') return { reason: 'period_order', message: '生效时间须早于失效时间: valid_from must be before valid_until' };
  if (period === 'startInPast') return { reason: 'start_in_past', message: '生效时间不能早于当前时间: valid_from is in the past' };
  for (const scope of voucher.scope) {
    const problem = scopeRefusal(products.get(scope.product_id)!, scope, voucher.category);
    if (problem) return problem;
  }
  return null;
}

function scopeRefusal(product: SandboxProduct, scope: VoucherScope, category: VoucherCategory): SalesRefusal | null {
  const extra = { product_id: product.product_id };
  if (product.product_type !== category) {
    const words = VOCABULARY.productType;
    return {
      reason: 'product_not_in_category',
      message: `商品不属于所选类别: ${product.name} (${product.product_id}) 是${words[product.product_type].zh}，不是${words[category].zh}`,
      extra,
    };
  }
  if (product.status !== 'on_sale') return { reason: 'product_not_on_sale', message: `商品未上架: ${product.name} (${product.product_id})`, extra };
  return skuRefusal(product, scope.sku_code);
}

function skuRefusal(product: SandboxProduct, skuCode: string | null): SalesRefusal | null {
  if (skuCode === null || product.skus.some((sku) => sku.sku_code === skuCode)) return null;
  return {
    reason: 'sku_not_in_product',
    message: `规格不属于该商品: SKU ${skuCode} is not a specification of ${product.name} (${product.product_id})`,
    extra: { product_id: product.product_id, sku_code: skuCode },
  };
}

export function newVoucher(voucher: VoucherSent, now: number): Voucher {
  return {
    voucher_id: voucher.voucher_id,
    name: voucher.name,
    voucher_type: 'full_reduction',
    threshold_fen: voucher.threshold_fen,
    discount_fen: voucher.discount_fen,
    category: voucher.category,
    scope: voucher.scope.map((s) => ({ product_id: s.product_id, sku_code: s.sku_code })),
    valid_from: voucher.valid_from,
    valid_until: voucher.valid_until,
    stopped_at: null,
    status: 'submitted',
    reason: null,
    updated_at: now,
  };
}

/** 停止 only a published voucher that has not ended or been stopped. */
export function stopRefusal(voucher: Voucher, now: number): SalesRefusal | null {
  const id = voucher.voucher_id;
  if (voucher.status !== 'published') return { reason: 'wrong_state', message: `voucher ${id} is ${voucher.status}; only a published voucher can be stopped` };
  const state = voucherStateAt(voucher.valid_from, voucher.valid_until, voucher.stopped_at, now);
  if (state === 'stopped') return { reason: 'stopped', message: `代金券已停止: voucher ${id} was stopped` };
  if (state === 'ended') return { reason: 'ended', message: `代金券已结束: voucher ${id} ended` };
  return null;
}

// ── 商业规划 ─────────────────────────────────────────────────────────────────────────────────

/**
 * Why a 商业规划 submission is refused (all or nothing): every product in the planning list once,
 * exactly the three planning years, a GMV and a project count (integers ≥ 0) for each.
 */
export function planningRefusal(plans: readonly PlanSent[], items: ReadonlyMap<string, PlanningItem>, years: readonly number[]): SalesRefusal | null {
  const seen = new Set<string>();
  for (const plan of plans) {
    const item = items.get(plan.product_id);
    const at = (year: number | null, extra: Record<string, unknown> = {}) => ({ product_id: plan.product_id, year, ...extra });
    if (!item) return { reason: 'not_in_planning', message: `商品不在商业规划列表中: ${plan.product_id}`, extra: at(null) };
    const name = `${item.product_name} (${item.product_id})`;
    if (seen.has(plan.product_id)) return { reason: 'duplicate_product', message: `${name}: 同一商品只能提交一次`, extra: at(null) };
    seen.add(plan.product_id);
    const sent = plan.years.map((y) => y.year);
    const missing = years.find((year) => !sent.includes(year));
    if (missing !== undefined) return { reason: 'wrong_years', message: `${name}: 缺少${missing}年的规划`, extra: at(missing) };
    const extraYear = sent.find((year, k) => !years.includes(year) || sent.indexOf(year) !== k);
    if (extraYear !== undefined) return { reason: 'wrong_years', message: `${name}: ${extraYear}年不在规划年份内或重复`, extra: at(extraYear) };
    for (const year of plan.years) {
      for (const [field, label] of [
        ['gmv_fen', 'GMV'],
        ['projects', '项目数'],
      ] as const) {
        const value = year[field];
        if (value === null || value === undefined) {
          return { reason: 'missing_value', message: `${name}: ${year.year}年的${label}未填写`, extra: at(year.year, { field }) };
        }
        if (!Number.isInteger(value) || value < 0) {
          return { reason: 'invalid_value', message: `${name}: ${year.year}年的${label}须为不小于0的整数`, extra: at(year.year, { field }) };
        }
      }
    }
  }
  return null;
}

/** The plan submitted: 待审批 from `now`, its years in order. */
export function submittedPlan(item: PlanningItem, plan: PlanSent, now: number): PlanningItem {
  const years: PlanningYear[] = [...plan.years]
    .sort((a, b) => a.year - b.year)
    .map((y) => ({ year: y.year, gmv_fen: y.gmv_fen ?? null, projects: y.projects ?? null }));
  return { ...item, years, approval: 'pending_approval', reason: null, submitted_at: now, updated_at: now };
}

/** Huawei Cloud's answer (sandbox rule): approved, unless the three GMVs are all 0. */
function answerPlan(item: PlanningItem, now: number): PlanningItem {
  if (item.approval !== 'pending_approval') return item;
  const zero = item.years.every((y) => y.gmv_fen === 0);
  return { ...item, approval: zero ? 'rejected' : 'approved', reason: zero ? PLANNING_ZERO_GMV_REASON : null, updated_at: now };
}

// ── 注册Agents ──────────────────────────────────────────────────────────────────────────────

/** The gateway's rules (华北-北京四 only, 通用商品 only, an http(s) backend) applied to a registration; or why not. */
export function agentsRefusal(registration: AgentsRegistrationSent, products: ReadonlyMap<string, SandboxProduct>): SalesRefusal | null {
  if (registration.region !== AGENTS_REGION) return { reason: 'region_not_supported', message: AGENTS_REGION_RULE, extra: { region: registration.region } };
  if (backendUrlProblem(registration.backend_url)) {
    return {
      reason: 'invalid_backend_url',
      message: `后端服务地址不是http(s)地址: ${registration.backend_url}`,
      extra: { backend_url: registration.backend_url },
    };
  }
  const product = registration.product_id === null ? null : products.get(registration.product_id);
  if (product && product.product_type !== AGENTS_PRODUCT_TYPE) {
    return { reason: 'not_general_product', message: 'Agents网关仅支持通用商品', extra: { product_id: product.product_id } };
  }
  return null;
}
