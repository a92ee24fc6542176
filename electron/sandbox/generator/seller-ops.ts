import type { SandboxProduct } from './catalog';
import { COMPANY_WORDS, CITIES, GIVEN_NAMES, SURNAMES } from './names';
import type { SandboxOrder } from './orders';
import { Rng } from './random';
import { beijingParts } from '../../core/conventions';

/**
 * Seller-operations objects (product.md §3.6–3.10). KooGallery publishes no API for them; the
 * sandbox serves them on its list endpoints so the app can be used end to end.
 */
export interface SupervisionFlow {
  flow_id: string;
  order_id: string;
  product_name: string;
  flow_type: 'license_online_code' | 'license_2_0' | 'professional_service' | 'app_orchestration';
  current_step: string;
  /** Whose turn it is. */
  waiting_on: 'seller' | 'customer' | 'huawei';
  step_entered_at: number;
  rejections: number;
  status: 'in_progress' | 'completed' | 'appealing';
  updated_at: number;
}

export interface CustomerRequirement {
  requirement_id: string;
  provider_name: string;
  customer_name: string;
  product_id: string;
  product_name: string;
  status: 'to_accept' | 'accepted' | 'converting' | 'offer_created' | 'lapsed';
  expected_share: string;
  max_share: string;
  created_at: number;
  updated_at: number;
}

export interface Voucher {
  voucher_id: string;
  name: string;
  threshold_fen: number;
  discount_fen: number;
  category: 'general' | 'joint_operation';
  product_ids: string[];
  valid_from: number;
  valid_until: number;
  status: 'not_started' | 'active' | 'ended' | 'stopped';
  updated_at: number;
}

export interface PlanningItem {
  product_id: string;
  product_name: string;
  years: { year: number; gmv_fen: number | null; projects: number | null }[];
  approval: 'to_fill' | 'pending_approval' | 'approved' | 'rejected';
  updated_at: number;
}

export interface MessageReceiverSetting {
  category_code: string;
  category_name: string;
  channels: ('site' | 'email' | 'sms')[];
  receivers: { name: string; email: string | null; phone: string | null }[];
  updated_at: number;
}

const LICENSE_STEPS = ['商家交付', '用户领取授权码', '授权码激活', '上传交付凭证', '华为云复核', '自动验收'];
const SERVICE_STEPS = ['客户提交需求', '商家确认需求', '商家交付', '商家确认完成', '客户验收'];

export function generateSupervisionFlow(seed: string, order: SandboxOrder, now: number): SupervisionFlow {
  const rng = new Rng(seed, 'supervision', order.order_id);
  const licensed = order.product_name.includes('软件');
  const steps = licensed ? LICENSE_STEPS : SERVICE_STEPS;
  const done = order.status !== 'processing';
  const stepIndex = done ? steps.length - 1 : rng.int(0, steps.length - 2);
  const step = steps[stepIndex]!;
  const customerTurn = step.includes('用户') || step.includes('客户');
  return {
    flow_id: `SV${order.order_id.slice(2)}`,
    order_id: order.order_id,
    product_name: order.product_name,
    flow_type: licensed ? rng.pick(['license_online_code', 'license_2_0'] as const) : rng.pick(['professional_service', 'app_orchestration'] as const),
    current_step: step,
    waiting_on: step === '华为云复核' ? 'huawei' : customerTurn ? 'customer' : 'seller',
    step_entered_at: Math.min(now, order.created_at + rng.int(1, 20) * 86_400_000),
    rejections: done
      ? 0
      : rng.weighted([
          [0, 6],
          [1, 2],
          [2, 1],
          [3, 1],
        ] as const),
    status: done ? 'completed' : rng.chance(0.05) ? 'appealing' : 'in_progress',
    updated_at: order.updated_at,
  };
}

export function generateRequirements(seed: string, count: number, products: readonly SandboxProduct[], start: number, now: number): CustomerRequirement[] {
  const joint = products.filter((p) => p.product_type === 'joint_operation');
  if (joint.length === 0) return [];
  return Array.from({ length: count }, (_, i) => {
    const rng = new Rng(seed, 'requirement', i);
    const product = rng.pick(joint);
    const createdAt = start + Math.floor(((now - start) * (i + rng.next())) / count);
    const ageDays = (now - createdAt) / 86_400_000;
    const status = ageDays > 5 && rng.chance(0.3) ? 'lapsed' : rng.pick(['to_accept', 'accepted', 'converting', 'offer_created'] as const);
    const maxShare = rng.pick([10, 15, 20]);
    return {
      requirement_id: `RQ${String(100000 + i)}`,
      provider_name: `${rng.pick(CITIES)}${rng.pick(COMPANY_WORDS)}云服务有限公司`,
      customer_name: `${rng.pick(CITIES)}${rng.pick(COMPANY_WORDS)}集团有限公司`,
      product_id: product.product_id,
      product_name: product.name,
      status: status === 'to_accept' && ageDays > 5 ? 'lapsed' : status,
      expected_share: `0.${String(rng.int(5, maxShare)).padStart(2, '0')}`,
      max_share: `0.${String(maxShare).padStart(2, '0')}`,
      created_at: createdAt,
      updated_at: createdAt + 1,
    };
  });
}

export function generateVouchers(seed: string, count: number, products: readonly SandboxProduct[], start: number, now: number): Voucher[] {
  return Array.from({ length: count }, (_, i) => {
    const rng = new Rng(seed, 'voucher', i);
    const category = rng.pick(['general', 'joint_operation'] as const);
    const eligible = products.filter((p) => p.product_type === category && p.status === 'on_sale');
    const threshold = rng.pick([100_00, 500_00, 1000_00, 5000_00]);
    const validFrom = start + Math.floor(((now - start) * (i + rng.next())) / count);
    const validUntil = validFrom + rng.pick([30, 60, 90]) * 86_400_000;
    return {
      voucher_id: `VC${String(2000 + i)}`,
      name: `满${threshold / 100}减${(threshold * 0.1) / 100}`,
      threshold_fen: threshold,
      discount_fen: Math.round(threshold * 0.1),
      category,
      product_ids: eligible.slice(0, rng.int(1, 3)).map((p) => p.product_id),
      valid_from: validFrom,
      valid_until: validUntil,
      status: rng.chance(0.1) ? 'stopped' : now < validFrom ? 'not_started' : now > validUntil ? 'ended' : 'active',
      updated_at: validFrom,
    };
  });
}

export function generatePlanning(seed: string, products: readonly SandboxProduct[], now: number): PlanningItem[] {
  const { year } = beijingParts(now);
  return products
    .filter((p) => p.product_type === 'joint_operation')
    .map((product, i) => {
      const rng = new Rng(seed, 'planning', i);
      const approval = rng.pick(['to_fill', 'pending_approval', 'approved', 'rejected'] as const);
      const filled = approval !== 'to_fill';
      return {
        product_id: product.product_id,
        product_name: product.name,
        years: [year, year + 1, year + 2].map((y, k) => ({
          year: y,
          gmv_fen: filled ? rng.int(50, 500) * 10_000_00 * (k + 1) : null,
          projects: filled ? rng.int(5, 80) * (k + 1) : null,
        })),
        approval,
        updated_at: product.updated_at,
      };
    });
}

export function generateReceivers(seed: string, updatedAt: number): MessageReceiverSetting[] {
  const rng = new Rng(seed, 'receivers');
  const person = () => {
    const name = `${rng.pick(SURNAMES)}${rng.pick(GIVEN_NAMES)}`;
    return { name, email: `${rng.hex(6)}@example.com`, phone: `139${String(rng.int(0, 99_999_999)).padStart(8, '0')}` };
  };
  const categories: [string, string][] = [
    ['101', '产品创建开通通知'],
    ['102', '产品续费通知'],
    ['501', '运维提醒'],
    ['901', '其他'],
  ];
  return categories.map(([code, name], i) => ({
    category_code: code,
    category_name: name,
    channels: i === 3 ? ['site'] : ['site', 'email', 'sms'],
    // an empty list: messages go to the account's bound phone and email
    receivers: i === 3 ? [] : [person()],
    updated_at: updatedAt + i,
  }));
}
