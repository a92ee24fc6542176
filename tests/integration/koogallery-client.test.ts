import { afterEach, describe, expect, it } from 'vitest';
import { fetchListPage } from '../../electron/core/marketplace/list-client';
import { fixedCredentials, KooGalleryClient, signUsageBody, PATHS } from '../../electron/core/koogallery';
import { DEMO_CREDENTIALS, type SandboxServer } from '../../electron/sandbox';
import { MOCK_ORDER_IDS } from '../../electron/sandbox/generator';
import { ledgerOf, sandboxWithClient, usageRecords } from '../support/sandbox';

let sandbox: SandboxServer | null = null;
afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

async function start(options: Parameters<typeof sandboxWithClient>[0] = {}, credentials = DEMO_CREDENTIALS) {
  const started = await sandboxWithClient(options, credentials);
  sandbox = started.sandbox;
  return started;
}

describe('Usage Push (New) against the sandbox over HTTP', () => {
  it('is received with MKT.0000 and reaches the ledger after asynchronous validation', async () => {
    const { sandbox, client } = await start();
    const records = usageRecords(sandbox, 3, Date.now());
    const { outcome, proof } = await client.pushUsage(records);
    expect(outcome).toMatchObject({ class: 'ok', code: 'MKT.0000' });
    expect(outcome.meta.serverDate).toEqual(expect.any(Number));
    expect(proof).toMatchObject({ recordCount: 3, bodySha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const { ledger } = await ledgerOf(sandbox);
    expect(ledger.map((r) => r.metering_sn)).toEqual(['sn-0', 'sn-1', 'sn-2']);
  });

  it('refuses a tampered body with 400 MKT.0102, and a wrong key too', async () => {
    const { sandbox, client } = await start({}, { ...DEMO_CREDENTIALS, sellerKey: 'not-the-key' });
    const records = usageRecords(sandbox, 1, Date.now());
    const wrongKey = await client.pushUsage(records);
    expect(wrongKey.outcome).toMatchObject({ class: 'permanent', code: 'MKT.0102', meta: { httpStatus: 400 } });

    const signed = signUsageBody(DEMO_CREDENTIALS.sellerKey, { usage_records: records }, String(Date.now()), 'nonce-1');
    const tampered = signed.body.replace(records[0]!.usage_value, '999');
    const response = await fetch(sandbox.baseUrl + PATHS.usagePushNew, { method: 'POST', headers: signed.headers, body: tampered });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error_code: 'MKT.0102', error_msg: 'Invalid body sign' });
    expect((await ledgerOf(sandbox)).ledger).toHaveLength(0);
  });

  it('refuses more than 1000 records with MKT.9003 and asks for a split', async () => {
    const { sandbox, client } = await start();
    const { outcome } = await client.pushUsage(usageRecords(sandbox, 1001, Date.now()));
    expect(outcome).toMatchObject({ class: 'permanent', code: 'MKT.9003', splitBatch: true, meta: { httpStatus: 500 } });
  });

  it('refuses begin_time older than 21 days (MKT.9004) and unknown instances (MKT.9001)', async () => {
    const { sandbox, client } = await start();
    const [record] = usageRecords(sandbox, 1, Date.now());
    const old = await client.pushUsage([{ ...record!, begin_time: '20200101T000000Z', end_time: '20200101T005959Z' }]);
    expect(old.outcome).toMatchObject({ class: 'permanent', code: 'MKT.9004' });
    const unknown = await client.pushUsage([{ ...record!, instance_id: 'no-such-instance' }]);
    expect(unknown.outcome).toMatchObject({ class: 'permanent', code: 'MKT.9001' });
  });

  it('turns duplicates and bad values into anomalies after MKT.0000, first record wins', async () => {
    const { sandbox, client } = await start();
    const [first] = usageRecords(sandbox, 1, Date.now());
    await client.pushUsage([first!]);
    const again = await client.pushUsage([
      { ...first!, metering_sn: 'sn-again', usage_value: '7' },
      { ...first!, end_time: first!.begin_time, begin_time: first!.end_time, metering_sn: 'sn-bad' },
    ]);
    expect(again.outcome.class).toBe('ok');
    const { ledger, anomalies } = await ledgerOf(sandbox);
    expect(ledger.map((r) => [r.metering_sn, r.usage_value])).toEqual([[first!.metering_sn, first!.usage_value]]);
    expect(anomalies.map((a) => [a.record.metering_sn, a.reason])).toEqual([
      ['sn-again', 'DUPLICATE'],
      ['sn-bad', 'INVALID_TIME'],
    ]);
  });
});

describe('APIG AK/SK endpoints against the sandbox', () => {
  it('answers order query for all nine documented MOCK orders', async () => {
    const { client } = await start();
    for (const orderId of MOCK_ORDER_IDS) {
      const outcome = await client.queryOrder(orderId, `${orderId}-000001`);
      expect(outcome.class, orderId).toBe('ok');
      if (outcome.class === 'ok') expect(outcome.data.orderLine[0]!.orderLineId).toBe(`${orderId}-000001`);
    }
  });

  it('answers order query for generated orders and refuses unknown ones', async () => {
    const { sandbox, client } = await start();
    const order = sandbox.state.dataset.order(1234);
    const found = await client.queryOrder(order.order_id);
    expect(found).toMatchObject({ class: 'ok', data: { orderId: order.order_id, orderType: order.order_type } });
    const missing = await client.queryOrder('CS0000000000XXXXX');
    expect(missing).toMatchObject({ class: 'permanent', code: 'MKT.0101' });
  });

  it('refuses a wrong SK with an APIGW error and never echoes the credentials', async () => {
    const credentials = { ...DEMO_CREDENTIALS, sk: 'wrong-secret-value' };
    const { client } = await start({}, credentials);
    const outcome = await client.queryOrder('MOCKONETIMENEW');
    expect(outcome).toMatchObject({ class: 'permanent', code: 'APIGW.0303', meta: { httpStatus: 401 } });
    const text = JSON.stringify(outcome);
    expect(text).not.toContain('wrong-secret-value');
    expect(text).not.toContain(DEMO_CREDENTIALS.sellerKey);
  });

  it('pushes usage through the Old variant with product_id', async () => {
    const { sandbox, client } = await start();
    const [record] = usageRecords(sandbox, 1, Date.now());
    const instance = sandbox.state.instances.get(record!.instance_id)!;
    const { metering_sn: _sn, ...rest } = record!;
    const outcome = await client.pushUsageOld([{ ...rest, product_id: instance.product_id }]);
    expect(outcome.class).toBe('ok');
    expect((await ledgerOf(sandbox)).ledger).toHaveLength(1);
  });

  it('activates a license and reports it alive on heartbeat, v1 and v2', async () => {
    const { client } = await start();
    const [first, second] = ['LICTEST000001', 'LICTEST000002'];
    const activated = await client.activateLicense('v1', [{ license: first! }]);
    expect(activated).toMatchObject({ class: 'ok', code: '92020000' });
    const beat = await client.licenseHeartbeat('v1', [first!]);
    expect(beat).toMatchObject({ class: 'ok', data: { license_code: first, status: 'ALIVE' } });
    const batch = await client.activateLicense('v2', [{ license: second! }, { license: first! }]);
    expect(batch.class).toBe('ok');
    const unknown = await client.licenseHeartbeat('v2', ['LIC-NOPE']);
    expect(unknown).toMatchObject({ class: 'permanent', code: '92020002' });
  });
});

describe('host fallback', () => {
  it('moves to the fallback host only when the first could not be reached', async () => {
    const { sandbox } = await start();
    const client = new KooGalleryClient({ baseUrls: ['http://127.0.0.1:9', sandbox.baseUrl], credentials: fixedCredentials(DEMO_CREDENTIALS) });
    const outcome = await client.queryOrder('MOCKONDEMAND');
    expect(outcome).toMatchObject({ class: 'ok', meta: { url: expect.stringContaining(sandbox.baseUrl) } });
  });
});

describe('list endpoints (sandbox extension)', () => {
  it('pages orders with resumable cursors, without gaps or repeats', async () => {
    const { client } = await start();
    const seen = new Set<string>();
    let cursor: string | null = null;
    let resumeAfterFirstPage: string | null = null;
    for (let page = 0; page < 50; page++) {
      const outcome = await fetchListPage(client, 'orders', cursor, 500);
      if (outcome.class !== 'ok') throw new Error(outcome.message);
      for (const item of outcome.data.items) {
        expect(seen.has(String(item.order_id))).toBe(false);
        seen.add(String(item.order_id));
      }
      cursor = outcome.data.nextCursor;
      resumeAfterFirstPage ??= cursor;
      if (!outcome.data.hasMore) break;
    }
    expect(seen.size).toBeGreaterThan(1000);
    const resumed = await fetchListPage(client, 'orders', resumeAfterFirstPage, 1);
    if (resumed.class !== 'ok') throw new Error(resumed.message);
    expect(seen.has(String(resumed.data.items[0]!.order_id))).toBe(true);
  });

  it('serves transaction details only through the T+1 cut-off', async () => {
    const now = Date.UTC(2026, 10, 24, 1, 0, 0); // 09:00 Beijing: yesterday's details are out
    const { client } = await start({ now: () => now, anchor: Date.UTC(2026, 10, 24, -8) });
    let cursor: string | null = null;
    let last = 0;
    let completeThrough = 0;
    for (;;) {
      const outcome = await fetchListPage(client, 'transaction_details', cursor, 1000);
      if (outcome.class !== 'ok') throw new Error(outcome.message);
      last = Math.max(last, ...outcome.data.items.map((i) => Number(i.transaction_at)));
      completeThrough = outcome.data.completeThrough ?? 0;
      cursor = outcome.data.nextCursor;
      if (!outcome.data.hasMore) break;
    }
    expect(completeThrough).toBe(Date.UTC(2026, 10, 23, 16)); // 2026-11-24 00:00 Beijing
    expect(last).toBeLessThan(completeThrough);
    expect(last).toBeGreaterThan(completeThrough - 3_600_000 * 3);
  });

  it('refuses an unsigned list request like the real gateway', async () => {
    const { sandbox } = await start();
    const response = await fetch(`${sandbox.baseUrl}/sandbox/v1/lists/orders`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error_code: 'APIGW.0303' });
  });
});
