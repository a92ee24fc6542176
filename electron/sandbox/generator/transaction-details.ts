import { billingPeriodOf } from '../../core/conventions';
import type { SandboxOrder } from './orders';
import { Rng } from './random';

export interface SandboxTransactionDetail {
  detail_id: string;
  order_id: string;
  order_line_id: string;
  product_type: SandboxOrder['product_type'];
  product_name: string;
  customer_account: string;
  charging_mode: string;
  /** 账期, `YYYY-MM` in Beijing time. */
  billing_period: string;
  transaction_at: number;
  billing_status: 'billed' | 'unbilled';
  supervision_status: '不涉及' | '进行中' | '已完成';
  amount_fen: number;
  settlement_amount_fen: number;
  /** 运营管理费比例 as an exact decimal string; null shows as "-". */
  ops_fee_ratio: string | null;
  updated_at: number;
}

/**
 * Detail #j happens at start + j·step (index order = time order) and belongs to an order placed
 * no later than that, so details can be served page by page without being stored.
 */
export function generateDetail(seed: string, index: number, order: SandboxOrder, start: number, step: number, billedBefore: string): SandboxTransactionDetail {
  const rng = new Rng(seed, 'detail', index);
  const at = start + index * step + Math.floor(rng.next() * step * 0.9);
  const line = order.lines[0]!;
  const refund = rng.chance(0.03);
  const gross = line.amount_fen > 0 ? line.amount_fen : rng.int(100, 50_000);
  const amount = refund ? -gross : gross;
  const opsRatio = order.product_type === 'general' ? null : rng.pick(['0.05', '0.08', '0.1', null]);
  const share = order.product_type === 'general' ? 0.95 : 0.85;
  const period = billingPeriodOf(at);
  const supervision = order.status === 'processing' ? '进行中' : rng.chance(0.2) ? '已完成' : '不涉及';
  return {
    detail_id: `TD${String(index).padStart(9, '0')}${rng.code(4)}`,
    order_id: order.order_id,
    order_line_id: line.order_line_id,
    product_type: order.product_type,
    product_name: order.product_name,
    customer_account: order.customer.user_name,
    charging_mode: line.charging_mode,
    billing_period: period,
    transaction_at: at,
    billing_status: period < billedBefore && supervision !== '进行中' ? 'billed' : 'unbilled',
    supervision_status: supervision,
    amount_fen: amount,
    settlement_amount_fen: Math.round(amount * share),
    ops_fee_ratio: opsRatio,
    updated_at: at,
  };
}
