import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { planningYears } from '../../electron/core/conventions';
import type { CoreClient } from '../../electron/core/contract';
import { startSandboxServer, type SandboxServer } from '../../electron/sandbox';
import { dbOf, external, startCore } from '../support/core';
import { useFileTempDir } from '../support/temp-dir';

/**
 * 销售管理 against the sandbox: submissions made offline are queued and sent once when it is back, a
 * resend after a lost answer counts once, and the sandbox's later approvals arrive through sync.
 */
const dataDir = useFileTempDir();
const ANSWER_DELAY = 60_000;
let clock = Date.now();
const now = () => clock;
let sandbox: SandboxServer;
let core: Core;
let client: CoreClient;
const startSandbox = (port?: number) => startSandboxServer({ seed: 'sales', size: 'small', now, answerDelayMs: ANSWER_DELAY, ...(port ? { port } : {}) });
const SALES_LISTS = ['products', 'requirements', 'offers', 'vouchers', 'planning'] as const;
beforeAll(async () => {
  sandbox = await startSandbox();
  ({ core, client } = await startCore(dataDir, { sandbox: external(sandbox), usageTickMs: 0, now }));
  await client.call('sync.run', { resources: [...SALES_LISTS] });
});
afterAll(async () => {
  await core.close();
  await sandbox.close();
});

type Received = { action_id: string; kind: string; item_id: string; action: string; duplicate: boolean };
const received = async () => ((await (await fetch(`${sandbox.baseUrl}/sandbox/sales/actions`)).json()) as { actions: Received[] }).actions;
const sync = () => client.call('sync.run', { resources: [...SALES_LISTS] });

describe('销售管理 with the sandbox', () => {
  it('syncs requirements, offers, vouchers and plans, and reads their states', async () => {
    const requirements = await client.call('requirements.page', { limit: 500 });
    expect(requirements.rows.filter((r) => r.state === 'to_accept').length).toBeGreaterThanOrEqual(2);
    expect((await client.call('offers.page', { limit: 500 })).rows.length).toBeGreaterThan(0);
    const vouchers = (await client.call('vouchers.page', { limit: 500 })).rows;
    expect(vouchers.length).toBeGreaterThan(0);
    expect(vouchers.every((v) => v.scope.length > 0 && v.voucherType === 'full_reduction')).toBe(true);
    const toFill = (await client.call('planning.page', { filters: { approval: 'to_fill' }, limit: 500 })).rows;
    expect(toFill.length).toBeGreaterThanOrEqual(3);
    expect((await client.call('overview.get', {})).todos.find((t) => t.key === 'planning.toFill')!.count).toBe(toFill.length);
  });

  it('queues a batch of plans made offline, sends each once when the sandbox is back, and its approval arrives through sync', async () => {
    const products = (await client.call('planning.page', { filters: { approval: 'to_fill' }, limit: 3 })).rows.map((r) => r.productId);
    const years = planningYears(clock);
    const port = Number(new URL(sandbox.baseUrl).port);
    await sandbox.close();
    const answer = await client.call('planning.submit', {
      plans: products.map((productId, i) => ({
        productId,
        years: years.map((year, y) => ({ year, gmvFen: i === 2 ? 0 : (y + 1) * 100_000_00, projects: 5 + y })),
      })),
    });
    expect(answer).toMatchObject({ message: '修改商业规划提交成功,请等待审批', queued: 3 });
    expect(await client.call('sales.flushSubmissions', {})).toEqual({ sent: 0, waiting: 3 });

    sandbox = await startSandbox(port);
    await sync(); // the sandbox does not know the plans yet: the seller's 待审批 stays
    expect((await client.call('planning.get', { productId: products[0]! })).plan.approval).toBe('pending_approval');
    // reaching the sandbox again sends the queue by itself; asking again waits for that same send
    expect((await client.call('sales.flushSubmissions', {})).waiting).toBe(0);
    expect(await client.call('sales.flushSubmissions', {})).toEqual({ sent: 0, waiting: 0 });
    expect((await received()).filter((a) => a.kind === 'plan').map((a) => [a.item_id, a.duplicate])).toEqual(products.map((id) => [id, false]));

    clock += ANSWER_DELAY + 1000;
    await sync();
    const after = await Promise.all(products.map((productId) => client.call('planning.get', { productId })));
    expect(after.map((d) => d.plan.approval)).toEqual(['approved', 'approved', 'rejected']);
    expect(after[2]!.plan.reason).toBe('GMV均为0，请补充商业规划依据');
    expect(after[0]!.history.map((h) => [h.actor, h.change])).toEqual([
      ['sandbox', 'listed'],
      ['seller', 'submitted'],
      ['seller', 'queued'],
      ['sandbox', 'taken'],
      ['sandbox', 'approved'],
    ]);
  });

  it('creates a Private Offer from a converting requirement; the sandbox accepts it later', async () => {
    const requirement = (await client.call('requirements.page', { filters: { state: 'converting' }, limit: 1 })).rows[0]!;
    const created = await client.call('offers.create', {
      name: '框架协议优惠',
      customerName: requirement.customerName,
      productId: requirement.productId,
      discountRate: 0.8,
      validFrom: clock + 3_600_000,
      validUntil: clock + 90 * 86_400_000,
      requirementId: requirement.requirementId,
      share: requirement.maxShare,
    });
    expect(created.offer).toMatchObject({ state: 'submitted', providerName: requirement.providerName, share: requirement.maxShare });
    await client.call('sales.flushSubmissions', {});
    expect((await received()).filter((a) => a.item_id === created.offer.offerId && !a.duplicate)).toHaveLength(1);
    clock += ANSWER_DELAY + 1000;
    await sync();
    expect((await client.call('offers.get', { offerId: created.offer.offerId })).offer.state).toBe('accepted');
    expect((await client.call('requirements.get', { requirementId: requirement.requirementId })).requirement.state).toBe('offer_created');
  });

  it('registers a backend with the Agents gateway: kept here, sent to the sandbox once, and registered there', async () => {
    const product = (await client.call('agents.products', {}))[0]!;
    const registration = await client.call('agents.register', {
      productId: product.productId,
      productName: product.name,
      backendUrl: 'https://agents.example.com/v1/chat',
      authMode: 'aksk',
      region: 'cn-north-4',
    });
    expect(registration.state).toBe('ready');
    await client.call('sales.flushSubmissions', {});
    const detail = await client.call('agents.get', { registrationId: registration.registrationId });
    expect(detail.registration).toMatchObject({ state: 'registered', refusal: null });
    expect(detail.history.map((h) => [h.actor, h.change])).toEqual([
      ['seller', 'created'],
      ['seller', 'queued'],
      ['sandbox', 'taken'],
    ]);
    expect((await received()).filter((a) => a.kind === 'agents')).toMatchObject([
      { item_id: registration.registrationId, action: 'register', duplicate: false },
    ]);
  });

  it('a submission whose answer was lost in a crash goes again with the same action id and counts once', async () => {
    const requirement = (await client.call('requirements.page', { filters: { state: 'to_accept' }, limit: 1 })).rows[0]!;
    await client.call('requirements.accept', { requirementId: requirement.requirementId });
    await client.call('sales.flushSubmissions', {});
    // as if the process died after sending, before storing the answer
    dbOf(core).prepare(`UPDATE sales_submissions SET state = 'sending' WHERE item_id = ?`).run(requirement.requirementId);
    await core.close();
    ({ core, client } = await startCore(dataDir, { sandbox: external(sandbox), usageTickMs: 0, now }));
    expect(await client.call('sales.flushSubmissions', {})).toEqual({ sent: 1, waiting: 0 });
    const sent = (await received()).filter((a) => a.item_id === requirement.requirementId);
    expect(sent.map((a) => a.duplicate)).toEqual([false, true]);
    expect(new Set(sent.map((a) => a.action_id)).size).toBe(1);
    expect((await client.call('requirements.get', { requirementId: requirement.requirementId })).requirement.state).toBe('accepted');
  });

  it('exports each list through the exporter, states read at the export time', async () => {
    for (const table of ['requirements', 'offers', 'vouchers', 'business_plans'] as const) {
      const preview = await client.call('exports.preview', { selection: { table, filters: {} }, format: 'xlsx' });
      expect(preview.rows, table).toBeGreaterThan(0);
    }
    const lapsed = await client.call('exports.preview', { selection: { table: 'requirements', filters: { state: 'lapsed' } }, format: 'csv' });
    expect(lapsed.rows).toBe((await client.call('requirements.page', { filters: { state: 'lapsed' }, limit: 500 })).rows.length);
  });
});
