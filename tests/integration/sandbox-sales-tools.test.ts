import { afterEach, describe, expect, it } from 'vitest';
import { PLANNING_SUBMITTED_MESSAGE, planningYears, REQUIREMENT_LAPSE_MS } from '../../electron/core/conventions';
import type { KooGalleryClient, ListResource } from '../../electron/core/koogallery';
import { fetchListPage } from '../../electron/core/marketplace/list-client';
import { OFFER_LOW_DISCOUNT_REASON, PLANNING_ZERO_GMV_REASON, type SandboxServer } from '../../electron/sandbox';
import type { CustomerRequirement, Offer, PlanningItem, SandboxProduct, Voucher } from '../../electron/sandbox/generator';
import { sandboxWithClient } from '../support/sandbox';
import { expectInvalid, expectRefused, postAction, taken } from '../support/sandbox-actions';

const anchor = Date.UTC(2026, 10, 23, 16); // 2026-11-24 00:00 Beijing
const DELAY = 30_000;
const MINUTE = 60_000;
const DAY = 86_400_000;

type Requirement = CustomerRequirement;
type Plan = PlanningItem;

/** The exact fields of each list's items (the wire shapes in electron/sandbox/README.md). */
const FIELDS = {
  requirements: 'requirement_id provider_name customer_name customer_account product_id product_name status expected_share max_share created_at updated_at',
  offers:
    'offer_id name customer_name customer_account product_id product_name sku_code discount_rate price_fen valid_from valid_until requirement_id provider_name share status reason created_at updated_at',
  vouchers: 'voucher_id name voucher_type threshold_fen discount_fen category scope valid_from valid_until stopped_at status reason updated_at',
  planning: 'product_id product_name years approval reason submitted_at updated_at',
};
const fieldsOf = (item: object) => Object.keys(item).sort();
const expected = (resource: keyof typeof FIELDS) => FIELDS[resource].split(' ').sort();

type Product = Pick<SandboxProduct, 'product_id' | 'name' | 'product_type' | 'status' | 'skus'>;

let clock = anchor + 9 * 3_600_000;
let sandbox: SandboxServer;
let client: KooGalleryClient;
let ids = 0;

async function start() {
  clock = anchor + 9 * 3_600_000;
  ({ sandbox, client } = await sandboxWithClient({ anchor, now: () => clock, answerDelayMs: DELAY }));
}

afterEach(async () => {
  await sandbox.close();
});

const nextId = (prefix: string) => `${prefix}-${++ids}`;

/** A signed POST under /sandbox/v1/, through the app's client. */
const post = (path: string, body: Record<string, unknown>) => postAction(client, path, body);

async function list<T>(resource: ListResource, cursor: string | null = null): Promise<{ items: T[]; cursor: string | null }> {
  const items: T[] = [];
  for (;;) {
    const outcome = await fetchListPage(client, resource, cursor, 1000);
    if (outcome.class !== 'ok') throw new Error(outcome.message);
    items.push(...(outcome.data.items as unknown as T[]));
    cursor = outcome.data.nextCursor;
    if (!outcome.data.hasMore) return { items, cursor };
  }
}

const requirements = async () => (await list<Requirement>('requirements')).items;
const offers = async () => (await list<Offer>('offers')).items;
const vouchers = async () => (await list<Voucher>('vouchers')).items;
const plans = async () => (await list<Plan>('planning')).items;
const products = async () => (await list<Product>('products')).items;

function act(kind: 'requirements' | 'offers' | 'vouchers', id: string, action: string, actionId = nextId('act')) {
  return post(`${kind}/${encodeURIComponent(id)}/actions`, { action_id: actionId, action, at: clock });
}

const CUSTOMER = { name: '测试专属优惠', customer_name: '北京测试集团有限公司', customer_account: 'hw12345678' };
const TERMS = { sku_code: null, discount_rate: 0.85, price_fen: null, requirement_id: null, share: null };

function offerFields(product: Product, fields: Record<string, unknown> = {}) {
  const period = { valid_from: clock + DAY, valid_until: clock + 90 * DAY };
  return { offer_id: nextId('PO-T'), ...CUSTOMER, product_id: product.product_id, ...TERMS, ...period, ...fields };
}

const createOffer = (offer: Record<string, unknown>, actionId = nextId('act')) => post('offers', { action_id: actionId, at: clock, offer });

function voucherFields(product: Product, fields: Record<string, unknown> = {}) {
  const amounts = { name: '满1000减100', voucher_type: 'full_reduction', threshold_fen: 1000_00, discount_fen: 100_00, category: product.product_type };
  const period = { valid_from: clock + DAY, valid_until: clock + 30 * DAY };
  return { voucher_id: nextId('VC-T'), ...amounts, scope: [{ product_id: product.product_id, sku_code: null }], ...period, ...fields };
}

const createVoucher = (voucher: Record<string, unknown>, actionId = nextId('act')) => post('vouchers', { action_id: actionId, at: clock, voucher });

function fullPlan(productId: string, gmv = [500_000_00, 800_000_00, 1_200_000_00]) {
  return { product_id: productId, years: planningYears(clock).map((year, k) => ({ year, gmv_fen: gmv[k]!, projects: 10 * (k + 1) })) };
}

const submitPlans = (list: unknown[], actionId = nextId('act')) => post('planning', { action_id: actionId, at: clock, plans: list });

function sortedBy<T, K extends keyof T>(items: T[], key: K): T[] {
  return [...items].sort((x, y) => String(x[key]).localeCompare(String(y[key])));
}

async function controlActions() {
  const response = await fetch(`${sandbox.baseUrl}/sandbox/sales/actions`);
  return ((await response.json()) as { actions: Record<string, unknown>[] }).actions;
}

describe('sandbox 销售管理 lists', () => {
  it('lists requirements, offers, vouchers and plans in the documented shapes, with the pinned fixtures', async () => {
    await start();
    const all = await requirements();
    expect(all).toHaveLength(30);
    for (const r of all) {
      expect(fieldsOf(r), r.requirement_id).toEqual(expected('requirements'));
      expect(r.customer_account).toMatch(/^hw\d+$/);
      expect([0.1, 0.15, 0.2]).toContain(r.max_share);
      expect(typeof r.expected_share).toBe('number');
      expect(r.expected_share).toBeLessThanOrEqual(r.max_share);
      if (anchor - r.created_at > REQUIREMENT_LAPSE_MS) expect(r.status, r.requirement_id).not.toBe('to_accept');
    }
    const fresh = all.filter((r) => r.status === 'to_accept' && anchor - r.created_at < 2 * DAY && r.created_at <= anchor);
    expect(fresh.length).toBeGreaterThanOrEqual(2);
    expect(all.some((r) => r.status === 'converting')).toBe(true);
    expect(all.some((r) => r.status === 'lapsed')).toBe(true);

    const byId = new Map((await products()).map((p) => [p.product_id, p]));
    const listed = await offers();
    expect(listed.length).toBeGreaterThanOrEqual(20);
    for (const o of listed) {
      expect(fieldsOf(o), o.offer_id).toEqual(expected('offers'));
      expect(byId.get(o.product_id)!.product_type, o.offer_id).toBe('joint_operation');
      expect((o.discount_rate === null) !== (o.price_fen === null), o.offer_id).toBe(true);
      if (o.discount_rate !== null) expect(o.discount_rate > 0 && o.discount_rate < 1).toBe(true);
      expect(o.valid_from).toBeLessThan(o.valid_until);
      expect(['submitted', 'accepted', 'rejected', 'withdrawn']).toContain(o.status);
      expect(o.reason === null, o.offer_id).toBe(o.status !== 'rejected');
      if (o.requirement_id) {
        const from = all.find((r) => r.requirement_id === o.requirement_id)!;
        expect(from).toMatchObject({ status: 'offer_created', product_id: o.product_id, provider_name: o.provider_name });
        expect(o.share).toBeLessThanOrEqual(from.max_share);
      } else expect(o).toMatchObject({ provider_name: null, share: null });
    }
    expect(listed.some((o) => o.requirement_id !== null)).toBe(true);
    const created = all.filter((r) => r.status === 'offer_created').map((r) => r.requirement_id);
    expect(created.every((id) => listed.some((o) => o.requirement_id === id))).toBe(true);

    for (const v of await vouchers()) {
      expect(fieldsOf(v), v.voucher_id).toEqual(expected('vouchers'));
      expect(v).toMatchObject({ voucher_type: 'full_reduction', scope: expect.any(Array) });
      expect(v.discount_fen).toBeGreaterThan(0);
      expect(v.discount_fen).toBeLessThan(v.threshold_fen);
      for (const s of v.scope) expect(byId.get(s.product_id)!.product_type).toBe(v.category);
      expect(['submitted', 'published', 'rejected']).toContain(v.status);
      if (v.stopped_at !== null) expect(v.stopped_at).toBeGreaterThanOrEqual(v.valid_from);
    }

    const planning = await plans();
    expect(planning.filter((p) => p.approval === 'to_fill').length).toBeGreaterThanOrEqual(3);
    for (const p of planning) {
      expect(fieldsOf(p), p.product_id).toEqual(expected('planning'));
      expect(p.years.every((y) => fieldsOf(y).join() === 'gmv_fen,projects,year')).toBe(true);
      expect(p.years.map((y) => y.year)).toEqual(planningYears(anchor));
      expect(p.submitted_at === null).toBe(p.approval === 'to_fill');
      expect(p.reason === null).toBe(p.approval !== 'rejected');
    }
  });
});

describe('sandbox 客户需求 actions', () => {
  it('accepts 5 days minus a minute after the requirement was raised and refuses 5 days plus a minute (lapsed)', async () => {
    await start();
    const fresh = (await requirements()).filter((r) => r.status === 'to_accept' && anchor - r.created_at < 2 * DAY).sort((a, b) => a.created_at - b.created_at);
    const [older, newer] = fresh as [Requirement, Requirement];

    clock = older.created_at + REQUIREMENT_LAPSE_MS + MINUTE;
    const late = await act('requirements', older.requirement_id, 'accept');
    expectRefused(late, 'lapsed');
    expect(late.body.extra_info).toMatchObject({ requirement: { requirement_id: older.requirement_id, status: 'lapsed' } });
    const refusedAt = clock;

    clock = newer.created_at + REQUIREMENT_LAPSE_MS - MINUTE;
    const accepted = taken<Requirement>(await act('requirements', newer.requirement_id, 'accept'), 'requirement');
    expect(accepted).toEqual({ ...newer, status: 'accepted', updated_at: clock });
    // a lapse is applied when a request sees it, like the other side's answers
    const listed = await requirements();
    expect(listed.find((r) => r.requirement_id === older.requirement_id)).toEqual({ ...older, status: 'lapsed', updated_at: refusedAt });
    expect(listed.find((r) => r.requirement_id === newer.requirement_id)).toEqual(accepted);
  });

  it('converts only an accepted requirement, and refuses the wrong state with the state named', async () => {
    await start();
    const all = await requirements();
    const waiting = all.find((r) => r.status === 'to_accept' && anchor - r.created_at < 2 * DAY)!;
    const wrong = await act('requirements', waiting.requirement_id, 'convert');
    expectRefused(wrong, 'wrong_state');
    expect(wrong.outcome.class !== 'ok' && wrong.outcome.message).toMatch(/to_accept.*convert.*accepted/);
    taken(await act('requirements', waiting.requirement_id, 'accept'), 'requirement');
    clock += 1_000;
    const converted = taken<Requirement>(await act('requirements', waiting.requirement_id, 'convert'), 'requirement');
    expect(converted).toMatchObject({ status: 'converting', updated_at: clock });
    expectRefused(await act('requirements', waiting.requirement_id, 'accept'), 'wrong_state');
    expectInvalid(await act('requirements', 'RQ-NOPE', 'accept'), 'RQ-NOPE');
    expectInvalid(await act('requirements', waiting.requirement_id, 'reject'), 'action');
  });
});

describe('sandbox Private Offer', () => {
  it('refuses an offer on a 通用商品, naming the product and its type', async () => {
    await start();
    const general = (await products()).find((p) => p.product_type === 'general')!;
    const answer = await createOffer(offerFields(general));
    expectRefused(answer, 'not_joint_operation');
    expect(answer.body.resultMsg).toBe(`Private Offer仅限联营商品可以创建: ${general.name} 是通用商品`);
    expect((await offers()).some((o) => o.product_id === general.product_id)).toBe(false);
  });

  it('refuses a share above the requirement’s maximum and takes one equal to it, naming the provider', async () => {
    await start();
    const converting = (await requirements()).find((r) => r.status === 'converting')!;
    const product = (await products()).find((p) => p.product_id === converting.product_id)!;
    const fields = { requirement_id: converting.requirement_id, customer_name: converting.customer_name };

    const above = await createOffer(offerFields(product, { ...fields, share: converting.max_share + 0.01 }));
    expectRefused(above, 'share_above_maximum');
    expect((await requirements()).find((r) => r.requirement_id === converting.requirement_id)).toEqual(converting);

    clock += 1_000;
    const offer = taken<Offer>(await createOffer(offerFields(product, { ...fields, share: converting.max_share })), 'offer');
    expect(offer).toMatchObject({
      status: 'submitted',
      reason: null,
      requirement_id: converting.requirement_id,
      provider_name: converting.provider_name,
      share: converting.max_share,
      product_name: product.name,
      created_at: clock,
      updated_at: clock,
    });
    const after = (await requirements()).find((r) => r.requirement_id === converting.requirement_id);
    expect(after).toEqual({ ...converting, status: 'offer_created', updated_at: clock });
    // the requirement has its offer now
    expectRefused(await createOffer(offerFields(product, { ...fields, share: converting.expected_share })), 'wrong_state');
  });

  it('checks the body: one of discount_rate / price_fen, a known product, a share only with a requirement', async () => {
    await start();
    const joint = (await products()).find((p) => p.product_type === 'joint_operation')!;
    expectInvalid(await createOffer(offerFields(joint, { price_fen: 9900 })), 'offer.discount_rate');
    expectInvalid(await createOffer(offerFields(joint, { discount_rate: null })), 'offer.discount_rate');
    expectInvalid(await createOffer(offerFields(joint, { discount_rate: 1 })), 'offer.discount_rate');
    expectInvalid(await createOffer(offerFields(joint, { share: 0.1 })), 'offer.share');
    expectInvalid(await createOffer(offerFields(joint, { product_id: 'OFFI000' })), 'offer.product_id');
    expectRefused(await createOffer(offerFields(joint, { valid_until: clock })), 'period_order');
    expectRefused(await createOffer(offerFields(joint, { sku_code: 'no-such-sku' })), 'sku_not_in_product');
    expect(await controlActions()).toHaveLength(2);
  });

  it('has Huawei Cloud answer one delay later: accepted, or rejected below 3折; updated_at is the request that sees it', async () => {
    await start();
    const joint = (await products()).find((p) => p.product_type === 'joint_operation')!;
    const before = await list<Offer>('offers');
    const submittedAt = clock;
    const fair = taken<Offer>(await createOffer(offerFields(joint, { discount_rate: 0.3 })), 'offer');
    const low = taken<Offer>(await createOffer(offerFields(joint, { discount_rate: 0.29 })), 'offer');
    const priced = taken<Offer>(await createOffer(offerFields(joint, { discount_rate: null, price_fen: 1, sku_code: joint.skus[0]!.sku_code })), 'offer');

    clock = submittedAt + DELAY - 1;
    expect((await list<Offer>('offers', before.cursor)).items.map((o) => o.status)).toEqual(['submitted', 'submitted', 'submitted']);
    clock = submittedAt + DELAY + 5_000;
    const since = await list<Offer>('offers', before.cursor);
    const rejected = { ...low, status: 'rejected' as const, reason: OFFER_LOW_DISCOUNT_REASON, updated_at: clock };
    const answered = [{ ...fair, status: 'accepted' as const, updated_at: clock }, rejected, { ...priced, status: 'accepted' as const, updated_at: clock }];
    expect(sortedBy(since.items, 'offer_id')).toEqual(sortedBy(answered, 'offer_id'));
    clock += 1_000;
    expect((await list<Offer>('offers', since.cursor)).items).toEqual([]);

    const withdrawn = taken<Offer>(await act('offers', fair.offer_id, 'withdraw'), 'offer');
    expect(withdrawn).toEqual({ ...fair, status: 'withdrawn', updated_at: clock });
    const again = await act('offers', fair.offer_id, 'withdraw');
    expectRefused(again, 'wrong_state');
    expect(again.body.extra_info).toMatchObject({ offer: withdrawn });
    expectRefused(await act('offers', low.offer_id, 'withdraw'), 'wrong_state');
  });

  it('answers a repeated action_id with the first answer and creates the offer once', async () => {
    await start();
    const joint = (await products()).find((p) => p.product_type === 'joint_operation')!;
    const fields = offerFields(joint);
    const first = await createOffer(fields, 'same-offer');
    clock += 1_000;
    const again = await createOffer(fields, 'same-offer');
    expect(again.body).toEqual(first.body);
    expect((await offers()).filter((o) => o.offer_id === fields.offer_id)).toHaveLength(1);
    // a new action_id for the same offer_id is a new attempt: the offer exists already
    expectRefused(await createOffer(fields), 'already_exists');
    expect((await controlActions()).filter((a) => a.action_id === 'same-offer')).toEqual([
      { action_id: 'same-offer', kind: 'offer', item_id: fields.offer_id, action: 'create', at: clock - 1_000, received_at: clock - 1_000, duplicate: false },
      { action_id: 'same-offer', kind: 'offer', item_id: fields.offer_id, action: 'create', at: clock, received_at: clock, duplicate: true },
    ]);
  });
});

describe('sandbox 代金券', () => {
  it('refuses a voucher type other than 满减 with Seller Center’s words', async () => {
    await start();
    const product = (await products()).find((p) => p.status === 'on_sale' && p.product_type === 'general')!;
    const answer = await createVoucher(voucherFields(product, { voucher_type: 'discount' }));
    expectRefused(answer, 'voucher_type');
    expect(answer.body.resultMsg).toBe('云商店当前仅支持满减券');
  });

  it('refuses a discount equal to the threshold and takes one a fen below; published one delay later', async () => {
    await start();
    const product = (await products()).find((p) => p.status === 'on_sale' && p.product_type === 'general')!;
    const before = await list<Voucher>('vouchers');
    expectRefused(await createVoucher(voucherFields(product, { threshold_fen: 500_00, discount_fen: 500_00 })), 'discount_below_threshold');
    expectRefused(await createVoucher(voucherFields(product, { discount_fen: 0 })), 'discount_positive');
    const submittedAt = clock;
    const voucher = taken<Voucher>(await createVoucher(voucherFields(product, { threshold_fen: 500_00, discount_fen: 499_99 })), 'voucher');
    expect(voucher).toMatchObject({ status: 'submitted', stopped_at: null, reason: null, voucher_type: 'full_reduction', updated_at: submittedAt });

    clock = submittedAt + DELAY - 1;
    expect((await list<Voucher>('vouchers', before.cursor)).items).toEqual([voucher]);
    expectRefused(await act('vouchers', voucher.voucher_id, 'stop'), 'wrong_state');
    clock = submittedAt + DELAY;
    const published = { ...voucher, status: 'published', updated_at: clock };
    expect((await list<Voucher>('vouchers', before.cursor)).items).toEqual([published]);

    clock += 1_000;
    expect(taken<Voucher>(await act('vouchers', voucher.voucher_id, 'stop'), 'voucher')).toEqual({ ...published, stopped_at: clock, updated_at: clock });
    expectRefused(await act('vouchers', voucher.voucher_id, 'stop'), 'stopped');
  });

  it('refuses a past start, a product of another category, one off the shelf and a foreign SKU', async () => {
    await start();
    const all = await products();
    const general = all.find((p) => p.status === 'on_sale' && p.product_type === 'general')!;
    const joint = all.find((p) => p.status === 'on_sale' && p.product_type === 'joint_operation')!;
    const offShelf = all.find((p) => p.status === 'off_shelf' && (p.product_type === 'general' || p.product_type === 'joint_operation'))!;
    expectRefused(await createVoucher(voucherFields(general, { valid_from: clock - 1 })), 'start_in_past');
    expectRefused(await createVoucher(voucherFields(general, { valid_until: clock + DAY })), 'period_order');
    const foreign = await createVoucher(voucherFields(general, { scope: [{ product_id: joint.product_id, sku_code: null }] }));
    expectRefused(foreign, 'product_not_in_category');
    expect(foreign.body.resultMsg).toContain(joint.name);
    expect(foreign.body.extra_info).toMatchObject({ product_id: joint.product_id });
    const shelved = await createVoucher(voucherFields(offShelf));
    expectRefused(shelved, 'product_not_on_sale');
    expect(shelved.body.resultMsg).toContain(offShelf.name);
    expectRefused(
      await createVoucher(voucherFields(general, { scope: [{ product_id: general.product_id, sku_code: joint.skus[0]!.sku_code }] })),
      'sku_not_in_product',
    );
    expectInvalid(await createVoucher(voucherFields(general, { scope: [{ product_id: 'OFFI000', sku_code: null }] })), 'voucher.scope.0.product_id');
    expectInvalid(await createVoucher(voucherFields(general, { category: 'curated_certified' })), 'voucher.category');
    const sku = general.skus[0]!.sku_code;
    expect(
      taken<Voucher>(await createVoucher(voucherFields(general, { scope: [{ product_id: general.product_id, sku_code: sku }] })), 'voucher').scope,
    ).toEqual([{ product_id: general.product_id, sku_code: sku }]);
  });
});

describe('sandbox 商业规划', () => {
  it('refuses a plan with one year missing, naming product and year, and changes nothing (all or nothing)', async () => {
    await start();
    const before = await plans();
    const [a, b] = before.filter((p) => p.approval === 'to_fill') as [Plan, Plan];
    const [, second] = planningYears(clock);
    const short = fullPlan(b.product_id);
    short.years = short.years.filter((y) => y.year !== second);
    const answer = await submitPlans([fullPlan(a.product_id), short]);
    expectRefused(answer, 'wrong_years');
    expect(answer.body.extra_info).toMatchObject({ product_id: b.product_id, year: second });
    expect(answer.body.resultMsg).toContain(b.product_name);
    expect(answer.body.resultMsg).toContain(String(second));
    expect(await plans()).toEqual(before);

    const noProjects = fullPlan(a.product_id) as { product_id: string; years: Record<string, unknown>[] };
    noProjects.years[2] = { ...noProjects.years[2], projects: null };
    expectRefused(await submitPlans([noProjects]), 'missing_value');
    expectRefused(await submitPlans([fullPlan(a.product_id, [1, -1, 1])]), 'invalid_value');
    expectRefused(await submitPlans([fullPlan(a.product_id, [1.5, 1, 1])]), 'invalid_value');
    expectRefused(await submitPlans([fullPlan('OFFI000')]), 'not_in_planning');
    expectRefused(await submitPlans([fullPlan(a.product_id), fullPlan(a.product_id)]), 'duplicate_product');
    expectInvalid(await submitPlans([]), 'plans');
    expect(await plans()).toEqual(before);
  });

  it('takes a submission with Seller Center’s words, then approves it, or rejects GMVs all 0, one delay later', async () => {
    await start();
    const before = await list<Plan>('planning');
    const [a, b, c] = before.items.filter((p) => p.approval === 'to_fill') as [Plan, Plan, Plan];
    const submittedAt = clock;
    const answer = await submitPlans([fullPlan(a.product_id), fullPlan(b.product_id, [0, 0, 0]), fullPlan(c.product_id, [0, 0, 1])], 'plan-1');
    expect(answer.body.resultMsg).toBe(PLANNING_SUBMITTED_MESSAGE);
    expect(answer.body.resultMsg).toBe('修改商业规划提交成功,请等待审批');
    const submitted = taken<Plan[]>(answer, 'plans');
    expect(submitted.map((p) => [p.product_id, p.approval, p.submitted_at, p.updated_at])).toEqual(
      [a, b, c].map((p) => [p.product_id, 'pending_approval', submittedAt, submittedAt]),
    );
    expect(submitted[0]!.years).toEqual(fullPlan(a.product_id).years);

    clock = submittedAt + DELAY + 2_000;
    const since = await list<Plan>('planning', before.cursor);
    const [approvedA, zero, approvedC] = submitted.map((p) => ({ ...p, approval: 'approved' as const, updated_at: clock })) as [Plan, Plan, Plan];
    const answered = [approvedA, { ...zero, approval: 'rejected' as const, reason: PLANNING_ZERO_GMV_REASON }, approvedC];
    expect(sortedBy(since.items, 'product_id')).toEqual(sortedBy(answered, 'product_id'));

    // the same action_id again: the first answer, nothing submitted again
    clock += 1_000;
    const again = await submitPlans([fullPlan(a.product_id)], 'plan-1');
    expect(again.body).toEqual(answer.body);
    expect((await list<Plan>('planning', since.cursor)).items).toEqual([]);
    expect((await controlActions()).filter((x) => x.action_id === 'plan-1')).toMatchObject([
      { kind: 'plan', item_id: [a, b, c].map((p) => p.product_id).join(','), action: 'submit', duplicate: false, received_at: submittedAt },
      { kind: 'plan', action: 'submit', duplicate: true, received_at: clock },
    ]);
  });
});
