import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { CoreCallError, type CoreClient } from '../../electron/core/contract';
import { dbOf, startCore } from '../support/core';
import { useFileTempDir } from '../support/temp-dir';

/**
 * The 注册Agents backend checker against test backends on 127.0.0.1, each answering the way a real
 * backend goes wrong; every failure names the check, what was expected and what came back.
 */
const dataDir = useFileTempDir();
let core: Core;
let client: CoreClient;
let backend: http.Server;
let base = '';
const seen: { path: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

const json = (res: http.ServerResponse, value: unknown, status = 200) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
};
const usage = (prompt: unknown, completion: unknown, total: unknown) => ({ prompt_tokens: prompt, completion_tokens: completion, total_tokens: total });

const ROUTES: Record<string, (res: http.ServerResponse) => void> = {
  '/ok': (res) => json(res, { data: { answer: '你好' }, usage: usage(12, 30, 42) }),
  '/openai-names': (res) => json(res, { output: [], usage: { input_tokens: 5, output_tokens: 7, total_tokens: 12 } }),
  '/no-usage': (res) => json(res, { data: { answer: '你好' } }),
  '/nested': (res) => json(res, { data: { answer: '你好', usage: usage(1, 2, 3) } }),
  '/strings': (res) => json(res, { usage: usage('12', 30, 42) }),
  '/wrong-total': (res) => json(res, { usage: usage(12, 30, 40) }),
  '/html-error': (res) => {
    res.writeHead(502, { 'content-type': 'text/html' });
    res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
  },
  '/html-ok': (res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html><body>登录页</body></html>');
  },
  '/server-error': (res) => json(res, { error: 'internal' }, 500),
  '/redirect': (res) => {
    res.writeHead(302, { location: 'https://other.example.com/v1/chat' });
    res.end();
  },
  '/slow': (res) => setTimeout(() => json(res, { usage: usage(1, 1, 2) }), 3000),
  '/endless': (res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const timer = setInterval(() => res.write('data: {"delta":"…"}\n\n'), 20);
    res.on('close', () => clearInterval(timer));
  },
  '/huge': (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    const write = () => {
      while (sent < 50 && res.write(chunk)) sent++;
      if (sent < 50) res.once('drain', write);
      else res.end();
    };
    write();
  },
  '/stream': (res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('data: {"choices":[{"delta":{"content":"你"}}]}\n\n');
    res.write('data: {"choices":[{"delta":{"content":"好"}}]}\n\n');
    res.write(`data: ${JSON.stringify({ choices: [], usage: usage(8, 2, 10) })}\n\n`);
    res.end('data: [DONE]\n\n');
  },
  '/stream-no-usage': (res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.end('data: {"choices":[{"delta":{"content":"你"}}]}\n\ndata: [DONE]\n\n');
  },
};

beforeAll(async () => {
  backend = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ path: req.url!, headers: req.headers, body });
      (ROUTES[req.url!] ?? ((r) => json(r, { error: 'no route' }, 404)))(res);
    });
  });
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
  ({ core, client } = await startCore(dataDir, { sandbox: 'off', usageTickMs: 0 }));
});
afterAll(async () => {
  await core.close();
  backend.closeAllConnections();
  await new Promise((resolve) => backend.close(resolve));
});

const check = (path: string, extra: Record<string, unknown> = {}) => client.call('agents.check', { url: `${base}${path}`, body: { input: '你好' }, ...extra });
const failed = async (path: string, extra: Record<string, unknown> = {}) => {
  const result = await check(path, extra);
  expect(result.passed).toBe(false);
  return result.checks.at(-1)!;
};

describe('backend checker', () => {
  it('passes a JSON answer with a top-level usage whose counts add up, and one with input/output names (§9)', async () => {
    const result = await check('/ok');
    expect(result).toMatchObject({ passed: true, response: { status: 200 }, warning: null });
    expect(result.checks.map((c) => [c.name, c.passed])).toEqual(['answer', 'status', 'format', 'json', 'usage', 'tokens', 'total'].map((n) => [n, true]));
    expect(seen.at(-1)).toMatchObject({ path: '/ok', body: '{"input":"你好"}' });
    expect((await check('/openai-names')).passed).toBe(true);
  });

  it('passes a stream whose final event carries the usage', async () => {
    expect((await check('/stream')).passed).toBe(true);
    expect(await failed('/stream-no-usage')).toMatchObject({ name: 'usage', message: 'the answer has no "usage"' });
  });

  it('names each way an answer falls short of what the gateway bills from', async () => {
    expect(await failed('/no-usage')).toMatchObject({ name: 'usage', expected: 'a top-level "usage" object', actual: 'missing' });
    expect(await failed('/nested')).toMatchObject({
      name: 'usage',
      actual: 'data.usage',
      reason: 'usageNested',
      params: { path: 'data.usage' },
      message: 'usage is at data.usage; the gateway reads it only at the top level',
    });
    expect(await failed('/strings')).toMatchObject({ name: 'tokens', message: 'usage.prompt_tokens is "12"' });
    expect(await failed('/wrong-total')).toMatchObject({
      name: 'total',
      message: 'total_tokens is 40, not 42',
      reason: 'total',
      params: { actual: 40, sum: 42 },
      expected: 'total_tokens = prompt_tokens + completion_tokens = 42',
    });
    expect(await failed('/html-ok')).toMatchObject({ name: 'format', reason: 'format', actual: 'text/html' });
    expect(await failed('/no-usage')).toMatchObject({ reason: 'usageMissing', params: {} });
    const htmlError = await check('/html-error');
    expect(htmlError.checks.at(-1)).toMatchObject({ name: 'status', passed: false, actual: '502' });
    expect(htmlError.response.bodyPreview).toContain('502 Bad Gateway');
    expect(await failed('/server-error')).toMatchObject({ name: 'status', message: 'HTTP 500' });
    const redirect = await failed('/redirect');
    expect(redirect.message).toContain('a redirect to https://other.example.com/v1/chat is not followed');
    expect(redirect).toMatchObject({ reason: 'redirect', params: { status: 302, location: 'https://other.example.com/v1/chat' } });
  });

  it('ends every call: past the timeout, an endless stream, and a 50 MB body are errors, not hangs', async () => {
    const slow = await check('/slow', { timeoutMs: 500 });
    expect(slow.checks).toEqual([
      expect.objectContaining({
        name: 'answer',
        passed: false,
        actual: 'timeout',
        reason: 'timeout',
        params: { seconds: 0.5 },
        message: 'timeout: no complete answer within 0.5 s',
      }),
    ]);
    expect(slow.timings.totalMs).toBeLessThan(2500);
    expect((await check('/endless', { timeoutMs: 800 })).checks[0]).toMatchObject({ passed: false, actual: 'timeout' });
    const huge = await check('/huge');
    expect(huge.checks[0]).toMatchObject({ passed: false, actual: 'tooLarge', message: 'tooLarge: the answer is over 10 MB' });
    expect(huge.response.bytes).toBeLessThanOrEqual(10 * 1024 * 1024);
    expect(huge.response.bodyPreview.length).toBe(2048);
  });

  it('keeps every check of a backend, newest first, with or without a registration', async () => {
    const url = `${base}/wrong-total`;
    const before = (await client.call('agents.checks', { url })).length;
    await client.call('agents.check', { url });
    await client.call('agents.check', { url, body: { input: '再试' } });
    const history = await client.call('agents.checks', { url });
    expect(history.length).toBe(before + 2);
    expect(history[0]!.checks.at(-1)).toMatchObject({ name: 'total', passed: false });
    expect(history.every((h) => h.url === url)).toBe(true);
  });

  it('says when nothing listens', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await client.call('agents.check', { url: `http://127.0.0.1:${port}/v1` });
    expect(result.checks[0]).toMatchObject({ name: 'answer', passed: false, actual: 'network' });
    expect(result.checks[0]!.message).toContain('ECONNREFUSED');
  });
});

describe('注册Agents', () => {
  it('refuses any region but 华北-北京四 with the gateway rule', async () => {
    const error = await client
      .call('agents.register', { productName: '智能客服大模型API', backendUrl: `${base}/ok`, authMode: 'self_managed', region: 'cn-east-3' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreCallError);
    expect(error).toMatchObject({
      code: 'VALIDATION',
      reason: 'agents.region',
      params: { region: '华东-上海一', regionCode: 'cn-east-3' },
      message: '目前华为云云商店的Agents网关默认在华北-北京四,其他区域暂不支持',
    });
  });

  it('checks a registration with its secret header from the keychain, never writing the secret to the data folder', async () => {
    const registration = await client.call('agents.register', {
      productName: '智能客服大模型API',
      backendUrl: `${base}/ok`,
      authMode: 'self_managed',
      region: 'cn-north-4',
      headers: [{ name: 'X-Tenant', value: 'demo' }],
      body: { input: '测试' },
    });
    expect(registration).toMatchObject({ state: 'ready', region: 'cn-north-4' });
    expect(registration.lastCheck?.url).toBe(`${base}/ok`); // checks are kept per backend: the earlier one shows
    const secret = 'sk-live-7f3a9c1e5b2d4a6c';
    await client.call('agents.saveSecretHeader', { registrationId: registration.registrationId, name: 'X-Api-Key', value: secret });
    const result = await client.call('agents.check', { registrationId: registration.registrationId });
    expect(result.passed).toBe(true);
    expect(seen.at(-1)!.headers).toMatchObject({ 'x-api-key': secret, 'x-tenant': 'demo' });
    expect(seen.at(-1)!.body).toBe('{"input":"测试"}');
    const detail = await client.call('agents.get', { registrationId: registration.registrationId });
    expect(detail.registration.secretHeaders).toEqual(['X-Api-Key']);
    expect(detail.checks[0]).toMatchObject({ passed: true });
    expect(detail.sheet.fields.find((f) => f.label === '区域')!.value).toBe('华北-北京四');
    const db = dbOf(core);
    const everything = ['agents_registrations', 'agents_checks'].map((t) => JSON.stringify(db.prepare(`SELECT * FROM ${t}`).all())).join('');
    expect(everything).not.toContain(secret);
  });
});
