import type { MethodOutput } from '../../../electron/core/contract';
import type { OfferState, PlanningState, RequirementState, VoucherState } from '../../../electron/core/conventions';
import type { CellTagColor } from '../../components/big-table/CellTag';
import { formatInZone } from '../../../electron/core/conventions';
import { BEIJING } from './SalesParts';

/** A product an offer or a voucher can be for, with its specs. */
export type ProductChoice = MethodOutput<'offers.products'>[number];

/** Tag colours of 销售管理's states, the same in the lists and the drawers. */
export const REQUIREMENT_COLORS: Record<RequirementState, CellTagColor> = {
  to_accept: 'gold',
  accepted: 'blue',
  converting: 'blue',
  offer_created: 'green',
  lapsed: 'default',
};
export const OFFER_COLORS: Record<OfferState, CellTagColor> = {
  draft: 'default',
  submitted: 'blue',
  accepted: 'green',
  rejected: 'red',
  expired: 'default',
  withdrawn: 'default',
};
export const VOUCHER_COLORS: Record<VoucherState, CellTagColor> = { not_started: 'blue', active: 'green', ended: 'default', stopped: 'orange' };
export const SUBMISSION_COLORS: Record<'draft' | 'submitted' | 'published' | 'rejected', CellTagColor> = {
  draft: 'default',
  submitted: 'gold',
  published: 'green',
  rejected: 'red',
};
export const PLANNING_COLORS: Record<PlanningState, CellTagColor> = { to_fill: 'gold', pending_approval: 'blue', approved: 'green', rejected: 'red' };

/** Fen as yuan with two decimals, without the currency sign ("1234.50"): the unit is in the label. */
export function yuanText(fen: number): string {
  return (fen / 100).toFixed(2);
}

/** A yuan amount as the seller typed it (two decimals at most), as integer fen without float error. */
export function fenOfYuan(yuan: number): number {
  return Math.round(yuan * 100);
}

/** 8.5 (折) → 0.85, kept to 4 decimals so 8.5/10 is exactly the 0.85 the core stores. */
export function rateOfZhe(zhe: number): number {
  return Number((zhe / 10).toFixed(4));
}

export function zheOfRate(rate: number): string {
  return String(+(rate * 10).toFixed(2));
}

/** A percentage the seller typed (15) as the fraction the core keeps (0.15). */
export function fractionOfPercent(percent: number): number {
  return Number((percent / 100).toFixed(4));
}

/** "2026-11-24 ~ 2026-12-24": a validity's days in Beijing time, for a table cell. */
export function validityDays(from: number, until: number): string {
  return `${formatInZone(from, BEIJING).slice(0, 10)} ~ ${formatInZone(until, BEIJING).slice(0, 10)}`;
}
