import fc from 'fast-check';
import { isWireRequest } from '../../electron/core/contract';
import type { WebHostLimits } from '../../electron/web-host/limits';
import { frameBytes } from './raw-http';

/**
 * The cases tests/integration/http-fuzz.test.ts sends: requests and WebSocket frames as fast-check
 * arbitraries, with the lies (framing, escapes, credentials) they carry.
 */

/** Small limits, so that over-limit bodies and messages cost little. */
export const FUZZ_LIMITS: WebHostLimits = { callBytes: 64 * 1024, sockets: 8, headersTimeoutMs: 2_000, requestTimeoutMs: 4_000 };
/** Placeholders for the per-launch token and port, filled in when a case is sent. */
export const TOKEN = '{TOKEN}';
export const PORT = '{PORT}';

export type Bearer = 'right' | 'wrong' | 'empty' | 'none';
export type Cookie = 'right' | 'wrong' | 'garbage' | 'none';

export interface Credentials {
  bearer: Bearer;
  cookie: Cookie;
  host: string | null;
  origin: string | null;
}

export type Framing = 'length' | 'none' | 'short' | 'long' | 'invalid' | 'duplicate' | 'chunked' | 'chunkedTruncated' | 'chunkedBadSize' | 'chunkedAndLength';

export interface HttpCase {
  kind: 'http';
  request: { method: string; target: string };
  credentials: Credentials;
  extraHeaders: [string, string][];
  body: Buffer;
  framing: Framing;
}

export type Frame =
  { type: 'text'; text: string } | { type: 'invalidUtf8' } | { type: 'binary'; bytes: Buffer } | { type: 'broken'; name: string; bytes: Buffer };

export interface SocketCase {
  kind: 'socket';
  credentials: Credentials;
  frames: Frame[];
}

const READ_METHODS = ['status.get', 'settings.get', 'overview.get', 'orders.page'];
/** Inputs settings.update refuses, so that no generated call writes. */
const REFUSED_UPDATES = [{ language: 'fr-FR' }, { colour: 'red' }, 'x', [1], { timeZone: '' }];

const callText: fc.Arbitrary<string> = fc
  .oneof(
    fc.record({
      method: fc.constantFrom(...READ_METHODS),
      input: fc.constantFrom({}, null, [], 'x', { a: 1 }, JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
    }),
    fc.record({ method: fc.constant('settings.update'), input: fc.constantFrom(...REFUSED_UPDATES) }),
    fc.record({ method: fc.constantFrom('no.such', '__proto__', 'constructor', 'orders.dropAll', '', 'status.get '), input: fc.anything({ maxDepth: 2 }) }),
  )
  .map((call) => JSON.stringify(call));

const deepNesting = fc.tuple(fc.integer({ min: 100, max: 30_000 }), fc.boolean()).map(([depth, closed]) => {
  const nested = '['.repeat(depth) + (closed ? ']'.repeat(depth) : '');
  return `{"method":"status.get","input":{"deep":${nested}}}`;
});

const hugeString = fc
  .integer({ min: FUZZ_LIMITS.callBytes - 200, max: FUZZ_LIMITS.callBytes + 2_000 })
  .map((n) => `{"method":"status.get","input":{"s":"${'x'.repeat(n)}"}}`);

const bodyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: callText },
  { weight: 2, arbitrary: callText.chain((text) => fc.nat({ max: text.length }).map((cut) => text.slice(0, cut))) },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: fc.constantFrom('', 'null', '[]', '"x"', '1e999', '{"method":1}', '{"method":"status.get","input":{}}garbage', '\uFEFF{}') },
);

const body: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 6, arbitrary: bodyText.map((text) => Buffer.from(text)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes)) },
);

const segment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('', 'api', 'call', 'socket', 'exports', 'index.html', 'assets', 'a.csv', 'x.xlsx', 'passwd') },
  { weight: 3, arbitrary: fc.constantFrom('.', '..', '%2e%2e', '.%2E', '%2f', '%5c', '..%2f..%2f..%2fetc%2fpasswd', '..\\..', 'C:%5cWindows') },
  { weight: 4, arbitrary: fc.constantFrom('%E0%A4%A', '%E0%A4', '%', '%z', '%zz', '%C0%AF', '%ED%A0%80', '%F4%90%80%80', '%00', '%FF', '%25', '%20') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom('\u0000', '订单', '😀', '\uFEFF', ' ') },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 20_000 }).map((n) => 'x'.repeat(n)) },
);

const oddPath: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => `/${parts.join('/')}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '*',
      `http://127.0.0.1:${PORT}/api/call`,
      'http://[/',
      'http://evil.example/',
      '//evil.example/x',
      '',
      '/api/exports/..%2f..%2fcore%2fseller-desk.db',
    ),
  },
);

const oddQuery = fc.constantFrom(`?token=${TOKEN}`, '?token=wrong', '?token=', '?%', '?a=%E0%A4%A', `?token=${TOKEN}%`, '?a=1&a=2#x');

/**
 * A case starts as a request the page or a script would send, and each of its parts is replaced
 * by an odd one a fifth of the time: most cases break one or two things and get past the rest.
 */
function mostly<T>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ weight: 4, arbitrary: usual }, { weight: 1, arbitrary: odd });
}

const request: fc.Arbitrary<{ method: string; target: string }> = fc
  .tuple(
    mostly(
      fc.constantFrom<[string, string]>(
        ['POST', '/api/call'],
        ['POST', '/api/call'],
        ['POST', '/api/call'],
        ['GET', '/'],
        ['GET', '/index.html'],
        ['GET', '/api/exports/a.csv'],
        ['GET', `/?token=${TOKEN}`],
      ),
      fc.tuple(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT', 'PRI', 'FOO', 'get'),
        fc.tuple(oddPath, fc.constantFrom('', '', oddQuery)).map(([p, q]) => p + q),
      ),
    ),
  )
  .map(([[method, target]]) => ({ method, target }));

const credentials: fc.Arbitrary<Credentials> = fc.record({
  bearer: mostly(fc.constant<Bearer>('right'), fc.constantFrom<Bearer>('wrong', 'empty', 'none', 'none')),
  cookie: mostly(fc.constant<Cookie>('none'), fc.constantFrom<Cookie>('right', 'wrong', 'garbage')),
  host: mostly(
    fc.constantFrom(`127.0.0.1:${PORT}`, `localhost:${PORT}`),
    fc.constantFrom<string | null>('127.0.0.1', 'evil.example', `evil.example:${PORT}`, '', null, '[::1', '订单'),
  ),
  origin: mostly(fc.constantFrom(null, `http://127.0.0.1:${PORT}`), fc.constantFrom('http://evil.example', 'null', '%%%', `https://127.0.0.1:${PORT}`)),
});

const extraHeaders: fc.Arbitrary<[string, string][]> = mostly(
  fc.constantFrom<[string, string][]>([], [['Content-Type', 'application/json']], [['Connection', 'close']], [['Accept', '*/*']]),
  fc.array(
    fc.constantFrom<[string, string]>(
      ['Content-Type', 'text/plain; charset=gbk'],
      ['Connection', 'keep-alive'],
      ['Cookie', 'a=b; c'],
      ['Upgrade', 'websocket'],
      ['Connection', 'Upgrade'],
      ['X-Big', 'a'.repeat(20_000)],
      ['X-Bad', 'a\u0000b'],
      ['Bad Name', 'x'],
      ['Transfer-Encoding', 'gzip'],
    ),
    { minLength: 1, maxLength: 3 },
  ),
);

const httpCase: fc.Arbitrary<HttpCase> = fc.record({
  kind: fc.constant('http' as const),
  request,
  credentials,
  extraHeaders,
  body,
  framing: mostly(
    fc.constantFrom<Framing>('length', 'length', 'chunked'),
    fc.constantFrom<Framing>('none', 'short', 'long', 'invalid', 'duplicate', 'chunkedTruncated', 'chunkedBadSize', 'chunkedAndLength'),
  ),
});

/** Frames ws itself would never send: each must make the server close with a code. */
const brokenFrame: fc.Arbitrary<Frame> = fc.constantFrom(
  { type: 'broken' as const, name: 'unmasked', bytes: frameBytes({ opcode: 0x1, payload: Buffer.from('{}'), masked: false }) },
  { type: 'broken' as const, name: 'reserved opcode', bytes: frameBytes({ opcode: 0x3, payload: Buffer.from('{}') }) },
  { type: 'broken' as const, name: 'RSV bits', bytes: frameBytes({ opcode: 0x1, payload: Buffer.from('{}'), rsv: 5 }) },
  { type: 'broken' as const, name: 'long ping', bytes: frameBytes({ opcode: 0x9, payload: Buffer.alloc(200) }) },
  { type: 'broken' as const, name: 'fragmented ping', bytes: frameBytes({ opcode: 0x9, payload: Buffer.from('x'), fin: false }) },
  { type: 'broken' as const, name: 'stray continuation', bytes: frameBytes({ opcode: 0x0, payload: Buffer.from('x') }) },
  { type: 'broken' as const, name: 'close code 999', bytes: frameBytes({ opcode: 0x8, payload: Buffer.from([0x03, 0xe7]) }) },
  { type: 'broken' as const, name: 'length 2^63', bytes: frameBytes({ opcode: 0x1, payload: Buffer.alloc(0), declaredLength: 2n ** 63n }) },
  {
    type: 'broken' as const,
    name: 'declared over the limit',
    bytes: frameBytes({ opcode: 0x1, payload: Buffer.alloc(0), declaredLength: BigInt(FUZZ_LIMITS.callBytes + 1) }),
  },
  { type: 'broken' as const, name: 'invalid UTF-8, raw', bytes: frameBytes({ opcode: 0x1, payload: Buffer.from([0xc3, 0x28]) }) },
);

const wellFormedFrame: fc.Arbitrary<Frame> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(callText, fc.oneof(fc.integer(), fc.double(), fc.constant(-0)))
      .map(([text, id]) => ({ type: 'text' as const, text: withWireId(text, id) })),
  },
  { weight: 2, arbitrary: bodyText.map((text) => ({ type: 'text' as const, text })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('{}', '[]', '1', 'null', '{"kind":"call","id":"7","method":"status.get"}', '{"kind":"result","id":1}')
      .map((text) => ({ type: 'text' as const, text })),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'invalidUtf8' as const }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 256 }).map((bytes) => ({ type: 'binary' as const, bytes: Buffer.from(bytes) })) },
  { weight: 1, arbitrary: callText.map((text) => ({ type: 'binary' as const, bytes: Buffer.from(withWireId(text, 1)) })) },
);

const socketCase: fc.Arbitrary<SocketCase> = fc.record({
  kind: fc.constant('socket' as const),
  credentials,
  frames: fc.oneof(
    { weight: 3, arbitrary: fc.array(wellFormedFrame, { minLength: 1, maxLength: 4 }) },
    { weight: 1, arbitrary: fc.tuple(fc.array(wellFormedFrame, { maxLength: 2 }), brokenFrame).map(([before, broken]) => [...before, broken]) },
  ),
});

export const anyCase = fc.oneof({ weight: 4, arbitrary: httpCase }, { weight: 1, arbitrary: socketCase });

function withWireId(callJson: string, id: number): string {
  return JSON.stringify({ kind: 'call', id, ...(JSON.parse(callJson) as object) });
}

/** The body framed as the case says, lies included; `mayWait` when the server rightly waits for bytes that never come. */
export function framed(framing: Framing, payload: Buffer): { headers: [string, string][]; bytes: Buffer; mayWait: boolean } {
  const length = (value: string | number): [string, string] => ['Content-Length', String(value)];
  const chunk = (bytes: Buffer) => Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n')]);
  switch (framing) {
    case 'length':
      return { headers: [length(payload.length)], bytes: payload, mayWait: false };
    case 'none':
      return { headers: [], bytes: payload, mayWait: false };
    case 'short':
      return { headers: [length(Math.floor(payload.length / 2))], bytes: payload, mayWait: false };
    case 'long':
      return { headers: [length(payload.length + 10)], bytes: payload, mayWait: true };
    case 'invalid':
      return { headers: [length(['abc', '-1', '1e3', ' 5 ', '0x10', '99999999999999999999'][payload.length % 6]!)], bytes: payload, mayWait: true };
    case 'duplicate':
      return { headers: [length(payload.length), length(payload.length + 1)], bytes: payload, mayWait: false };
    case 'chunked':
      return { headers: [['Transfer-Encoding', 'chunked']], bytes: Buffer.concat([chunk(payload), Buffer.from('0\r\n\r\n')]), mayWait: false };
    case 'chunkedTruncated':
      return { headers: [['Transfer-Encoding', 'chunked']], bytes: chunk(payload).subarray(0, -3), mayWait: true };
    case 'chunkedBadSize':
      return { headers: [['Transfer-Encoding', 'chunked']], bytes: Buffer.concat([Buffer.from('zz\r\n'), payload]), mayWait: false };
    case 'chunkedAndLength':
      return {
        headers: [['Transfer-Encoding', 'chunked'], length(payload.length)],
        bytes: Buffer.concat([chunk(payload), Buffer.from('0\r\n\r\n')]),
        mayWait: false,
      };
  }
}

/** The calls before the first frame the server closes on: each gets a result. */
export function answeredCalls(frames: Frame[]): number {
  let calls = 0;
  for (const frame of frames) {
    if (frame.type !== 'text' || Buffer.byteLength(frame.text) > FUZZ_LIMITS.callBytes) break;
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(frame.text);
    } catch {
      // not JSON: the server closes with 1003
    }
    if (!isWireRequest(parsed)) break;
    calls++;
  }
  return calls;
}

export function describeCase(c: HttpCase | SocketCase): string {
  const short = (text: string) => (text.length > 120 ? `${text.slice(0, 120)}…(${text.length} characters)` : text);
  const who = JSON.stringify(c.credentials);
  if (c.kind === 'socket') {
    const frames = c.frames.map((f) =>
      f.type === 'text' ? short(f.text) : f.type === 'broken' ? `<${f.name}>` : f.type === 'binary' ? `<binary ${f.bytes.length}>` : '<invalid UTF-8>',
    );
    return `WebSocket ${who} frames ${JSON.stringify(frames)}`;
  }
  const headers = c.extraHeaders.map(([name, value]) => `${name}: ${short(value)}`);
  return `${c.request.method} ${JSON.stringify(short(c.request.target))} ${who} ${JSON.stringify(headers)} ${c.framing} body ${JSON.stringify(short(c.body.toString('latin1')))}`;
}
