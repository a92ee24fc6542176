import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { Core } from '../../electron/core';
import type { WireMessage } from '../../electron/core/contract';
import { startWebHost, type WebHost } from '../../electron/web-host/server';
import { callOverHttp, dbOf, startCore } from '../support/core';
import { useFileTempDir } from '../support/temp-dir';
import { answeredCalls, anyCase, describeCase, framed, FUZZ_LIMITS, PORT, TOKEN, type Credentials, type HttpCase, type SocketCase } from './http-fuzz-cases';
import { frameBytes, rawExchange, requestBytes, serverCloseCode, upgradeBytes } from './raw-http';

/**
 * HTTP fuzzing of browser mode, beside the contract fuzzing: generated request lines (percent-escapes
 * whole and cut off, dot segments, very long, Unicode, NUL), methods, headers (Host, Origin, Cookie,
 * Authorization, Content-Length lies), bodies (truncated JSON, deep nesting, huge strings) and
 * WebSocket frames (binary, oversized, malformed JSON, unknown methods, broken framing), with and
 * without the token, sent raw over 127.0.0.1. After every case the host still answers status.get,
 * the database is as it was (nothing generated may write), no case without the token reached the core,
 * and no answer is a 5xx or a request left unanswered. SEED=… HTTP_FUZZ_RUNS=… replays or runs longer.
 */
const RUNS = Number(process.env.HTTP_FUZZ_RUNS ?? 2000);
const SEED = process.env.SEED ? Number(process.env.SEED) : Date.now() % 2 ** 31;
/** How long a case whose body is cut short waits for an answer the server rightly does not give. */
const SILENCE_MS = 150;

const dir = useFileTempDir();
let started: Awaited<ReturnType<typeof startCore>>;
let host: WebHost;
let port: number;
const reached = { dispatch: 0, exportedFile: 0 };

beforeAll(async () => {
  started = await startCore(path.join(dir, 'core'), { sandbox: 'off', usageTickMs: 0 });
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Seller Desk</title>');
  host = await startWebHost({ core: counted(started.core), staticDir: dir, limits: FUZZ_LIMITS });
  port = Number(new URL(host.origin).port);
  // the check that nothing changed sees a write when there is one
  const version = dataVersion();
  await started.client.call('settings.update', { language: 'en-US' });
  expect(dataVersion()).not.toBe(version);
});
afterAll(async () => {
  await host.close();
  await started.core.close();
});

/** The core as the host sees it, counting every call that reaches it. */
function counted(core: Core): Core {
  return {
    ...core,
    dispatch: (method, input) => {
      reached.dispatch++;
      return core.dispatch(method, input);
    },
    host: {
      ...core.host,
      exportedFile: (fileName) => {
        reached.exportedFile++;
        return core.host.exportedFile(fileName);
      },
    },
  };
}

// ---- sending a case ----

function fill(text: string): string {
  return text.replaceAll(TOKEN, host.token).replaceAll(PORT, String(port));
}

/** Whether the case carries the token at all; without it, nothing may reach the core. */
function carriesToken(c: HttpCase | SocketCase): boolean {
  const target = c.kind === 'http' ? c.request.target : '';
  return c.credentials.bearer === 'right' || c.credentials.cookie === 'right' || target.includes(TOKEN);
}

function credentialHeaders({ bearer, cookie, host: hostHeader, origin }: Credentials): [string, string][] {
  const headers: [string, string][] = [];
  if (hostHeader !== null) headers.push(['Host', fill(hostHeader)]);
  if (origin !== null) headers.push(['Origin', fill(origin)]);
  const bearerValue = { right: `Bearer ${host.token}`, wrong: 'Bearer nope', empty: 'Bearer ', none: null }[bearer];
  if (bearerValue !== null) headers.push(['Authorization', bearerValue]);
  const cookieValue = { right: `seller_desk_token=${host.token}`, wrong: 'seller_desk_token=nope', garbage: '=;;seller_desk_token', none: null }[cookie];
  if (cookieValue !== null) headers.push(['Cookie', cookieValue]);
  return headers;
}

interface Outcome {
  /** First status answered (101 for an accepted upgrade), or null when none came. */
  status: number | null;
  /** Close code the server sent on a WebSocket. */
  closeCode?: number | null;
  /** Results that came back for calls sent on a WebSocket. */
  results?: WireMessage[];
}

async function sendHttp(c: HttpCase): Promise<Outcome> {
  const { headers, bytes, mayWait } = framed(c.framing, c.body);
  const request = requestBytes(c.request.method, fill(c.request.target), [...credentialHeaders(c.credentials), ...c.extraHeaders, ...headers], bytes);
  const answer = await rawExchange(port, request, { silenceMs: mayWait ? SILENCE_MS : 5_000 });
  // silence is right only while the server waits for body bytes that never come
  if (answer.status === null && !mayWait) throw new Error(`no answer (${answer.closedByServer ? 'closed' : 'silent'})`);
  return { status: answer.status };
}

async function sendFrames(c: SocketCase): Promise<Outcome> {
  const headers = credentialHeaders(c.credentials);
  // ws sends only well-formed frames, and Node's client only printable ASCII headers
  if (c.frames.some((frame) => frame.type === 'broken') || headers.some(([, value]) => !/^[\x20-\x7e]*$/.test(value))) return sendRawFrames(c);
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api/socket`, { headers: Object.fromEntries(headers.map(([name, value]) => [name.toLowerCase(), value])) });
  ws.on('error', () => undefined);
  const opened = await new Promise<number>((resolve) => {
    ws.once('open', () => resolve(101));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => resolve(0));
  });
  if (opened !== 101) {
    ws.terminate();
    return { status: opened };
  }
  const results: WireMessage[] = [];
  ws.on('message', (data) => results.push(JSON.parse(String(data)) as WireMessage));
  const closed = new Promise<number>((resolve) => ws.once('close', resolve));
  for (const frame of c.frames) {
    if (frame.type === 'text') ws.send(frame.text);
    else if (frame.type === 'binary') ws.send(frame.bytes, { binary: true });
    else if (frame.type === 'invalidUtf8') ws.send(Buffer.from([0x7b, 0xff, 0x7d]), { binary: false });
  }
  const answered = waitFor(() => results.filter((m) => m.kind === 'result').length >= answeredCalls(c.frames), 5_000);
  const serverClosed = await Promise.race([closed, answered.then(() => null)]);
  ws.close(1000);
  await closed;
  if (serverClosed === null && !(await answered)) throw new Error('a call got no result');
  return { status: 101, closeCode: serverClosed, results: results.filter((m) => m.kind === 'result') };
}

async function sendRawFrames(c: SocketCase): Promise<Outcome> {
  const frames = c.frames.map((frame) => {
    if (frame.type === 'broken') return frame.bytes;
    if (frame.type === 'text') return frameBytes({ opcode: 0x1, payload: Buffer.from(frame.text) });
    if (frame.type === 'binary') return frameBytes({ opcode: 0x2, payload: frame.bytes });
    return frameBytes({ opcode: 0x1, payload: Buffer.from([0x7b, 0xff, 0x7d]) });
  });
  const headers = credentialHeaders(c.credentials).filter(([name]) => name !== 'Host');
  const hostHeader = c.credentials.host === null ? `127.0.0.1:${port}` : fill(c.credentials.host);
  const answer = await rawExchange(port, Buffer.concat([upgradeBytes(hostHeader, headers), ...frames]), { settleMs: 200 });
  return { status: answer.status, closeCode: answer.status === 101 ? serverCloseCode(answer.text) : null };
}

/** Whether `condition` came true within `timeoutMs`. */
function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const startedAt = Date.now();
    const check = () => {
      if (condition() || Date.now() - startedAt > timeoutMs) return resolve(condition());
      setTimeout(check, 5);
    };
    check();
  });
}

// ---- what must hold after every case ----

const CLOSE_CODES_FOR_BAD_INPUT = [1002, 1003, 1007, 1009];

/** Moves whenever another connection (the core's) commits a write. */
function dataVersion(): number {
  return dbOf(started.core).pragma('data_version', { simple: true }) as number;
}

describe('HTTP fuzzing of browser mode', () => {
  it(`every generated request and frame is answered without a 5xx, changes nothing, and reaches the core only with the token (seed ${SEED}, ${RUNS} runs)`, async () => {
    console.log(`http fuzzing: seed ${SEED}, ${RUNS} runs (replay with SEED=${SEED} HTTP_FUZZ_RUNS=${RUNS})`);
    const errors = vi.spyOn(console, 'error');
    const tally = new Map<string, number>();
    const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);
    await fc.assert(
      fc.asyncProperty(anyCase, async (c) => {
        const what = describeCase(c);
        const version = dataVersion();
        const reachedBefore = { ...reached };
        const outcome = c.kind === 'http' ? await sendHttp(c) : await sendFrames(c);
        count(`${c.kind} ${outcome.status ?? 'silent'}${outcome.closeCode ? ` close ${outcome.closeCode}` : ''}`);

        expect(outcome.status ?? 0, `a 5xx for ${what}`).toBeLessThan(500);
        if (!carriesToken(c)) {
          expect(reached, `reached the core without the token: ${what}`).toEqual(reachedBefore);
          const granted = outcome.status !== null && (outcome.status === 101 || (outcome.status >= 200 && outcome.status < 400));
          expect(granted, `${outcome.status} without the token: ${what}`).toBe(false);
        }
        if (outcome.closeCode) expect(CLOSE_CODES_FOR_BAD_INPUT, `close code for ${what}`).toContain(outcome.closeCode);
        for (const result of outcome.results ?? []) {
          expect(result.kind === 'result' && !result.result.ok && result.result.error.code === 'INTERNAL', `INTERNAL for ${what}`).toBe(false);
        }
        expect(dataVersion(), `the database changed: ${what}`).toBe(version);
        expect(errors, `the host logged an error for ${what}`).not.toHaveBeenCalled();
        const alive = await callOverHttp(host, 'status.get', {});
        expect(alive.body, `status.get after ${what}`).toMatchObject({ ok: true });
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    errors.mockRestore();
    const summary = [...tally.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, n]) => `${key}: ${n}`);
    console.log(`http fuzzing: ${RUNS} cases, all answered within the rules; outcomes — ${summary.join(', ')}`);
  }, 300_000);
});
