import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { startSandboxServer, type SandboxServer } from '../../electron/sandbox';
import type { WebHost } from '../../electron/web-host/server';
import { callOverHttp, external, startBrowserMode, startCore } from '../support/core';
import { useFileTempDir } from '../support/temp-dir';

/** 激活授权码 and 查询授权码 through the contract over HTTP (browser mode), against the sandbox's License API. */
const dataDir = useFileTempDir();
const pageDir = useFileTempDir();
const wrongDir = useFileTempDir();
let sandbox: SandboxServer;
let core: Core;
let host: WebHost;
beforeAll(async () => {
  sandbox = await startSandboxServer({ seed: 'licenses', size: 'small' });
  ({ core } = await startCore(dataDir, { sandbox: external(sandbox), usageTickMs: 0 }));
  host = await startBrowserMode(core, pageDir);
});
afterAll(async () => {
  await host.close();
  await core.close();
  await sandbox.close();
});

const call = async (method: string, input: unknown) => {
  const { status, body } = await callOverHttp(host, method, input);
  return { status, ...(body as { ok: boolean; value?: Record<string, unknown>; error?: Record<string, unknown> }) };
};
const sandboxLicense = async (license: string) => {
  const { licenses } = (await (await fetch(`${sandbox.baseUrl}/sandbox/licenses`)).json()) as {
    licenses: { license: string; activated_at: number | null; expire_at: number }[];
  };
  return licenses.find((l) => l.license === license)!;
};

describe('License activation through the contract', () => {
  it('activates a test code (v1): 92020000 with ALIVE and the expiry, visible in the sandbox; 查询授权码 then says ALIVE', async () => {
    const before = await sandboxLicense('LICTEST000001');
    expect(before.activated_at).toBeNull();
    const activated = await call('supervision.activateLicense', { license: 'LICTEST000001' });
    expect(activated.value).toMatchObject({ ok: true, code: '92020000', status: 'ALIVE', expireTime: before.expire_at, queued: false, flow: null });
    expect((await sandboxLicense('LICTEST000001')).activated_at).not.toBeNull();

    const queried = await call('supervision.queryLicense', { license: 'LICTEST000001' });
    expect(queried.value).toMatchObject({ ok: true, code: '92020000', status: 'ALIVE' });
    expect(queried.value!.activateTime).toBe(
      (await sandboxLicense('LICTEST000001')).activated_at! - ((await sandboxLicense('LICTEST000001')).activated_at! % 1000),
    );
  });

  it('activates through the v2 batch endpoint, and 查询授权码 of a code never activated says RELEASED', async () => {
    const activated = await call('supervision.activateLicense', { license: 'LICTEST000002', version: 'v2' });
    expect(activated.value).toMatchObject({ ok: true, code: '92020000', status: 'ALIVE' });
    expect((await call('supervision.queryLicense', { license: 'LICTEST000003', version: 'v2' })).value).toMatchObject({
      ok: true,
      status: 'RELEASED',
      activateTime: null,
    });
  });

  it('answers each failure code with its message, never as success: an unknown code, an effect time before the order (92020002), another seller’s code (92020001)', async () => {
    const unknown = await call('supervision.activateLicense', { license: 'LICNOSUCHCODE' });
    expect(unknown.value).toMatchObject({ ok: false, code: '92020002', status: null, queued: false });
    expect(unknown.value!.message).toMatch(/LICNOSUCHCODE not found/);
    const early = await call('supervision.activateLicense', { license: 'LICTEST000003', realEffectTime: Date.UTC(2000, 0, 1) });
    expect(early.value).toMatchObject({ ok: false, code: '92020002' });
    expect(early.value!.message).toMatch(/real_effect_time must not be earlier than the order time/);
    expect((await sandboxLicense('LICTEST000003')).activated_at).toBeNull();
    const otherSellers = await call('supervision.activateLicense', { license: 'LICOTHERSELLER01' });
    expect(otherSellers.value).toMatchObject({ ok: false, code: '92020001', message: 'Unauthorized', status: null });
    const heartbeat = await call('supervision.queryLicense', { license: 'LICNOSUCHCODE' });
    expect(heartbeat.value).toMatchObject({ ok: false, code: '92020002', status: null });
  });

  it('refuses a code with spaces before anything is sent, naming the field', async () => {
    const refused = await call('supervision.activateLicense', { license: 'LIC TEST' });
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatchObject({ code: 'VALIDATION' });
    expect(JSON.stringify(refused.error)).toMatch(/license/);
  });
});

describe('a signature the sandbox refuses', () => {
  it('is an error with the gateway code, not a success, and the code stays unactivated', async () => {
    const { core: wrong, client } = await startCore(wrongDir, {
      sandbox: external({ baseUrl: sandbox.baseUrl, credentials: { ...sandbox.credentials, sk: 'not-the-sandbox-secret' } }),
      usageTickMs: 0,
    });
    try {
      const answer = await client.call('supervision.activateLicense', { license: 'LICTEST000003' });
      expect(answer).toMatchObject({ ok: false, code: 'APIGW.0303', queued: false });
      expect((await sandboxLicense('LICTEST000003')).activated_at).toBeNull();
    } finally {
      await wrong.close();
    }
  });
});
