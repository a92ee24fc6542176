import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { Core } from '../../electron/core';
import { DEMO_CREDENTIALS, startSandboxServer, type SandboxServer } from '../../electron/sandbox';
import { formatSdkDate } from '../../electron/core/koogallery';
import { startWebHost, type WebHost } from '../../electron/web-host/server';
import { describeBytes, WEB_HOST_LIMITS, type WebHostLimits } from '../../electron/web-host/limits';
import { callOverHttp, startCore } from '../support/core';
import { useTempDirs } from '../support/temp-dir';
// @ts-expect-error plain .mjs build helper shared with the app's build
import { nodeBundle } from '../../scripts/esbuild-common.mjs';
import { frameBytes, rawExchange, requestBytes, serverCloseCode, statusOf, upgradeBytes } from './raw-http';

/**
 * Browser mode's HTTP surface (issue 22): every request ends with an answer, never with the process;
 * the limits are answered (413, 408, 503, WebSocket 1009); the sandbox marketplace has the same
 * boundary. The first block runs browser mode as `npm run web` does, in its own process, so that
 * "the app died" is seen as the process exiting.
 */
const tempDir = useTempDirs();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const TRUNCATED_ESCAPE = '/%E0%A4%A';

describe('browser mode in its own process (npm run web)', () => {
  const bundle = path.resolve('dist/test-support/web-host-main.mjs');
  beforeAll(async () => {
    await build(nodeBundle('electron/web-host/main.ts', bundle));
  });

  it('answers a truncated percent-escape with 400, with the token as a bearer header or the cookie, and keeps running', async () => {
    const app = await startWebProcess(bundle);
    const statuses: Record<string, number | null> = {};
    for (const target of [`/api/exports${TRUNCATED_ESCAPE}`, TRUNCATED_ESCAPE, '/api/exports/%zz.csv', '/%']) {
      for (const credential of [
        ['Authorization', `Bearer ${app.token}`],
        ['Cookie', `seller_desk_token=${app.token}`],
      ] as [string, string][]) {
        const answer = await rawExchange(app.port, requestBytes('GET', target, [['Host', `127.0.0.1:${app.port}`], credential, ['Connection', 'close']]));
        statuses[`GET ${target} with ${credential[0]}`] = answer.status;
      }
    }
    await expectAlive(app);
    expect(statuses).toEqual(Object.fromEntries(Object.keys(statuses).map((request) => [request, 400])));
    // without the token nothing says more than 401
    expect((await rawExchange(app.port, requestBytes('GET', TRUNCATED_ESCAPE, [['Host', `127.0.0.1:${app.port}`]]))).status).toBe(401);
  });

  it('answers a POST /api/call body over the limit with 413 naming the limit, not a reset connection', async () => {
    const app = await startWebProcess(bundle);
    const answer = await postWhole(app, WEB_HOST_LIMITS.callBytes + 1);
    expect(answer.reset).toBeNull();
    expect(answer.status).toBe(413);
    const result = JSON.parse(answer.text.slice(answer.text.indexOf('\r\n\r\n') + 4)) as { error: { message: string; params: { limit: number } } };
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', reason: 'request.tooLarge', params: { limit: WEB_HOST_LIMITS.callBytes } } });
    expect(result.error.message).toContain(describeBytes(WEB_HOST_LIMITS.callBytes));
    await expectAlive(app);
  });

  it('closes a WebSocket that sends a text frame of invalid UTF-8 with 1007, and keeps running', async () => {
    const app = await startWebProcess(bundle);
    const ws = new WebSocket(`ws://127.0.0.1:${app.port}/api/socket`, { headers: { authorization: `Bearer ${app.token}` } });
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', resolve));
    ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect(await closed).toBe(1007);
    await expectAlive(app);
  });
});

interface WebProcess {
  child: ChildProcess;
  port: number;
  token: string;
  output: () => string;
}

async function startWebProcess(bundle: string): Promise<WebProcess> {
  const dataDir = tempDir();
  const child = spawn(process.execPath, [bundle], {
    env: { ...process.env, SELLER_DESK_DATA_DIR: dataDir, SELLER_DESK_AUTO_SYNC: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(() => stopProcess(child));
  let output = '';
  const url = await new Promise<URL>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match?.[1]) resolve(new URL(match[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code} before printing its URL:\n${output}`)));
  });
  return { child, port: Number(url.port), token: url.searchParams.get('token')!, output: () => output };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** The process still answers status.get (else its output says how it died). */
async function expectAlive(app: WebProcess): Promise<void> {
  const answer = await fetch(`http://127.0.0.1:${app.port}/api/call`, {
    method: 'POST',
    headers: { authorization: `Bearer ${app.token}` },
    body: JSON.stringify({ method: 'status.get', input: {} }),
  }).then(
    (response) => response.json(),
    (error: Error & { cause?: { code?: string } }) => `no answer (${error.cause?.code ?? error.message})`,
  );
  expect(answer, `browser mode's output:\n${app.output()}`).toMatchObject({ ok: true });
}

/**
 * A POST /api/call of `length` bytes sent whole, 1 MiB at a time, before the answer is read, as
 * curl or fetch send a body: a server that hangs up midway shows as `reset`.
 */
function postWhole(app: WebProcess, length: number): Promise<{ status: number | null; text: string; reset: string | null }> {
  return new Promise((resolve) => {
    const socket = net.connect(app.port, '127.0.0.1');
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    let text = '';
    let reset: string | null = null;
    const sendRest = () => {
      while (sent < length && !socket.destroyed) {
        const piece = chunk.subarray(0, Math.min(chunk.length, length - sent));
        sent += piece.length;
        if (!socket.write(piece)) return void socket.once('drain', sendRest);
      }
      if (sent >= length) socket.end();
    };
    socket.on('data', (data) => (text += data.toString('latin1')));
    socket.on('error', (error: NodeJS.ErrnoException) => (reset = `${error.code} after ${sent} bytes`));
    socket.on('close', () => resolve({ status: statusOf(text), text, reset }));
    socket.write(`POST /api/call HTTP/1.1\r\nHost: 127.0.0.1:${app.port}\r\nAuthorization: Bearer ${app.token}\r\nContent-Length: ${length}\r\n\r\n`);
    sendRest();
  });
}

describe('browser mode in front of a core', () => {
  async function host(options: { limits?: Partial<WebHostLimits>; core?: (core: Core) => Core } = {}): Promise<WebHost & { port: number }> {
    const dir = tempDir();
    const started = await startCore(path.join(dir, 'core'), { sandbox: 'off', usageTickMs: 0 });
    cleanups.push(() => started.core.close());
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Seller Desk</title>');
    const web = await startWebHost({ core: options.core?.(started.core) ?? started.core, staticDir: dir, limits: options.limits });
    cleanups.push(() => web.close());
    return { ...web, port: Number(new URL(web.origin).port) };
  }

  const get = (web: WebHost & { port: number }, target: string, headers: [string, string][] = [['Authorization', `Bearer ${web.token}`]]) =>
    rawExchange(web.port, requestBytes('GET', target, [['Host', `127.0.0.1:${web.port}`], ...headers]));

  it('answers malformed URLs with 400 and paths that leave the app with 403, only to token holders', async () => {
    const web = await host();
    for (const target of ['/%E0%A4%A', '/%C0%AF', '/%ED%A0%80', '/%00', '/a%', '/api/exports/%E0%A4%A.csv']) {
      expect((await get(web, target)).status, target).toBe(400);
      expect((await get(web, target, [])).status, `${target} without the token`).toBe(401);
    }
    // a request target no URL parser reads is refused before anything else
    expect((await get(web, 'http://[/', [])).status).toBe(400);
    expect((await get(web, '/..%2f..%2fetc%2fpasswd')).status).toBe(403);
    expect((await get(web, '/index.html')).status).toBe(200);
  });

  it('answers a route that throws with a short 500 and logs the stack, and answers the next request', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    cleanups.push(() => errors.mockRestore());
    const web = await host({
      core: (core) => ({
        ...core,
        dispatch: (method, input) => (method === 'settings.get' ? Promise.reject(new Error('disk gone')) : core.dispatch(method, input)),
        host: {
          ...core.host,
          exportedFile: () => {
            throw new Error('export folder gone');
          },
        },
      }),
    });
    const download = await get(web, '/api/exports/a.csv');
    expect(download.status).toBe(500);
    expect(download.text).toMatch(/Internal error: this request failed; the server log has the details$/);
    expect(download.text).not.toContain('export folder gone');
    const call = await callOverHttp(web, 'settings.get', {});
    expect(call.status).toBe(500);
    expect(JSON.parse(call.body as string)).toMatchObject({ ok: false, error: { code: 'INTERNAL', reason: 'internal' } });
    const logged = errors.mock.calls.map((args) => args.map((arg) => (arg instanceof Error ? arg.stack : String(arg))).join(' '));
    expect(logged.find((line) => line.includes('GET /api/exports/a.csv failed'))).toMatch(/export folder gone\n\s+at /);
    expect(logged.find((line) => line.includes('POST /api/call failed'))).toMatch(/disk gone\n\s+at /);
    expect((await callOverHttp(web, 'status.get', {})).status).toBe(200);
  });

  it('answers a body over the limit with 413 naming the limit, declared or chunked, and keeps the connection usable', async () => {
    const limit = 64 * 1024;
    const web = await host({ limits: { callBytes: limit } });
    const over = JSON.stringify({ method: 'status.get', input: { pad: 'x'.repeat(limit) } });
    const declared = await fetch(`${web.origin}/api/call`, { method: 'POST', headers: { authorization: `Bearer ${web.token}` }, body: over });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ ok: false, error: { reason: 'request.tooLarge', message: expect.stringContaining(describeBytes(limit)) } });

    const chunked = await fetch(`${web.origin}/api/call`, {
      method: 'POST',
      headers: { authorization: `Bearer ${web.token}` },
      body: new Blob([over]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await chunked.json()) as unknown).toMatchObject({ error: { params: { limit } } });
    expect((await callOverHttp(web, 'status.get', {})).body).toMatchObject({ ok: true });
  });

  it('closes a WebSocket message over the limit with 1009 and a binary frame with 1003', async () => {
    const limit = 64 * 1024;
    const web = await host({ limits: { callBytes: limit } });
    const closeCode = async (send: (ws: WebSocket) => void) => {
      const ws = await openSocket(web);
      const closed = new Promise<number>((resolve) => ws.once('close', resolve));
      send(ws);
      return closed;
    };
    expect(await closeCode((ws) => ws.send('x'.repeat(limit + 1)))).toBe(1009);
    expect(await closeCode((ws) => ws.send(Buffer.from('{"kind":"call","id":1,"method":"status.get","input":{}}')))).toBe(1003);
    const ws = await openSocket(web);
    const answered = new Promise<unknown>((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
    ws.send(JSON.stringify({ kind: 'call', id: 1, method: 'status.get', input: { pad: 'x'.repeat(limit - 200) } }));
    expect(await answered).toMatchObject({ kind: 'result', id: 1 });
    ws.close();
  });

  it('refuses a WebSocket past the cap with 503 saying why, and takes one again once another closes', async () => {
    const web = await host({ limits: { sockets: 3 } });
    const open = await Promise.all([1, 2, 3].map(() => openSocket(web)));
    const refused = await rawExchange(web.port, upgradeBytes(`127.0.0.1:${web.port}`, [['Authorization', `Bearer ${web.token}`]]));
    expect(refused.status).toBe(503);
    expect(refused.text).toContain('too many WebSocket connections (at most 3 at once)');
    const closed = new Promise((resolve) => open[0]!.once('close', resolve));
    open[0]!.close();
    await closed;
    await until(async () => (await rawExchange(web.port, upgradeBytes(`127.0.0.1:${web.port}`, [['Authorization', `Bearer ${web.token}`]]))).status === 101);
    for (const ws of open) ws.close();
  });

  it('answers a client that never finishes its headers or its body with 408 and closes it', async () => {
    const web = await host({ limits: { headersTimeoutMs: 500, requestTimeoutMs: 1_000 } });
    const started = Date.now();
    const slowHeaders = await rawExchange(web.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${web.port}\r\nX-Slow: `);
    expect(slowHeaders.status).toBe(408);
    expect(slowHeaders.closedByServer).toBe(true);
    const slowBody = await rawExchange(
      web.port,
      requestBytes('POST', '/api/call', [
        ['Host', `127.0.0.1:${web.port}`],
        ['Authorization', `Bearer ${web.token}`],
        ['Content-Length', '100'],
      ]),
    );
    expect(slowBody.closedByServer).toBe(true);
    expect(slowBody.status === null || slowBody.status === 408).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await callOverHttp(web, 'status.get', {})).status).toBe(200);
  });

  it('closes malformed WebSocket frames with the code that says why', async () => {
    const web = await host({ limits: { callBytes: 1024 } });
    const upgrade = upgradeBytes(`127.0.0.1:${web.port}`, [['Authorization', `Bearer ${web.token}`]]);
    const cases: [string, Buffer, number][] = [
      ['unmasked', frameBytes({ opcode: 0x1, payload: Buffer.from('{}'), masked: false }), 1002],
      ['reserved opcode', frameBytes({ opcode: 0x3, payload: Buffer.from('{}') }), 1002],
      ['RSV bits without an extension', frameBytes({ opcode: 0x1, payload: Buffer.from('{}'), rsv: 4 }), 1002],
      ['a ping of 200 bytes', frameBytes({ opcode: 0x9, payload: Buffer.alloc(200) }), 1002],
      ['a length of 2^62', frameBytes({ opcode: 0x2, payload: Buffer.alloc(0), declaredLength: 2n ** 62n }), 1009],
    ];
    for (const [name, frame, code] of cases) {
      const answer = await rawExchange(web.port, Buffer.concat([upgrade, frame]), { settleMs: 100 });
      expect(answer.status, name).toBe(101);
      expect(serverCloseCode(answer.text), name).toBe(code);
    }
    expect((await callOverHttp(web, 'status.get', {})).status).toBe(200);
  });

  async function openSocket(web: WebHost): Promise<WebSocket> {
    const ws = new WebSocket(`${web.origin.replace('http', 'ws')}/api/socket`, { headers: { authorization: `Bearer ${web.token}` } });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    return ws;
  }
});

describe('the sandbox marketplace behind the same boundary', () => {
  async function sandbox(): Promise<SandboxServer & { port: number }> {
    const server = await startSandboxServer({ seed: 'test-seed', size: 'small' });
    cleanups.push(() => server.close());
    return { ...server, port: Number(new URL(server.baseUrl).port) };
  }

  it('answers malformed paths with an APIG error and keeps answering', async () => {
    const server = await sandbox();
    const signedLooking: [string, string][] = [
      ['Host', `127.0.0.1:${server.port}`],
      ['X-Sdk-Date', formatSdkDate(server.state.now())],
      ['Authorization', `SDK-HMAC-SHA256 Access=${DEMO_CREDENTIALS.ak}, SignedHeaders=host;x-sdk-date, Signature=00`],
      ['Content-Length', '2'],
    ];
    const answers = [
      await rawExchange(server.port, requestBytes('GET', TRUNCATED_ESCAPE, [['Host', `127.0.0.1:${server.port}`]])),
      await rawExchange(server.port, requestBytes('GET', '/sandbox/v1/lists/%E0%A4%A', [['Host', `127.0.0.1:${server.port}`]])),
      // the signature check decodes the path before it can refuse the signature
      await rawExchange(server.port, requestBytes('POST', `/sandbox/v1/tickets${TRUNCATED_ESCAPE}/actions`, signedLooking, '{}')),
      await rawExchange(server.port, requestBytes('GET', 'http://[/', [['Host', `127.0.0.1:${server.port}`]])),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 400, 400]);
    expect(answers[2]!.text).toContain('"error_code":"APIGW.0201"');
    const list = await fetch(`${server.baseUrl}/sandbox/v1/lists/orders`);
    expect(list.status).toBe(401); // unsigned: refused by the signature check, so the server is up
  });

  it('answers a route that throws with 500 in the marketplace envelope and logs it', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    cleanups.push(() => errors.mockRestore());
    const server = await sandbox();
    server.state.faults.decide = () => {
      throw new Error('fault plan broken');
    };
    const answer = await fetch(`${server.baseUrl}/sandbox/v1/lists/orders`);
    expect(answer.status).toBe(500);
    expect(await answer.json()).toMatchObject({ error_code: 'MKT.0999' });
    expect(String(errors.mock.calls[0]?.[0])).toContain('sandbox: GET /sandbox/v1/lists/orders failed');
  });
});

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition never held');
}
