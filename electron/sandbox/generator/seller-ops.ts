import type { AccessType, SandboxProduct } from './catalog';
import { COMPANY_WORDS, CITIES, GIVEN_NAMES, SURNAMES } from './names';
import type { SandboxOrder } from './orders';
import { Rng } from './random';
import {
  APPEAL_AFTER_WAITING_MS,
  FLOW_STEPS,
  OFFER_PRODUCT_TYPE,
  PLANNING_STATES,
  planningYears,
  REQUIREMENT_LAPSE_MS,
  requirementLapsesAt,
  STEP_TURN,
  VOUCHER_CATEGORIES,
  type PlanningState,
  type RequirementState,
  type VoucherCategory,
  type VOUCHER_TYPES,
  type SupervisionFlowType,
  type SupervisionStatus,
  type SupervisionStep,
  type SupervisionTurn,
} from '../../core/conventions';

/**
 * Seller-operations objects (product.md §3.6–3.10). KooGallery publishes no API for them; the
 * sandbox serves them on its list endpoints so the app can be used end to end.
 */
export interface SupervisionFlow {
  flow_id: string;
  order_id: string;
  /** The order line's product. */
  product_id: string;
  product_name: string;
  flow_type: SupervisionFlowType;
  /** A step code of FLOW_STEPS[flow_type]. */
  current_step: SupervisionStep;
  /** Whose turn it is (STEP_TURN); null once completed. */
  waiting_on: SupervisionTurn | null;
  step_entered_at: number;
  rejections: number;
  status: SupervisionStatus;
  /** The customer's (or the automatic) acceptance; null before order_completion. */
  accepted_at: number | null;
  /** License flows: the code the seller activates (LIC + the order ID's digits); null otherwise. */
  license_code: string | null;
  /** 交付凭证 received on the sandbox's action endpoint (none in generated flows). */
  proof_files: ProofFile[];
  updated_at: number;
}

export interface ProofFile {
  file_name: string;
  sha256: string;
  size: number;
  uploaded_at: number;
}

/** 客户需求 (sandbox item): `status` as stored; one still to_accept lapses 5 days after `created_at`. */
export interface CustomerRequirement {
  requirement_id: string;
  provider_name: string;
  customer_name: string;
  /** The customer's Huawei Cloud account ('hw' + digits). */
  customer_account: string;
  product_id: string;
  product_name: string;
  status: RequirementState;
  /** Fractions of 1 (0.12 = 12 %); expected ≤ max. */
  expected_share: number;
  max_share: number;
  created_at: number;
  updated_at: number;
}

/** Private Offer (商家优惠) for one customer on a 联营 product: a discount rate or a price, not both. */
export interface Offer {
  offer_id: string;
  name: string;
  customer_name: string;
  customer_account: string | null;
  product_id: string;
  product_name: string;
  sku_code: string | null;
  /** The fraction of the list price the customer pays (0.85 = 8.5折); null when `price_fen` is set. */
  discount_rate: number | null;
  price_fen: number | null;
  valid_from: number;
  valid_until: number;
  /** The 客户需求 it was created from, its provider and the provider's share; null for a direct offer. */
  requirement_id: string | null;
  provider_name: string | null;
  share: number | null;
  status: 'submitted' | 'accepted' | 'rejected' | 'withdrawn';
  /** Why Huawei Cloud rejected it; null otherwise. */
  reason: string | null;
  created_at: number;
  updated_at: number;
}

export interface VoucherScope {
  product_id: string;
  /** One specification of the product; null: the whole product. */
  sku_code: string | null;
}

/** 代金券 (满减). The time state (未开始/进行中/已结束/已停止) is the app's, from the dates and `stopped_at`. */
export interface Voucher {
  voucher_id: string;
  name: string;
  voucher_type: (typeof VOUCHER_TYPES)[number];
  threshold_fen: number;
  discount_fen: number;
  category: VoucherCategory;
  scope: VoucherScope[];
  valid_from: number;
  valid_until: number;
  stopped_at: number | null;
  status: 'submitted' | 'published' | 'rejected';
  reason: string | null;
  updated_at: number;
}

export interface PlanningYear {
  year: number;
  gmv_fen: number | null;
  projects: number | null;
}

/** 商业规划 of one 联营 product: GMV and project counts for the year and the two after it. */
export interface PlanningItem {
  product_id: string;
  product_name: string;
  years: PlanningYear[];
  approval: PlanningState;
  /** Why Huawei Cloud rejected it; null otherwise. */
  reason: string | null;
  submitted_at: number | null;
  updated_at: number;
}

export interface MessageReceiverSetting {
  category_code: string;
  category_name: string;
  channels: ('site' | 'email' | 'sms')[];
  receivers: { name: string; email: string | null; phone: string | null }[];
  updated_at: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const LICENSE_FLOW_TYPES = ['license_online_code', 'license_2_0'] as const;

/**
 * The flow of a supervised product's order. `order.status` other than processing: completed;
 * otherwise a random step before completed, 'order_completion' included (accepted 1–6 hours ago).
 */
export function generateSupervisionFlow(seed: string, order: SandboxOrder, product: SandboxProduct, now: number): SupervisionFlow {
  const rng = new Rng(seed, 'supervision', order.order_id);
  const flowType = flowTypeOf(product.access_type, rng);
  const steps = FLOW_STEPS[flowType];
  const done = order.status !== 'processing';
  const step = done ? 'completed' : rng.pick(steps.slice(0, -1));
  const enteredAt =
    step === 'order_completion' ? Math.max(order.created_at, now - rng.int(1, 6) * HOUR_MS) : Math.min(now, order.created_at + rng.int(1, 20) * DAY_MS);
  const appealing = !done && rng.chance(0.05);
  return {
    flow_id: `SV${order.order_id.slice(2)}`,
    order_id: order.order_id,
    product_id: order.lines[0]!.product_id,
    product_name: order.product_name,
    flow_type: flowType,
    current_step: step,
    waiting_on: STEP_TURN[step],
    step_entered_at: enteredAt,
    rejections: done ? 0 : rejectionsOf(rng),
    status: done ? 'completed' : appealing ? 'appealing' : 'in_progress',
    // order_completion is entered at the acceptance; completed comes within 3 hours of it
    accepted_at: step === 'order_completion' ? enteredAt : done ? enteredAt - rng.int(10, 170) * 60_000 : null,
    license_code: isLicenseFlow(flowType) ? `LIC${order.order_id.slice(2)}` : null,
    proof_files: [],
    updated_at: order.updated_at,
  };
}

/**
 * Pins a few flows so every dataset has what end-to-end tests rely on, whatever the rng gave: the
 * first three in-progress License flows wait at license_activate (the seller's turn), and the first
 * other in-progress flow entered more than 5 days before `now` waits on its customer step (申诉 open).
 */
export function pinFixtureFlows(flows: SupervisionFlow[], now: number): SupervisionFlow[] {
  const open = flows.filter((flow) => flow.status === 'in_progress');
  const licensed = open.filter((flow) => flow.license_code !== null).slice(0, 3);
  const waiting = open.find((flow) => !licensed.includes(flow) && now - flow.step_entered_at > APPEAL_AFTER_WAITING_MS);
  return flows.map((flow) => {
    if (licensed.includes(flow)) return pinnedAt(flow, 'license_activate');
    return flow === waiting ? pinnedAt(flow, customerStepOf(flow.flow_type)) : flow;
  });
}

function customerStepOf(flowType: SupervisionFlowType): SupervisionStep {
  return FLOW_STEPS[flowType].find((step) => STEP_TURN[step] === 'customer')!;
}

function pinnedAt(flow: SupervisionFlow, step: SupervisionStep): SupervisionFlow {
  return { ...flow, current_step: step, waiting_on: STEP_TURN[step], accepted_at: null };
}

export function isLicenseFlow(flowType: SupervisionFlowType): boolean {
  return (LICENSE_FLOW_TYPES as readonly string[]).includes(flowType);
}

/**
 * License: either License flow; 人工服务: professional_service. 硬件 → app_orchestration is a sandbox
 * simplification: the sandbox has no 应用编排 products, so hardware orders use those delivery steps.
 */
function flowTypeOf(access: AccessType, rng: Rng): SupervisionFlowType {
  if (access === 'License') return rng.pick(LICENSE_FLOW_TYPES);
  return access === '人工服务' ? 'professional_service' : 'app_orchestration';
}

/** 0–3 rejections, a few 4 (more than 3: 申诉 is open). */
function rejectionsOf(rng: Rng): number {
  return rng.weighted([
    [0, 12],
    [1, 4],
    [2, 2],
    [3, 2],
    [4, 1],
  ] as const);
}

const OFFER_REJECTIONS = ['客户账号与需求信息不一致', '优惠价格低于商品底价，请调整后重新提交', '请补充客户采购说明'];
const VOUCHER_REJECTIONS = ['减免金额超过适用规格价格，请调整', '代金券名称不符合规范，请修改后重新提交'];
const PLANNING_REJECTIONS = ['GMV规划与历史销售差距过大，请补充依据', '项目数与GMV不匹配，请核实'];

const companyName = (rng: Rng, kind: string) => `${rng.pick(CITIES)}${rng.pick(COMPANY_WORDS)}${kind}有限公司`;
const accountOf = (rng: Rng) => `hw${rng.int(10_000_000, 99_999_999)}`;

/**
 * 客户需求 over the year before `now`, on 联营 products. One older than 5 days and never accepted has
 * lapsed. Pinned for end-to-end tests: the newest two wait 待接收, raised within the last 2 days, and
 * the third newest is 需求转化中.
 */
export function generateRequirements(seed: string, count: number, products: readonly SandboxProduct[], start: number, now: number): CustomerRequirement[] {
  const joint = products.filter((p) => p.product_type === OFFER_PRODUCT_TYPE);
  if (joint.length === 0) return [];
  return Array.from({ length: count }, (_, i) => {
    const rng = new Rng(seed, 'requirement', i);
    const product = rng.pick(joint);
    const newest = count - 1 - i;
    let createdAt = start + Math.floor(((now - start) * (i + rng.next())) / count);
    if (newest < 2) createdAt = now - (newest * 24 + rng.int(2, 20)) * HOUR_MS - rng.int(0, 59) * 60_000;
    const old = now - createdAt > REQUIREMENT_LAPSE_MS;
    const moved = rng.pick(['accepted', 'converting', 'offer_created'] as const);
    const drawn: RequirementState = old ? (rng.chance(0.3) ? 'lapsed' : moved) : rng.chance(0.5) ? 'to_accept' : moved;
    const status: RequirementState = newest < 2 ? 'to_accept' : newest === 2 ? 'converting' : drawn;
    const maxShare = rng.pick([10, 15, 20]);
    return {
      requirement_id: `RQ${String(100000 + i)}`,
      provider_name: companyName(rng, '云服务'),
      customer_name: companyName(rng, '集团'),
      customer_account: accountOf(rng),
      product_id: product.product_id,
      product_name: product.name,
      status,
      expected_share: rng.int(5, maxShare) / 100,
      max_share: maxShare / 100,
      created_at: createdAt,
      updated_at:
        status === 'to_accept' ? createdAt : status === 'lapsed' ? requirementLapsesAt(createdAt) + 1 : Math.min(now, createdAt + rng.int(1, 72) * HOUR_MS),
    };
  });
}

/**
 * Private Offers on 联营 products: one for each 'offer_created' requirement (created when the
 * requirement became so), the rest direct, over the year before `now`. Those created within the last
 * day wait for Huawei Cloud (submitted); the others were answered or withdrawn.
 */
export function generateOffers(
  seed: string,
  count: number,
  products: readonly SandboxProduct[],
  requirements: readonly CustomerRequirement[],
  start: number,
  now: number,
): Offer[] {
  const joint = products.filter((p) => p.product_type === OFFER_PRODUCT_TYPE);
  if (joint.length === 0) return [];
  const fromRequirements = requirements.filter((r) => r.status === 'offer_created');
  const total = Math.max(count, fromRequirements.length);
  return Array.from({ length: total }, (_, i) => {
    const rng = new Rng(seed, 'offer', i);
    const requirement = fromRequirements[i] ?? null;
    const product = requirement ? joint.find((p) => p.product_id === requirement.product_id)! : rng.pick(joint);
    const createdAt = requirement ? requirement.updated_at : start + Math.floor(((now - start) * (i + rng.next())) / total);
    const customerName = requirement?.customer_name ?? companyName(rng, '集团');
    const byPrice = rng.chance(0.4);
    const sku = byPrice || rng.chance(0.5) ? rng.pick(product.skus) : null;
    const validFrom = createdAt + rng.int(0, 3) * DAY_MS;
    const status =
      now - createdAt < DAY_MS
        ? 'submitted'
        : rng.weighted<Offer['status']>([
            ['accepted', 6],
            ['rejected', 2],
            ['withdrawn', 1],
          ]);
    return {
      offer_id: `PO${String(300000 + i)}`,
      name: `${customerName.slice(0, 4)}${product.name}专属优惠`,
      customer_name: customerName,
      customer_account: requirement?.customer_account ?? (rng.chance(0.8) ? accountOf(rng) : null),
      product_id: product.product_id,
      product_name: product.name,
      sku_code: sku?.sku_code ?? null,
      discount_rate: byPrice ? null : rng.pick([0.6, 0.7, 0.75, 0.8, 0.85, 0.88, 0.9, 0.95]),
      price_fen: byPrice ? Math.round((sku!.unit_price_fen * rng.pick([70, 80, 90])) / 100) : null,
      valid_from: validFrom,
      valid_until: validFrom + rng.pick([30, 90, 180, 365]) * DAY_MS,
      requirement_id: requirement?.requirement_id ?? null,
      provider_name: requirement?.provider_name ?? null,
      share: requirement?.expected_share ?? null,
      status,
      reason: status === 'rejected' ? rng.pick(OFFER_REJECTIONS) : null,
      created_at: createdAt,
      updated_at: status === 'submitted' ? createdAt : Math.min(now, createdAt + rng.int(1, 48) * HOUR_MS),
    };
  });
}

/**
 * 满减 vouchers submitted over the year before `now`, each starting 1–10 days after it was submitted
 * (the newest may not have started yet) on 1–3 on-sale products of its category. Submitted within the
 * last day: waiting for approval; otherwise published (a tenth stopped early) or a few rejected.
 */
export function generateVouchers(seed: string, count: number, products: readonly SandboxProduct[], start: number, now: number): Voucher[] {
  return Array.from({ length: count }, (_, i) => {
    const rng = new Rng(seed, 'voucher', i);
    const drawn = rng.pick(VOUCHER_CATEGORIES);
    const onSale = (category: VoucherCategory) => products.filter((p) => p.product_type === category && p.status === 'on_sale');
    const category = onSale(drawn).length > 0 ? drawn : 'general';
    const eligible = onSale(category);
    const threshold = rng.pick([100_00, 500_00, 1000_00, 5000_00]);
    const discount = Math.round((threshold * rng.pick([5, 10, 20])) / 100);
    const submittedAt = start + Math.floor(((now - start) * (i + rng.next())) / count);
    const validFrom = submittedAt + rng.int(1, 10) * DAY_MS;
    const validUntil = validFrom + rng.pick([30, 60, 90]) * DAY_MS;
    const answeredAt = Math.min(now, submittedAt + rng.int(1, 20) * HOUR_MS);
    const status = now - submittedAt < DAY_MS ? 'submitted' : rng.chance(0.1) ? 'rejected' : 'published';
    const stoppedAt =
      status === 'published' && validFrom < now && rng.chance(0.1) ? validFrom + Math.floor(rng.next() * (Math.min(validUntil, now) - validFrom)) : null;
    const first = rng.int(0, Math.max(0, eligible.length - 1));
    return {
      voucher_id: `VC${String(2000 + i)}`,
      name: `满${threshold / 100}减${discount / 100}`,
      voucher_type: 'full_reduction',
      threshold_fen: threshold,
      discount_fen: discount,
      category,
      scope: eligible
        .slice(first, first + rng.int(1, 3))
        .map((p) => ({ product_id: p.product_id, sku_code: rng.chance(0.3) ? rng.pick(p.skus).sku_code : null })),
      valid_from: validFrom,
      valid_until: validUntil,
      stopped_at: stoppedAt,
      status,
      reason: status === 'rejected' ? rng.pick(VOUCHER_REJECTIONS) : null,
      updated_at: stoppedAt ?? (status === 'submitted' ? submittedAt : answeredAt),
    };
  });
}

/**
 * 商业规划 of every 联营 product for planningYears(`now`). The first three are 待填写 (pinned for
 * end-to-end tests); the others were submitted some time in the year before `now`.
 */
export function generatePlanning(seed: string, products: readonly SandboxProduct[], now: number): PlanningItem[] {
  const years = planningYears(now);
  return products
    .filter((p) => p.product_type === OFFER_PRODUCT_TYPE)
    .map((product, i) => {
      const rng = new Rng(seed, 'planning', i);
      const approval = i < 3 ? 'to_fill' : rng.pick(PLANNING_STATES);
      const filled = approval !== 'to_fill';
      const submittedAt = filled ? Math.max(product.updated_at, now - rng.int(1, 200) * DAY_MS - rng.int(0, 1439) * 60_000) : null;
      return {
        product_id: product.product_id,
        product_name: product.name,
        years: years.map((year, k) => ({
          year,
          gmv_fen: filled ? rng.int(50, 500) * 10_000_00 * (k + 1) : null,
          projects: filled ? rng.int(5, 80) * (k + 1) : null,
        })),
        approval,
        reason: approval === 'rejected' ? rng.pick(PLANNING_REJECTIONS) : null,
        submitted_at: submittedAt,
        updated_at:
          submittedAt === null ? product.updated_at : approval === 'pending_approval' ? submittedAt : Math.min(now, submittedAt + rng.int(1, 72) * HOUR_MS),
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
