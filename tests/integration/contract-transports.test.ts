import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Core } from '../../electron/core';
import type { CoreEvent, WireMessage } from '../../electron/core/contract';
import { startSandboxServer } from '../../electron/sandbox';
import type { WebHost } from '../../electron/web-host/server';
import { callOverHttp, external, startBrowserMode, startCore, dbOf } from '../support/core';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function core(options: Parameters<typeof startCore>[1] = {}, dataDir = tempDir()) {
  const started = await startCore(dataDir, options);
  cleanups.push(() => started.core.close());
  return { ...started, dataDir };
}

async function browserMode(c: Core): Promise<WebHost> {
  const host = await startBrowserMode(c, tempDir());
  cleanups.push(() => host.close());
  return host;
}

describe('validation through the contract', () => {
  it('refuses a bad payload with a typed error naming the field, and changes nothing', async () => {
    const { client } = await core();
    const before = await client.call('settings.get', {});
    const bad = await client.tryCall('settings.update', { language: 'fr-FR' as 'zh-CN' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'language' }] } });

    const mixed = await client.tryCall('settings.update', { language: 'en-US', timeZone: '' });
    expect(mixed).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'timeZone' }] } });
    const unknownKey = await client.tryCall('settings.update', { colour: 'red' } as never);
    expect(unknownKey).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await client.call('settings.get', {})).toEqual(before);
  });

  it('answers an unknown method with UNKNOWN_METHOD', async () => {
    const { core: c } = await core();
    expect(await c.dispatch('orders.dropAll', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('keeps settings across a restart on the same data folder', async () => {
    const dataDir = tempDir();
    const first = await startCore(dataDir);
    await first.client.call('settings.update', { language: 'en-US', timeZone: 'Europe/Berlin' });
    await first.core.close();
    const { client } = await core({}, dataDir);
    expect(await client.call('settings.get', {})).toMatchObject({ language: 'en-US', timeZone: 'Europe/Berlin' });
  });
});

describe('status from the core', () => {
  it('reports the embedded sandbox, online, and queue counts read from the database', async () => {
    const now = Date.UTC(2026, 10, 24, 6, 5, 0);
    const { core: c, client } = await core({ now: () => now });
    const insert = dbOf(c).prepare(
      `INSERT INTO usage_records (metering_sn, instance_id, begin_at, end_at, recorded_at, usage_value, billing_cycle, state, window_opens_at, window_closes_at, created_at, updated_at)
       VALUES (?, 'i-1', ?, ?, ?, '1', 'hourly', ?, 0, ?, ?, ?)`,
    );
    const rows: [string, number][] = [
      ['queued', -60_000],
      ['queued', 5 * 60_000],
      ['sending', 10 * 60_000],
      ['queued', 3_600_000],
      ['accepted', -60_000],
    ];
    rows.forEach(([state, closesIn], i) => insert.run(`sn-${i}`, i * 1000, i * 1000 + 1, now, state, now + closesIn, now, now));
    dbOf(c)
      .prepare("INSERT INTO sync_cursors (resource, cursor, last_synced_at) VALUES ('orders', 'x', ?)")
      .run(now - 1000);

    const status = await client.call('status.get', {});
    expect(status.dataSource).toMatchObject({ kind: 'sandbox', reason: 'default', baseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
    expect(status.connectivity.state).toBe('online');
    expect(status.usageQueue).toEqual({ queued: 3, sending: 1, dueSoon: 2, atRisk: 1 });
    expect(status.sync).toMatchObject({ state: 'idle', lastSyncedAt: now - 1000 });
  });

  it('goes offline when the marketplace stops answering, and tells the UI', async () => {
    const sandbox = await startSandboxServer();
    const { client } = await core({ sandbox: external(sandbox) });
    const events: CoreEvent[] = [];
    client.subscribe((event) => events.push(event));
    expect((await client.call('status.checkConnectivity', {})).state).toBe('online');
    await sandbox.close();
    const offline = await client.call('status.checkConnectivity', {});
    expect(offline).toMatchObject({ state: 'offline', detail: 'ECONNREFUSED' });
    expect(events.some((e) => e.type === 'status' && e.status.connectivity.state === 'offline')).toBe(true);
  });

  it('falls back to the sandbox, saying why, when the real API is chosen without credentials', async () => {
    const { client } = await core();
    await client.call('settings.update', { dataSource: 'real' });
    expect((await client.call('status.get', {})).dataSource).toMatchObject({ kind: 'sandbox', reason: 'no-credentials' });
    expect(await client.call('marketplace.credentialsStatus', {})).toEqual({ configured: false, akHint: null });
    await client.call('marketplace.saveCredentials', { sellerKey: 'k', ak: 'AKIDEXAMPLE1234', sk: 's' });
    const status = await client.call('status.get', {});
    expect(status.dataSource).toMatchObject({ kind: 'real', reason: 'selected', baseUrl: 'https://mkt.myhuaweicloud.com' });
    expect(await client.call('marketplace.capabilities', {})).toMatchObject({ source: 'koogallery', pushUsage: true, lists: [] });
    expect(await client.call('marketplace.credentialsStatus', {})).toEqual({ configured: true, akHint: '…1234' });
  });

  it('never writes credentials to the database', async () => {
    const { client, dataDir } = await core();
    const sk = 'sk-that-must-stay-secret-8e41';
    await client.call('marketplace.saveCredentials', { sellerKey: 'key-that-must-stay-secret-77aa', ak: 'AK0001', sk });
    await client.call('settings.update', { dataSource: 'real' });
    const files = fs.readdirSync(dataDir).map((name) => fs.readFileSync(path.join(dataDir, name)).toString('latin1'));
    expect(files.length).toBeGreaterThan(0);
    for (const bytes of files) {
      expect(bytes).not.toContain(sk);
      expect(bytes).not.toContain('key-that-must-stay-secret-77aa');
    }
  });
});

describe('browser mode over real HTTP', () => {
  it('gives the same results as the in-process transport', async () => {
    const { core: c, client } = await core();
    const host = await browserMode(c);
    const calls: [string, unknown][] = [
      ['app.info', {}],
      ['settings.get', {}],
      ['marketplace.capabilities', {}],
      ['settings.update', { language: 'xx' }],
      ['no.such.method', {}],
    ];
    for (const [method, input] of calls) {
      const viaHttp = await callOverHttp(host, method, input);
      expect(viaHttp.status).toBe(200);
      expect(viaHttp.body, method).toEqual(await client.tryCall(method as 'app.info', input as never));
    }
    // the clock readings differ between two calls; everything else must be the same
    const strip = (result: unknown) => {
      const value = (result as { value?: { now?: unknown; connectivity?: { checkedAt?: unknown } } }).value;
      delete value?.connectivity?.checkedAt;
      delete value?.now;
      return result;
    };
    const httpStatus = await callOverHttp(host, 'status.get', {});
    expect(strip(httpStatus.body)).toEqual(strip(await client.tryCall('status.get', {})));
  });

  it('refuses requests without the token (401) and changes nothing', async () => {
    const { core: c, client } = await core();
    const host = await browserMode(c);
    const noToken = await callOverHttp(host, 'settings.update', { language: 'en-US' }, {});
    expect(noToken.status).toBe(401);
    const wrongToken = await callOverHttp(host, 'settings.update', { language: 'en-US' }, { authorization: 'Bearer nope' });
    expect(wrongToken.status).toBe(401);
    expect((await client.call('settings.get', {})).language).toBe('zh-CN');
  });

  it('refuses other origins and other host names (403)', async () => {
    const { core: c } = await core();
    const host = await browserMode(c);
    const crossOrigin = await callOverHttp(host, 'settings.get', {}, { authorization: `Bearer ${host.token}`, origin: 'http://evil.example' });
    expect(crossOrigin.status).toBe(403);
    const port = new URL(host.origin).port;
    const rebinding = await rawGet(host.origin, '/', { host: `evil.example:${port}`, authorization: `Bearer ${host.token}` });
    expect(rebinding.status).toBe(403);
  });

  it('redeems the printed URL for an HttpOnly SameSite cookie that opens the page', async () => {
    const { core: c } = await core();
    const host = await browserMode(c);
    expect((await rawGet(host.origin, '/', {})).status).toBe(401);
    const redeem = await rawGet(host.origin, `/?token=${host.token}`, {});
    expect(redeem.status).toBe(303);
    const cookie = String(redeem.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await rawGet(host.origin, '/', { cookie: cookie.split(';')[0]! });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Seller Desk');
    expect((await rawGet(host.origin, '/?token=wrong', {})).status).toBe(401);
  });

  it('answers a body that is not JSON with a VALIDATION error', async () => {
    const { core: c } = await core();
    const host = await browserMode(c);
    const response = await fetch(`${host.origin}/api/call`, { method: 'POST', headers: { authorization: `Bearer ${host.token}` }, body: 'not json' });
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('answers calls and streams core events over the WebSocket, only to token holders', async () => {
    const { core: c, client } = await core();
    const host = await browserMode(c);
    const url = `${host.origin.replace('http', 'ws')}/api/socket`;
    const refused = new WebSocket(url);
    await expect(
      new Promise((resolve, reject) => {
        refused.on('open', resolve);
        refused.on('error', reject);
      }),
    ).rejects.toThrow(/401/);

    const socket = new WebSocket(url, { headers: { authorization: `Bearer ${host.token}` } });
    await new Promise((resolve) => socket.on('open', resolve));
    const messages: WireMessage[] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data)) as WireMessage));
    const until = async (found: () => WireMessage | undefined) => {
      for (let i = 0; i < 100 && !found(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
      return found();
    };
    await client.call('settings.update', { dataSource: 'real' });
    expect(await until(() => messages.find((m) => m.kind === 'event'))).toMatchObject({
      kind: 'event',
      event: { type: 'status', status: { dataSource: { reason: 'no-credentials' } } },
    });

    socket.send(JSON.stringify({ kind: 'call', id: 7, method: 'settings.get', input: {} }));
    socket.send(JSON.stringify({ kind: 'call', id: 8, method: 'no.such', input: {} }));
    expect(await until(() => messages.find((m) => m.kind === 'result' && m.id === 7))).toMatchObject({ result: { ok: true, value: { dataSource: 'real' } } });
    expect(await until(() => messages.find((m) => m.kind === 'result' && m.id === 8))).toMatchObject({
      result: { ok: false, error: { code: 'UNKNOWN_METHOD' } },
    });
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.send('not a call');
    expect(await closed).toBe(1003);
  });
});

function rawGet(origin: string, pathname: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(origin + pathname, { headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
