import { afterEach, describe, expect, it } from 'vitest';
import { clockFromEnvironment, systemClock } from '../../electron/core';
import { PATHS } from '../../electron/core/koogallery';
import { startSandboxServer, type SandboxServer } from '../../electron/sandbox';
import { external, startCore } from '../support/core';
import { setFaults } from '../support/sandbox';
import { useTempDirs } from '../support/temp-dir';
import { base64, hourRows, toCsv } from '../support/usage';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const pushTimes = (sandbox: SandboxServer) => sandbox.state.requestLog.filter((r) => r.path === PATHS.usagePushNew).map((r) => r.at);

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

describe('a simulated clock for demos and benchmarks (SELLER_DESK_CLOCK_RATE)', () => {
  it('waits out a 2-minute Retry-After in 2 simulated minutes, a sixth of a real second at 720×', async () => {
    const start = Date.parse('2026-11-24T06:03:00Z'); // 14:03 Beijing: the 13:00 hour's window is open until 14:15
    const clock = systemClock({ startMs: start, rate: 720 });
    const sandbox = await startSandboxServer({ seed: 'rate', now: clock.now, anchor: Date.parse('2026-11-24T00:00:00+08:00') });
    setFaults(sandbox, { retryAfterSeconds: 120, schedule: [{ kind: 'throttle', requests: [1, 1] }] });
    const { core, client } = await startCore(tempDir(), { clock, sandbox: external(sandbox), usageTickMs: 15_000, random: () => 0.5 });
    cleanups.push(
      () => sandbox.close(),
      () => core.close(),
    );
    const realStart = performance.now();
    const rows = hourRows(sandbox, start - 3_600_000 - 3 * 60_000, 20);
    await client.call('usage.importFile', { fileName: 'u.csv', contentBase64: base64(toCsv(rows)), queueValidOnly: false });
    await until(() => pushTimes(sandbox).length >= 2, 'the push after the Retry-After');
    const [throttled, retried] = pushTimes(sandbox) as [number, number];
    expect(retried - throttled).toBeGreaterThanOrEqual(120_000);
    expect(retried - throttled).toBeLessThan(120_000 + 2 * 15_000); // at the next tick of the usage schedule
    expect(performance.now() - realStart).toBeLessThan(5_000); // not two real minutes
    await sandbox.state.ledger.settled();
    expect(sandbox.state.ledger.ledger()).toHaveLength(20);
  });

  it('reads the start, rate and anchor from the environment, so a restarted app stays on one timeline', () => {
    const anchor = Date.now() - 10_000; // the first process started 10 real seconds ago
    const env = { SELLER_DESK_CLOCK_START: '2026-11-24T06:00:00Z', SELLER_DESK_CLOCK_RATE: '360', SELLER_DESK_CLOCK_ANCHOR: String(anchor) };
    const restarted = clockFromEnvironment(env)!;
    expect(Math.abs(restarted.now() - (Date.parse('2026-11-24T07:00:00Z') + (Date.now() - anchor - 10_000) * 360))).toBeLessThan(360 * 50);
    expect(clockFromEnvironment({})).toBeNull();
    expect(() => clockFromEnvironment({ ...env, SELLER_DESK_CLOCK_RATE: '0' })).toThrow('SELLER_DESK_CLOCK_RATE must be a number above 0');
    expect(() => clockFromEnvironment({ ...env, SELLER_DESK_CLOCK_START: 'tomorrow' })).toThrow('SELLER_DESK_CLOCK_START is not a date: "tomorrow"');
    expect(() => clockFromEnvironment({ SELLER_DESK_CLOCK_RATE: '720' })).toThrow('need SELLER_DESK_CLOCK_START');
  });
});
