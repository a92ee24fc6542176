import { z } from 'zod';
import { AGENTS_AUTH_MODES, PLANNING_SUBMITTED_MESSAGE, planningYears, VOUCHER_CATEGORIES } from '../../core/conventions';
import type { SandboxRequest, SandboxResponse } from '../http-kit';
import {
  agentsRefusal,
  moveRequirement,
  newOffer,
  newVoucher,
  offerRefusal,
  planningRefusal,
  REQUIREMENT_ACTIONS,
  requirementRefusal,
  stopRefusal,
  submittedPlan,
  voucherRefusal,
  withdrawRefusal,
  type SalesActionReceived,
  type SalesRefusal,
} from '../sales-tools';
import type { SandboxState } from '../sandbox-state';
import { invalidParameter, parseBody, refused, taken } from '../seller-actions';

/**
 * Sandbox extension (KooGallery publishes no API for 客户需求, Private Offer, 代金券 or 商业规划): the
 * seller's submissions, AK/SK-signed like the supervision actions, idempotent by `action_id`:
 *
 * - `POST /sandbox/v1/requirements/{requirement_id}/actions` — accept / convert
 * - `POST /sandbox/v1/offers`, `POST /sandbox/v1/offers/{offer_id}/actions` — create / withdraw
 * - `POST /sandbox/v1/vouchers`, `POST /sandbox/v1/vouchers/{voucher_id}/actions` — create / stop
 * - `POST /sandbox/v1/planning` — submit (all or nothing)
 * - `POST /sandbox/v1/agents/registrations` — register a backend with the Agents gateway
 */

type Handler = (state: SandboxState, request: SandboxRequest) => SandboxResponse;

/** The handler of a POST to `path`, or null when it is not a 销售管理 path. */
export function salesToolsRoute(path: string): Handler | null {
  if (path === '/sandbox/v1/offers') return createOffer;
  if (path === '/sandbox/v1/vouchers') return createVoucher;
  if (path === '/sandbox/v1/planning') return submitPlanning;
  if (path === '/sandbox/v1/agents/registrations') return registerAgents;
  const action = /^\/sandbox\/v1\/(requirements|offers|vouchers)\/([^/]+)\/actions$/.exec(path);
  if (!action) return null;
  const id = decodeURIComponent(action[2]!);
  if (action[1] === 'requirements') return (state, request) => requirementAction(state, request, id);
  if (action[1] === 'offers') return (state, request) => offerAction(state, request, id);
  return (state, request) => voucherAction(state, request, id);
}

const actionId = z.string().min(1).max(64);
const at = z.number().int();
const id = z.string().min(1).max(64);

const requirementActionSchema = z.object({ action_id: actionId, action: z.enum(REQUIREMENT_ACTIONS), at });
const offerActionSchema = z.object({ action_id: actionId, action: z.literal('withdraw'), at });
const voucherActionSchema = z.object({ action_id: actionId, action: z.literal('stop'), at });

const offerSchema = z
  .object({
    offer_id: id,
    name: z.string().min(1).max(100),
    customer_name: z.string().min(1).max(200),
    customer_account: z.string().min(1).max(64).nullable(),
    product_id: id,
    sku_code: z.string().min(1).max(64).nullable(),
    discount_rate: z.number().gt(0).lt(1).nullable(),
    price_fen: z.number().int().positive().nullable(),
    valid_from: at,
    valid_until: at,
    requirement_id: id.nullable(),
    share: z.number().nullable(),
  })
  .superRefine((offer, context) => {
    if ((offer.discount_rate === null) === (offer.price_fen === null)) {
      context.addIssue({ code: 'custom', path: ['discount_rate'], message: 'exactly one of discount_rate and price_fen' });
    }
    if ((offer.requirement_id === null) !== (offer.share === null)) {
      context.addIssue({ code: 'custom', path: ['share'], message: 'a share goes with a requirement_id, and only with one' });
    }
  });
const createOfferSchema = z.object({ action_id: actionId, at, offer: offerSchema });

const voucherSchema = z
  .object({
    voucher_id: id,
    name: z.string().min(1).max(100),
    voucher_type: z.string().min(1).max(64),
    threshold_fen: z.number().int(),
    discount_fen: z.number().int(),
    category: z.enum(VOUCHER_CATEGORIES),
    scope: z
      .array(z.object({ product_id: id, sku_code: z.string().min(1).max(64).nullable() }))
      .min(1)
      .max(100),
    valid_from: at,
    valid_until: at,
  })
  .superRefine((voucher, context) => {
    const keys = voucher.scope.map((s) => `${s.product_id}/${s.sku_code ?? ''}`);
    const twice = keys.findIndex((key, k) => keys.indexOf(key) !== k);
    if (twice >= 0) context.addIssue({ code: 'custom', path: ['scope', twice], message: 'the same product and sku_code twice' });
  });
const createVoucherSchema = z.object({ action_id: actionId, at, voucher: voucherSchema });

const agentsRegistrationSchema = z.object({
  action_id: actionId,
  at,
  registration: z.object({
    registration_id: id,
    product_id: id.nullable(),
    product_name: z.string().min(1).max(200),
    backend_url: z.string().min(1).max(2048),
    auth_mode: z.enum(AGENTS_AUTH_MODES),
    region: z.string().min(1).max(32),
  }),
});

const planYearSchema = z.object({ year: z.number().int(), gmv_fen: z.number().nullable().optional(), projects: z.number().nullable().optional() });
const planningSchema = z.object({
  action_id: actionId,
  at,
  plans: z
    .array(z.object({ product_id: id, years: z.array(planYearSchema).max(10) }))
    .min(1)
    .max(100),
});

// ── 客户需求 ────────────────────────────────────────────────────────────────────────────────

function requirementAction(state: SandboxState, request: SandboxRequest, requirementId: string): SandboxResponse {
  const { requirements } = state.sales;
  if (!requirements.get(requirementId, request.now)) return invalidParameter(`requirement ${requirementId} does not exist`);
  const body = parseBody(request.rawBody, requirementActionSchema);
  if (typeof body === 'string') return invalidParameter(body);
  return take(state, request, body, 'requirement', requirementId, body.action, () => {
    const requirement = requirements.get(requirementId, request.now)!;
    const refusal = requirementRefusal(requirement, body.action, request.now);
    if (refusal) return refusedWith(refusal, { requirement });
    const moved = moveRequirement(requirement, body.action, request.now);
    requirements.set({ item: moved, answerAt: null });
    return taken({ requirement: moved });
  });
}

// ── Private Offer ───────────────────────────────────────────────────────────────────────────

function createOffer(state: SandboxState, request: SandboxRequest): SandboxResponse {
  const { offers, requirements, products } = state.sales;
  const body = parseBody(request.rawBody, createOfferSchema);
  if (typeof body === 'string') return invalidParameter(body);
  const { offer } = body;
  const product = products.get(offer.product_id);
  if (!product) return invalidParameter(`offer.product_id: product ${offer.product_id} does not exist`);
  if (offer.requirement_id !== null && !requirements.get(offer.requirement_id, request.now)) {
    return invalidParameter(`offer.requirement_id: requirement ${offer.requirement_id} does not exist`);
  }
  return take(state, request, body, 'offer', offer.offer_id, 'create', () => {
    const now = request.now;
    if (offers.get(offer.offer_id, now)) return refused(`offer ${offer.offer_id} already exists`, { reason: 'already_exists', offer_id: offer.offer_id });
    const requirement = offer.requirement_id === null ? null : requirements.get(offer.requirement_id, now)!;
    const refusal = offerRefusal(offer, product, requirement, now);
    if (refusal) return refusedWith(refusal);
    const created = newOffer(offer, product, requirement, now);
    offers.set({ item: created, answerAt: now + state.answerDelayMs });
    if (requirement) requirements.set({ item: { ...requirement, status: 'offer_created', updated_at: now }, answerAt: null });
    return taken({ offer: created });
  });
}

function offerAction(state: SandboxState, request: SandboxRequest, offerId: string): SandboxResponse {
  const { offers } = state.sales;
  if (!offers.get(offerId, request.now)) return invalidParameter(`offer ${offerId} does not exist`);
  const body = parseBody(request.rawBody, offerActionSchema);
  if (typeof body === 'string') return invalidParameter(body);
  return take(state, request, body, 'offer', offerId, body.action, () => {
    const offer = offers.get(offerId, request.now)!;
    const refusal = withdrawRefusal(offer, request.now);
    if (refusal) return refusedWith(refusal, { offer });
    const withdrawn = { ...offer, status: 'withdrawn' as const, updated_at: request.now };
    offers.set({ item: withdrawn, answerAt: null });
    return taken({ offer: withdrawn });
  });
}

// ── 代金券 ───────────────────────────────────────────────────────────────────────────────────

function createVoucher(state: SandboxState, request: SandboxRequest): SandboxResponse {
  const { vouchers, products } = state.sales;
  const body = parseBody(request.rawBody, createVoucherSchema);
  if (typeof body === 'string') return invalidParameter(body);
  const { voucher } = body;
  const unknown = voucher.scope.findIndex((s) => !products.has(s.product_id));
  if (unknown >= 0) return invalidParameter(`voucher.scope.${unknown}.product_id: product ${voucher.scope[unknown]!.product_id} does not exist`);
  return take(state, request, body, 'voucher', voucher.voucher_id, 'create', () => {
    const now = request.now;
    if (vouchers.get(voucher.voucher_id, now)) {
      return refused(`voucher ${voucher.voucher_id} already exists`, { reason: 'already_exists', voucher_id: voucher.voucher_id });
    }
    const refusal = voucherRefusal(voucher, products, now);
    if (refusal) return refusedWith(refusal);
    const created = newVoucher(voucher, now);
    vouchers.set({ item: created, answerAt: now + state.answerDelayMs });
    return taken({ voucher: created });
  });
}

function voucherAction(state: SandboxState, request: SandboxRequest, voucherId: string): SandboxResponse {
  const { vouchers } = state.sales;
  if (!vouchers.get(voucherId, request.now)) return invalidParameter(`voucher ${voucherId} does not exist`);
  const body = parseBody(request.rawBody, voucherActionSchema);
  if (typeof body === 'string') return invalidParameter(body);
  return take(state, request, body, 'voucher', voucherId, body.action, () => {
    const voucher = vouchers.get(voucherId, request.now)!;
    const refusal = stopRefusal(voucher, request.now);
    if (refusal) return refusedWith(refusal, { voucher });
    const stopped = { ...voucher, stopped_at: request.now, updated_at: request.now };
    vouchers.set({ item: stopped, answerAt: null });
    return taken({ voucher: stopped });
  });
}

// ── 商业规划 ─────────────────────────────────────────────────────────────────────────────────

function submitPlanning(state: SandboxState, request: SandboxRequest): SandboxResponse {
  const { planning } = state.sales;
  const body = parseBody(request.rawBody, planningSchema);
  if (typeof body === 'string') return invalidParameter(body);
  const itemId = body.plans.map((plan) => plan.product_id).join(',');
  return take(state, request, body, 'plan', itemId, 'submit', () => {
    const now = request.now;
    const items = new Map(planning.list(now).map((item) => [item.product_id, item]));
    const refusal = planningRefusal(body.plans, items, planningYears(now));
    if (refusal) return refusedWith(refusal);
    const submitted = body.plans.map((plan) => submittedPlan(items.get(plan.product_id)!, plan, now));
    for (const item of submitted) planning.set({ item, answerAt: now + state.answerDelayMs });
    return taken({ plans: submitted }, PLANNING_SUBMITTED_MESSAGE);
  });
}

// ── 注册Agents ──────────────────────────────────────────────────────────────────────────────

function registerAgents(state: SandboxState, request: SandboxRequest): SandboxResponse {
  const { agents, products } = state.sales;
  const body = parseBody(request.rawBody, agentsRegistrationSchema);
  if (typeof body === 'string') return invalidParameter(body);
  const { registration } = body;
  if (registration.product_id !== null && !products.has(registration.product_id)) {
    return invalidParameter(`registration.product_id: product ${registration.product_id} does not exist`);
  }
  return take(state, request, body, 'agents', registration.registration_id, 'register', () => {
    const id = registration.registration_id;
    if (agents.has(id)) return refused(`registration ${id} already exists`, { reason: 'already_exists', registration_id: id });
    const refusal = agentsRefusal(registration, products);
    if (refusal) return refusedWith(refusal);
    const registered = { ...registration, status: 'registered' as const, registered_at: request.now };
    agents.set(id, registered);
    return taken({ registration: registered });
  });
}

// ── shared ───────────────────────────────────────────────────────────────────────────────────

/** Records the request and answers it once per action_id (`answer` runs for the first one only). */
function take(
  state: SandboxState,
  request: SandboxRequest,
  body: { action_id: string; at: number },
  kind: SalesActionReceived['kind'],
  itemId: string,
  action: SalesActionReceived['action'],
  answer: () => SandboxResponse,
): SandboxResponse {
  const received = { action_id: body.action_id, kind, item_id: itemId, action, at: body.at, received_at: request.now };
  return state.sales.actions.take(received, answer);
}

/** 400 MKT.9005 with `extra_info: {reason, …}`: the refusal's own facts and the item as it stays. */
function refusedWith(refusal: SalesRefusal, item: Record<string, unknown> = {}): SandboxResponse {
  return refused(refusal.message, { reason: refusal.reason, ...refusal.extra, ...item });
}
