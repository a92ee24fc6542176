/**
 * 销售管理's rules (product.md §3.7–3.9, the seed's words quoted): 客户需求 and Private Offer, 代金券,
 * 商业规划. The core, the sandbox and the pages read them here, so a rule is written once.
 */
import { beijingParts, DAY_MS } from './beijing-time';

// ── 客户需求 / Private Offer ────────────────────────────────────────────────────────────────

/** 待接收 → 接收 → 需求转化中 → offer created; 已失效 when not accepted within 5 days. */
export const REQUIREMENT_STATES = ['to_accept', 'accepted', 'converting', 'offer_created', 'lapsed'] as const;
export type RequirementState = (typeof REQUIREMENT_STATES)[number];

/** "Requirements not accepted within 5 days lapse" (product.md §3.7). */
export const REQUIREMENT_LAPSE_MS = 5 * DAY_MS;

/** When a requirement still 待接收 lapses. */
export function requirementLapsesAt(createdAt: number): number {
  return createdAt + REQUIREMENT_LAPSE_MS;
}

/** The state a requirement is in at `now`: one still 待接收 more than 5 days after it was raised has lapsed. */
export function requirementStateAt(state: RequirementState, createdAt: number, now: number): RequirementState {
  return state === 'to_accept' && now > requirementLapsesAt(createdAt) ? 'lapsed' : state;
}

/** The requirement's next state when the seller moves it on (接收, 转化), or null when it cannot move. */
export const REQUIREMENT_NEXT: Partial<Record<RequirementState, RequirementState>> = { to_accept: 'accepted', accepted: 'converting' };

/** A share is a fraction of 1 (0.15 = 15 %). */
export function shareProblem(expected: number, maximum: number): 'shareAboveMaximum' | 'shareRange' | null {
  if (!Number.isFinite(expected) || expected < 0 || expected > 1) return 'shareRange';
  return expected > maximum ? 'shareAboveMaximum' : null;
}

/** "Private Offer仅限联营商品可以创建". */
export const OFFER_PRODUCT_TYPE = 'joint_operation';

export const OFFER_STATES = ['draft', 'submitted', 'accepted', 'rejected', 'expired', 'withdrawn'] as const;
export type OfferState = (typeof OFFER_STATES)[number];

/** An offer past its validity is 已过期 whatever it was (a draft, submitted or accepted one). */
export function offerStateAt(state: OfferState, validUntil: number, now: number): OfferState {
  return (state === 'submitted' || state === 'accepted' || state === 'draft') && now > validUntil ? 'expired' : state;
}

// ── 代金券 ───────────────────────────────────────────────────────────────────────────────────

/** "当前云商店所支持的代金券类型为满减券". */
export const VOUCHER_TYPES = ['full_reduction'] as const;
export const VOUCHER_CATEGORIES = ['general', 'joint_operation'] as const;
export type VoucherCategory = (typeof VOUCHER_CATEGORIES)[number];
export const VOUCHER_STATES = ['not_started', 'active', 'ended', 'stopped'] as const;
export type VoucherState = (typeof VOUCHER_STATES)[number];

/** Why a 满减 amount pair is refused (fen), or null: the discount is above 0 and below the threshold. */
export function voucherAmountProblem(thresholdFen: number, discountFen: number): 'discountPositive' | 'discountBelowThreshold' | null {
  if (discountFen <= 0) return 'discountPositive';
  return discountFen >= thresholdFen ? 'discountBelowThreshold' : null;
}

/** Why a validity period is refused: the start after the end, or the start already past. */
export function voucherPeriodProblem(validFrom: number, validUntil: number, now: number): 'periodOrder' | 'startInPast' | null {
  if (validFrom >= validUntil) return 'periodOrder';
  return validFrom < now ? 'startInPast' : null;
}

/** 未开始 / 进行中 / 已结束 from the dates, 已停止 once stopped. */
export function voucherStateAt(validFrom: number, validUntil: number, stoppedAt: number | null, now: number): VoucherState {
  if (stoppedAt !== null && stoppedAt <= now) return 'stopped';
  if (now < validFrom) return 'not_started';
  return now < validUntil ? 'active' : 'ended';
}

// ── 商业规划 ─────────────────────────────────────────────────────────────────────────────────

/** "修改商业规划提交成功,请等待审批": the exact words Seller Center shows after a submission. */
export const PLANNING_SUBMITTED_MESSAGE = '修改商业规划提交成功,请等待审批';
export const PLANNING_STATES = ['to_fill', 'pending_approval', 'approved', 'rejected'] as const;
export type PlanningState = (typeof PLANNING_STATES)[number];

/** "当年及后两年": the Beijing year of `now` and the two after it. */
export function planningYears(now: number): [number, number, number] {
  const { year } = beijingParts(now);
  return [year, year + 1, year + 2];
}
