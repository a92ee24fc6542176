import { createCore, createHeadlessPlatform } from '../../electron/core';

/**
 * A core in its own process, for the crash tests (which kill it with SIGKILL): `flush` sends the
 * usage outbox of `dataDir` to the sandbox at `baseUrl` until nothing is left; `sync` syncs
 * transaction details to the end. Exits 0 when done.
 */
const [dataDir, baseUrl, job] = process.argv.slice(2);
const core = await createCore({
  dataDir: dataDir!,
  platform: createHeadlessPlatform('test'),
  appVersion: 'core-job-child',
  sandbox: { baseUrl: baseUrl! },
  connectivityIntervalMs: 0, syncTickMs: 0,
  usageTickMs: 0,
  usageLeaseMs: 300,
});
if (job === 'sync') {
  const result = await core.services.sync.sync('transaction_details');
  if (!result.completed) throw new Error(`sync stopped: ${result.error}`);
} else {
  for (;;) {
    await core.services.usage.flushNow();
    const { queued, sending } = core.services.status().usageQueue;
    if (queued + sending === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
await core.close();
process.exit(0);
