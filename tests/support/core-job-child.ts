import { createClient } from '../../electron/core/contract';
import { createCore, createHeadlessPlatform, createInProcessTransport } from '../../electron/core';
import { DEMO_CREDENTIALS } from '../../electron/sandbox';

/**
 * A core in its own process, for the crash tests (which kill it with SIGKILL): `flush` sends the
 * usage outbox of `dataDir` to the sandbox at `baseUrl` until nothing is left; `sync` syncs
 * transaction details to the end; `supervision` sends the queued 服务监管 actions until none waits. Exits 0 when done. A fourth argument sets the sending lease (ms).
 */
const [dataDir, baseUrl, job, leaseMs] = process.argv.slice(2);
const core = await createCore({
  dataDir: dataDir!,
  platform: createHeadlessPlatform('test'),
  appVersion: 'core-job-child',
  sandbox: { baseUrl: baseUrl!, credentials: DEMO_CREDENTIALS },
  connectivityIntervalMs: 0,
  syncTickMs: 0,
  usageTickMs: 0,
  usageLeaseMs: Number(leaseMs ?? 300),
});
const client = createClient(createInProcessTransport(core));
if (job === 'sync') {
  const [result] = await client.call('sync.run', { resources: ['transaction_details'] });
  if (!result?.completed) throw new Error(`sync stopped: ${result?.error?.message}`);
} else if (job === 'supervision') {
  while ((await client.call('supervision.flushActions', {})).waiting > 0) await new Promise((resolve) => setTimeout(resolve, 50));
} else {
  for (;;) {
    await client.call('usage.flushNow', {});
    const { queued, sending } = (await client.call('status.get', {})).usageQueue;
    if (queued + sending === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
await core.close();
process.exit(0);
