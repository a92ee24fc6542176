import { afterEach, describe, expect, it } from 'vitest';
import type { KooGalleryClient } from '../../electron/core/koogallery';
import type { SandboxServer } from '../../electron/sandbox';
import type { SandboxProduct } from '../../electron/sandbox/generator';
import { fetchListPage } from '../../electron/core/marketplace/list-client';
import { sandboxWithClient } from '../support/sandbox';
import { expectInvalid, expectRefused, postAction, taken } from '../support/sandbox-actions';

/** 注册Agents on the sandbox: the gateway's rules (华北-北京四, 通用商品, an http(s) backend), idempotent by action_id. */
const clock = Date.UTC(2026, 10, 24, 2);
let sandbox: SandboxServer;
let client: KooGalleryClient;
let ids = 0;

async function start() {
  ({ sandbox, client } = await sandboxWithClient({ now: () => clock }));
}

afterEach(async () => {
  await sandbox.close();
});

const nextId = (prefix: string) => `${prefix}-${++ids}`;

async function products(): Promise<SandboxProduct[]> {
  const outcome = await fetchListPage(client, 'products', null, 1000);
  if (outcome.class !== 'ok') throw new Error(outcome.message);
  return outcome.data.items as unknown as SandboxProduct[];
}

async function controlActions() {
  const response = await fetch(`${sandbox.baseUrl}/sandbox/sales/actions`);
  return ((await response.json()) as { actions: Record<string, unknown>[] }).actions;
}

describe('sandbox 注册Agents', () => {
  const registration = (fields: Record<string, unknown> = {}) => ({
    registration_id: nextId('AG'),
    product_id: null,
    product_name: '智能客服大模型API',
    backend_url: 'https://api.example.com/v1/chat',
    auth_mode: 'aksk',
    region: 'cn-north-4',
    ...fields,
  });
  const register = (r: Record<string, unknown>, actionId = nextId('act')) =>
    postAction(client, 'agents/registrations', { action_id: actionId, at: clock, registration: r });

  it('takes a registration in 华北-北京四 and refuses every other region with the gateway rule', async () => {
    await start();
    const sent = registration();
    expect(taken<Record<string, unknown>>(await register(sent), 'registration')).toEqual({ ...sent, status: 'registered', registered_at: clock });
    const elsewhere = await register(registration({ region: 'cn-east-3' }));
    expectRefused(elsewhere, 'region_not_supported');
    expect(elsewhere.body.resultMsg).toBe('目前华为云云商店的Agents网关默认在华北-北京四,其他区域暂不支持');
    expect(elsewhere.body.extra_info).toMatchObject({ region: 'cn-east-3' });
  });

  it('refuses a product other than 通用商品 and an address that is not http(s); an unknown product is a bad parameter', async () => {
    await start();
    const other = (await products()).find((p) => p.product_type !== 'general')!;
    expectRefused(await register(registration({ product_id: other.product_id })), 'not_general_product');
    const general = (await products()).find((p) => p.product_type === 'general')!;
    taken(await register(registration({ product_id: general.product_id })), 'registration');
    expectRefused(await register(registration({ backend_url: 'ftp://api.example.com/v1' })), 'invalid_backend_url');
    expectInvalid(await register(registration({ product_id: 'OFFI-NOPE' })), 'registration.product_id');
  });

  it('answers a repeated action_id with the first answer and registers once', async () => {
    await start();
    const sent = registration();
    const first = await register(sent, 'agents-1');
    const again = await register(sent, 'agents-1');
    expect(again.body).toEqual(first.body);
    expectRefused(await register(sent), 'already_exists');
    expect((await controlActions()).filter((x) => x.kind === 'agents').map((x) => [x.action_id === 'agents-1', x.duplicate])).toEqual([
      [true, false],
      [true, true],
      [false, false],
    ]);
  });
});
