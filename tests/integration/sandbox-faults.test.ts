import { afterEach, describe, expect, it } from 'vitest';
import type { KooGalleryClient } from '../../electron/core/koogallery';
import type { SandboxServer } from '../../electron/sandbox';
import { ledgerOf, sandboxWithClient, setFaults, usageRecords } from '../support/sandbox';

let sandbox: SandboxServer | null = null;
afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

async function start(timeoutMs = 5_000): Promise<{ sandbox: SandboxServer; client: KooGalleryClient }> {
  const started = await sandboxWithClient({}, undefined, timeoutMs);
  sandbox = started.sandbox;
  return started;
}

const onEveryRequest = (kind: 'server_error' | 'throttle' | 'reset' | 'timeout' | 'malformed') => ({
  schedule: [{ kind, requests: [1, 1_000_000] as [number, number] }],
});

describe('fault injection, as the client sees it', () => {
  it('5xx → retryable, and nothing is processed', async () => {
    const { sandbox, client } = await start();
    setFaults(sandbox, onEveryRequest('server_error'));
    const { outcome } = await client.pushUsage(usageRecords(sandbox, 2, Date.now()));
    expect(outcome).toMatchObject({ class: 'retryable', code: 'MKT.0999' });
    expect([500, 502, 503]).toContain(outcome.meta.httpStatus);
    expect((await ledgerOf(sandbox)).ledger).toHaveLength(0);
  });

  it('throttling → throttled with the Retry-After delay; order query answers 406 MKT.0250', async () => {
    const { sandbox, client } = await start();
    setFaults(sandbox, { ...onEveryRequest('throttle'), retryAfterSeconds: 7 });
    const { outcome } = await client.pushUsage(usageRecords(sandbox, 1, Date.now()));
    expect(outcome).toMatchObject({ class: 'throttled', code: 'APIGW.0308', retryAfterMs: 7000, meta: { httpStatus: 429 } });
    const order = await client.queryOrder('MOCKONETIMENEW');
    expect(order).toMatchObject({ class: 'throttled', code: 'MKT.0250', retryAfterMs: 7000, meta: { httpStatus: 406 } });
  });

  it('a connection reset after sending → ambiguous', async () => {
    const { sandbox, client } = await start();
    setFaults(sandbox, onEveryRequest('reset'));
    const { outcome } = await client.pushUsage(usageRecords(sandbox, 1, Date.now()));
    expect(outcome).toMatchObject({ class: 'ambiguous', code: null, meta: { httpStatus: null } });
  });

  it('no answer after the request was processed → ambiguous, and the record is in the ledger', async () => {
    const { sandbox, client } = await start(300);
    setFaults(sandbox, { ...onEveryRequest('timeout'), timeoutHoldMs: 5_000 });
    const { outcome } = await client.pushUsage(usageRecords(sandbox, 1, Date.now()));
    expect(outcome.class).toBe('ambiguous');
    expect(outcome.message).toContain('ETIMEDOUT');
    expect((await ledgerOf(sandbox)).ledger).toHaveLength(1);
  });

  it('a connection that cannot be made → retryable, not ambiguous', async () => {
    const { sandbox, client } = await start();
    await sandbox.close();
    const { outcome } = await client.pushUsage([]);
    expect(outcome).toMatchObject({ class: 'retryable', message: expect.stringContaining('ECONNREFUSED') });
  });

  it('a malformed 200 body → ambiguous (the marketplace may have accepted it)', async () => {
    const { sandbox, client } = await start();
    setFaults(sandbox, onEveryRequest('malformed'));
    const { outcome } = await client.pushUsage(usageRecords(sandbox, 1, Date.now()));
    expect(outcome).toMatchObject({ class: 'ambiguous', meta: { httpStatus: 200 } });
  });

  it('latency delays answers without changing them', async () => {
    const { sandbox, client } = await start();
    setFaults(sandbox, { latencyMs: 150 });
    const { outcome } = await client.pushUsage(usageRecords(sandbox, 1, Date.now()));
    expect(outcome.class).toBe('ok');
    expect(outcome.meta.receivedAt! - outcome.meta.sentAt).toBeGreaterThanOrEqual(140);
  });

  it('a skewed Date header is what the client records', async () => {
    const { sandbox, client } = await start();
    setFaults(sandbox, { skewMs: -10 * 60_000 });
    const { outcome } = await client.pushUsage(usageRecords(sandbox, 1, Date.now()));
    const offset = outcome.meta.serverDate! - outcome.meta.receivedAt!;
    expect(offset).toBeGreaterThan(-10 * 60_000 - 2_000);
    expect(offset).toBeLessThan(-10 * 60_000 + 2_000);
  });

  it('rates pick faults deterministically per request number', async () => {
    const { sandbox, client } = await start();
    setFaults(sandbox, { rates: { server_error: 0.5 }, seed: 'fixed' });
    const classes: string[] = [];
    for (let i = 0; i < 20; i++) classes.push((await client.queryOrder('MOCKONDEMAND')).class);
    expect(classes).toContain('ok');
    expect(classes).toContain('retryable');
    expect(sandbox.state.faults.injected.server_error).toBe(classes.filter((c) => c === 'retryable').length);
  });
});

describe('exactly once under faults', () => {
  it('10,000 records in batches of 1000 with 20% injected faults end up in the ledger exactly once', async () => {
    const { sandbox, client } = await start(400);
    setFaults(sandbox, {
      rates: { server_error: 0.05, throttle: 0.05, reset: 0.04, timeout: 0.03, malformed: 0.03 },
      retryAfterSeconds: 0,
      timeoutHoldMs: 1_000,
      seed: 'exactly-once',
    });
    const records = usageRecords(sandbox, 10_000, Date.now(), 'once');
    let attempts = 0;
    for (let start = 0; start < records.length; start += 1000) {
      const batch = records.slice(start, start + 1000);
      for (;;) {
        attempts++;
        const { outcome } = await client.pushUsage(batch); // a retry sends the identical records
        if (outcome.class === 'ok') break;
        expect(['retryable', 'throttled', 'ambiguous']).toContain(outcome.class);
      }
    }
    const { ledger, anomalies } = await ledgerOf(sandbox);
    expect(attempts).toBeGreaterThan(10);
    expect(ledger).toHaveLength(10_000);
    expect(new Set(ledger.map((r) => r.metering_sn)).size).toBe(10_000);
    expect(anomalies.every((a) => a.reason === 'DUPLICATE')).toBe(true);
    const injected = sandbox.state.faults.injected;
    expect(injected.reset + injected.timeout + injected.malformed + injected.server_error + injected.throttle).toBe(attempts - 10);
  });
});

describe('a fault schedule with rates (an afternoon hour of mixed trouble)', () => {
  it('gives the share of requests inside the window their faults, and none outside it', async () => {
    const { sandbox, client } = await sandboxWithClient();
    try {
      const now = sandbox.state.now();
      setFaults(sandbox, {
        schedule: [
          { kind: 'server_error', from: now - 1000, until: now + 3_600_000, rate: 0.2 },
          { kind: 'throttle', from: now - 1000, until: now + 3_600_000, rate: 0.1 },
          { kind: 'server_error', from: now - 2 * 3_600_000, until: now - 3_600_000 }, // over: never again
        ],
      });
      for (let i = 0; i < 400; i++) await client.queryOrder(`CS-rate-${i}`);
      const { injected, requests } = sandbox.state.faults;
      expect(injected.server_error / requests).toBeGreaterThan(0.12);
      expect(injected.server_error / requests).toBeLessThan(0.28);
      expect(injected.throttle / requests).toBeGreaterThan(0.04);
      expect(injected.throttle / requests).toBeLessThan(0.16);
      expect(injected.reset + injected.timeout + injected.malformed).toBe(0);
    } finally {
      await sandbox.close();
    }
  });
});
