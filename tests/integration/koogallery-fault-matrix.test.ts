import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchListPage } from '../../electron/core/marketplace/list-client';
import type { KooGalleryClient } from '../../electron/core/koogallery';
import type { FaultKind, SandboxServer } from '../../electron/sandbox';
import { sandboxWithClient, setFaults, usageRecords } from '../support/sandbox';

let sandbox: SandboxServer;
let client: KooGalleryClient;
beforeAll(async () => {
  ({ sandbox, client } = await sandboxWithClient({}, undefined, 300));
});
afterAll(() => sandbox.close());

/** Every endpoint the client speaks, as one call each. */
const endpoints: Record<string, () => Promise<{ class: string }>> = {
  'usage push (New)': async () => (await client.pushUsage(usageRecords(sandbox, 1, Date.now()))).outcome,
  'usage push (Old)': () => {
    const { metering_sn: _sn, ...record } = usageRecords(sandbox, 1, Date.now())[0]!;
    return client.pushUsageOld([{ ...record, product_id: sandbox.state.instances.get(record.instance_id)!.product_id }]);
  },
  'order query': () => client.queryOrder('MOCKPERIODYEARNEW'),
  'license activate v1': () => client.activateLicense('v1', [{ license: 'LICTEST000003' }]),
  'license activate v2': () => client.activateLicense('v2', [{ license: 'LICTEST000003' }]),
  'license heartbeat v1': () => client.licenseHeartbeat('v1', ['LICTEST000003']),
  'license heartbeat v2': () => client.licenseHeartbeat('v2', ['LICTEST000003']),
  'list page': () => fetchListPage(client, 'orders', null, 10),
};

const expected: Record<FaultKind | 'none', string> = {
  none: 'ok',
  server_error: 'retryable',
  throttle: 'throttled',
  reset: 'ambiguous',
  timeout: 'ambiguous',
  malformed: 'ambiguous',
};

describe.each(Object.keys(endpoints))('%s', (endpoint) => {
  it.each(Object.keys(expected) as (FaultKind | 'none')[])('with %s → the documented class', async (kind) => {
    setFaults(sandbox, kind === 'none' ? {} : { schedule: [{ kind, requests: [1, 1_000_000] }], timeoutHoldMs: 1_000 });
    const outcome = await endpoints[endpoint]!();
    expect(outcome.class).toBe(expected[kind]);
  });
});
