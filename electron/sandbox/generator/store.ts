import { CITIES, COMPANY_WORDS, INDUSTRIES } from './names';
import { Rng } from './random';
import { addMonths, billingPeriodOf, billingPeriodStart, DAY_MS, HOUR_MS } from '../../core/conventions';

/**
 * The seller's own store (商家总览): who the seller is and how many people look at the store.
 * KooGallery publishes no API for them; the sandbox serves them on its list endpoints.
 */
export interface SellerProfile {
  seller_id: string;
  seller_name: string;
  /** 商业信息认证 */
  certification: 'certified' | 'in_review' | 'not_certified';
  /** 服务协议签署 */
  agreement: 'signed' | 'unsigned';
  updated_at: number;
}

export interface StoreTrafficMonth {
  /** Beijing-time calendar month, "YYYY-MM". */
  month: string;
  /** 商品浏览量 */
  page_views: number;
  /** 独立访客数; never more than page_views, never 0. */
  visitors: number;
  updated_at: number;
}

/** How many months of store traffic are listed, up to and including the current one. */
export const STORE_TRAFFIC_MONTHS = 24;

/** One seller per seed; stable, so `updatedAt` is the start of the generated history. */
export function generateSellerProfile(seed: string, updatedAt: number): SellerProfile {
  const rng = new Rng(seed, 'seller-profile');
  return {
    seller_id: `SP${String(Math.floor(rng.next() * 10_000_000_000)).padStart(10, '0')}`,
    seller_name: `${rng.pick(CITIES)}${rng.pick(COMPANY_WORDS)}${rng.pick(INDUSTRIES)}有限公司`,
    certification: rng.weighted<SellerProfile['certification']>([
      ['certified', 85],
      ['in_review', 10],
      ['not_certified', 5],
    ]),
    agreement: rng.weighted<SellerProfile['agreement']>([
      ['signed', 90],
      ['unsigned', 10],
    ]),
    updated_at: updatedAt,
  };
}

/**
 * Traffic by Beijing-time month for the STORE_TRAFFIC_MONTHS months up to and including the month
 * of `now`, oldest first. A month's full figures depend only on (seed, size, month); the current
 * month shows the share of them for the time elapsed so far (at least a day), as of the hour.
 */
export function generateStoreTraffic(seed: string, size: 'small' | 'large', now: number): StoreTrafficMonth[] {
  const current = billingPeriodOf(now);
  const asOf = Math.floor(now / HOUR_MS) * HOUR_MS; // Beijing is a whole number of hours off UTC
  return Array.from({ length: STORE_TRAFFIC_MONTHS }, (_, i) => {
    const month = addMonths(current, i - STORE_TRAFFIC_MONTHS + 1);
    const full = monthFigures(seed, size, month);
    const nextStart = billingPeriodStart(addMonths(month, 1));
    if (month !== current) return { month, ...full, updated_at: nextStart };
    const monthStart = billingPeriodStart(month);
    const share = Math.max(DAY_MS, asOf - monthStart) / (nextStart - monthStart);
    const visitors = Math.max(1, Math.round(full.visitors * share));
    return { month, page_views: Math.max(visitors, Math.round(full.page_views * share)), visitors, updated_at: asOf };
  });
}

/** Relative traffic by calendar month: Spring Festival lull, 618, National Day, Double 11 and year-end. */
const SEASON = [0.92, 0.72, 1.05, 1.0, 1.02, 1.12, 0.98, 0.95, 1.04, 0.88, 1.2, 1.1];
/** Growth is measured from this month, so a month's figures never depend on when they are asked for. */
const GROWTH_FROM = '2025-01';

function monthFigures(seed: string, size: 'small' | 'large', month: string): { page_views: number; visitors: number } {
  const store = new Rng(seed, 'store-traffic');
  const base = store.int(2_500, 4_500) * (size === 'large' ? 12 : 1);
  const yearlyGrowth = 0.05 + store.next() * 0.35;
  const viewsPerVisitor = 3.5 + store.next() * 2; // how deep visitors browse is the store's own
  const rng = new Rng(seed, 'store-traffic', month);
  const calendarMonth = Number(month.slice(5, 7));
  const growth = Math.pow(1 + yearlyGrowth, (monthNumber(month) - monthNumber(GROWTH_FROM)) / 12);
  const visitors = Math.max(1, Math.round(base * growth * SEASON[calendarMonth - 1]! * (0.88 + rng.next() * 0.24)));
  return { page_views: Math.round(visitors * (viewsPerVisitor + rng.next() - 0.5)), visitors };
}

function monthNumber(period: string): number {
  return Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
}
