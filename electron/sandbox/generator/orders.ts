import { CITIES, COMPANY_WORDS, GIVEN_NAMES, INDUSTRIES, SURNAMES } from './names';
import type { ChargingMode, SandboxProduct } from './catalog';
import { Rng } from './random';
import { beijingParts } from '../../core/conventions';

export type OrderType = 'NEW' | 'TRIAL' | 'TRIAL_TO_FORMAL' | 'UNSUBSCRIBE' | 'RENEW' | 'CHANGE';
export type OrderStatus = 'pending_payment' | 'processing' | 'cancelled' | 'completed';

export interface SandboxOrderLine {
  order_line_id: string;
  product_id: string;
  product_name: string;
  sku_code: string;
  sku_name: string;
  charging_mode: ChargingMode;
  period_type: 'month' | 'year' | null;
  period_number: number | null;
  /** Pay-per-use instance the seller pushes usage for (ON_DEMAND lines only). */
  instance_id: string | null;
  /** Usage of this instance is billed per hour or per day (ON_DEMAND lines only). */
  billing_cycle: 'hourly' | 'daily' | null;
  expire_at: number | null;
  amount_fen: number;
}

export interface SandboxCustomer {
  customer_id: string;
  customer_name: string;
  customer_real_name: string;
  user_name: string;
  mobile_phone: string;
}

export interface SandboxOrder {
  order_id: string;
  order_type: OrderType;
  status: OrderStatus;
  product_type: SandboxProduct['product_type'];
  product_name: string;
  customer: SandboxCustomer;
  amount_fen: number;
  created_at: number;
  paid_at: number | null;
  updated_at: number;
  lines: SandboxOrderLine[];
}

/** Orders are spread evenly over the history, in creation order, so index order = time order. */
export function generateOrder(seed: string, index: number, products: readonly SandboxProduct[], start: number, step: number, now: number): SandboxOrder {
  const rng = new Rng(seed, 'order', index);
  const createdAt = start + index * step + Math.floor(rng.next() * step * 0.5);
  const product = rng.pick(products);
  const mode = rng.pick(product.charging_modes);
  const orderType = rng.weighted<OrderType>([
    ['NEW', 70],
    ['RENEW', 15],
    ['CHANGE', 5],
    ['TRIAL', 4],
    ['TRIAL_TO_FORMAL', 3],
    ['UNSUBSCRIBE', 3],
  ]);
  const status = orderStatus(rng, product, now - createdAt);
  const orderId = `CS${compactBeijing(createdAt)}${rng.code(5)}`;
  const line = orderLine(rng, orderId, product, mode, createdAt, orderType);
  // Everything about order #i happens inside its slot, so updated_at grows with the index.
  const slotEnd = start + (index + 1) * step;
  const paidAt = status === 'pending_payment' || status === 'cancelled' ? null : createdAt + Math.floor(rng.next() * (slotEnd - createdAt - 1));
  return {
    order_id: orderId,
    order_type: orderType,
    status,
    product_type: product.product_type,
    product_name: product.name,
    customer: customer(seed, rng.int(0, 9_999)),
    amount_fen: line.amount_fen,
    created_at: createdAt,
    paid_at: paidAt,
    updated_at: slotEnd - 1,
    lines: [line],
  };
}

function orderStatus(rng: Rng, product: SandboxProduct, ageMs: number): OrderStatus {
  const days = ageMs / 86_400_000;
  if (days < 3 && rng.chance(0.15)) return 'pending_payment';
  if (product.supervised && days < 45 && rng.chance(0.4)) return 'processing';
  if (rng.chance(0.06)) return 'cancelled';
  return rng.chance(0.02) ? 'processing' : 'completed';
}

function orderLine(rng: Rng, orderId: string, product: SandboxProduct, mode: ChargingMode, createdAt: number, orderType: OrderType): SandboxOrderLine {
  const sku = rng.pick(product.skus);
  const periodType =
    mode === 'PERIOD'
      ? rng.weighted<'month' | 'year'>([
          ['month', 3],
          ['year', 1],
        ])
      : null;
  const periodNumber = periodType === 'month' ? rng.pick([1, 3, 6]) : periodType === 'year' ? rng.pick([1, 2]) : null;
  const months = periodType === 'year' ? (periodNumber ?? 1) * 12 : (periodNumber ?? 0);
  const amount = orderType === 'TRIAL' ? 0 : mode === 'PERIOD' ? sku.unit_price_fen * months : mode === 'ON_DEMAND' ? 0 : sku.unit_price_fen;
  return {
    order_line_id: `${orderId}-000001`,
    product_id: product.product_id,
    product_name: product.name,
    sku_code: sku.sku_code,
    sku_name: sku.name,
    charging_mode: mode,
    period_type: periodType,
    period_number: periodNumber,
    instance_id: mode === 'ON_DEMAND' ? rng.uuid() : null,
    billing_cycle:
      mode === 'ON_DEMAND'
        ? rng.weighted<'hourly' | 'daily'>([
            ['hourly', 4],
            ['daily', 1],
          ])
        : null,
    expire_at: months > 0 ? createdAt + months * 30 * 86_400_000 : null,
    amount_fen: orderType === 'UNSUBSCRIBE' ? -amount : amount,
  };
}

/** 10,000 recurring customers: the same customer places many orders. */
export function customer(seed: string, index: number): SandboxCustomer {
  const rng = new Rng(seed, 'customer', index);
  const company = `${rng.pick(CITIES)}${rng.pick(COMPANY_WORDS)}${rng.pick(INDUSTRIES)}有限公司`;
  return {
    customer_id: rng.hex(32),
    customer_name: company,
    customer_real_name: `${rng.pick(SURNAMES)}${rng.pick(GIVEN_NAMES)}${rng.chance(0.5) ? rng.pick(GIVEN_NAMES) : ''}`,
    user_name: `hw${String(10_000_000 + index * 7 + rng.int(0, 6))}`,
    mobile_phone: `1${rng.pick(['38', '39', '58', '86', '88'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
  };
}

/** `yyMMddHHmm` in Beijing time, as in KooGallery order IDs (CS2207261447…). */
function compactBeijing(epochMs: number): string {
  const p = beijingParts(epochMs);
  return [p.year % 100, p.month, p.day, p.hour, p.minute].map((n) => String(n).padStart(2, '0')).join('');
}
