import crypto from 'node:crypto';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames, type CallResult, type MethodName } from '../../electron/core/contract';
import type { WebHost } from '../../electron/web-host/server';
import { callOverHttp, dbOf, startBrowserMode, startCore } from '../support/core';
import { useFileTempDir } from '../support/temp-dir';
import { arbitraryFor } from '../support/zod-arbitrary';

/**
 * Contract fuzzing: every method, called with thousands of generated inputs — valid ones, valid
 * ones with one field broken, values of the wrong type, huge and odd strings — through the real
 * transport (browser mode's POST /api/call). The core never answers INTERNAL or falls over, a
 * refused call leaves every table as it was, and what it answers fits the method's output schema
 * (the core checks each answer against it, and an answer that does not fit would be INTERNAL).
 * `npm run fuzz -- --runs 20000` runs longer; SEED=… replays a run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2500);
const SEED = process.env.SEED ? Number(process.env.SEED) : Date.now() % 2 ** 31;
const dir = useFileTempDir();
let host: WebHost;
let started: Awaited<ReturnType<typeof startCore>>;

beforeAll(async () => {
  started = await startCore(path.join(dir, 'core'), { sandbox: 'off', usageTickMs: 0 });
  host = await startBrowserMode(started.core, dir);
  await seedCache();
});
afterAll(async () => {
  await host.close();
  await started.core.close();
});

/** A little of everything, so calls meet rows: orders, details and bills imported, usage queued, tickets. */
async function seedCache(): Promise<void> {
  const csv = (lines: string[]) => Buffer.from(lines.join('\n')).toString('base64');
  const call = started.client.call.bind(started.client);
  await call('imports.sellerCenter', {
    kind: 'orders',
    fileName: 'o.csv',
    contentBase64: csv(['订单号,订单状态,创建时间,计费模式', 'CS2611240100AAAAA,已完成,2026-11-24 09:00,包周期']),
  });
  await call('imports.sellerCenter', {
    kind: 'transaction_details',
    fileName: 'd.csv',
    contentBase64: csv(['订单号,交易时间,交易金额', 'CS2611240100AAAAA,2026-11-24 09:00,100']),
  });
  await call('imports.sellerCenter', { kind: 'bills', fileName: 'b.csv', contentBase64: csv(['账单编号,账期,账单金额', 'BL1,2026-10,100']) });
  const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000;
  const sdr = (ms: number) =>
    new Date(ms)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
  await call('usage.capture', { instance_id: 'ins-1', begin_time: sdr(hour), end_time: sdr(hour + 3_599_000), usage_value: '1.5' });
  dbOf(started.core)
    .prepare(
      `INSERT INTO tickets (ticket_id, title, status, priority, customer_name, waiting_on_me, created_at, updated_at) VALUES ('TK1', '无法登录', 'pending', 'high', '客户', 1, 1, 1)`,
    )
    .run();
}

/** Every table's content, hashed: a refused call must leave it as it was. */
function checksum(): string {
  const db = dbOf(started.core);
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  const hash = crypto.createHash('sha256');
  for (const table of tables) hash.update(table).update(JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).raw().all()));
  return hash.digest('hex');
}

/** Folders a valid settings change may name stay inside this test's folder (the fuzz runs as root in CI). */
const fieldStrings = (key: string) => (/folder$/i.test(key) ? fc.stringMatching(/^[a-z0-9]{1,12}$/).map((name) => path.join(dir, 'folders', name)) : null);

const EDGE_VALUES = [
  null,
  '',
  0,
  -1,
  2 ** 53,
  Number.MAX_VALUE,
  true,
  [],
  {},
  'x'.repeat(300_000),
  '\u0000\uFFFF\uD800',
  '😀'.repeat(1000),
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  JSON.parse('[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]') as unknown,
];

interface FuzzCase {
  method: string;
  input: unknown;
}

/** A valid input with one of its fields (or the whole input) replaced by an edge value. */
function broken(valid: unknown): fc.Arbitrary<unknown> {
  const edge = fc.constantFrom(...EDGE_VALUES);
  if (typeof valid !== 'object' || valid === null || Array.isArray(valid)) return edge;
  const keys = Object.keys(valid);
  if (keys.length === 0) return fc.tuple(fc.string({ maxLength: 10 }), edge).map(([key, value]) => ({ [key]: value }));
  return fc.tuple(fc.constantFrom(...keys), edge).map(([key, value]) => ({ ...valid, [key]: value }));
}

function casesFor(method: MethodName): fc.Arbitrary<FuzzCase> {
  const valid = arbitraryFor(contract[method].input, { string: fieldStrings });
  return fc
    .oneof(
      { weight: 4, arbitrary: valid },
      { weight: 3, arbitrary: valid.chain(broken) },
      { weight: 2, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true }) },
      { weight: 1, arbitrary: fc.constantFrom(...EDGE_VALUES) },
    )
    .map((input) => ({ method, input }));
}

const anyCase = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom(...methodNames).chain(casesFor) },
  {
    weight: 1,
    arbitrary: fc.record({ method: fc.oneof(fc.string(), fc.constantFrom('orders', 'constructor', '__proto__', 'orders.page ')), input: fc.anything() }),
  },
);

describe('contract fuzzing through browser mode', () => {
  it(`every method answers thousands of generated inputs without INTERNAL, and a refused call changes nothing (seed ${SEED}, ${RUNS} runs)`, async () => {
    console.log(`contract fuzzing: seed ${SEED}, ${RUNS} runs (replay with SEED=${SEED} FUZZ_RUNS=${RUNS})`);
    const seen = { ok: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(anyCase, async ({ method, input }) => {
        const before = checksum();
        const { status, body } = await callOverHttp(host, method, input);
        expect(status, `HTTP status for ${method}`).toBe(200);
        const result = body as CallResult;
        if (result.ok) {
          seen.ok++;
          return;
        }
        seen.refused++;
        expect(result.error.code, `${method}: ${result.error.message}`).not.toBe('INTERNAL');
        expect(checksum(), `${method} was refused (${result.error.code}) but changed the database`).toBe(before);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    console.log(`contract fuzzing: ${RUNS} cases, ${seen.ok} answered, ${seen.refused} refused with a typed error`);
    expect((await callOverHttp(host, 'status.get', {})).status).toBe(200);
  }, 600_000);
});
