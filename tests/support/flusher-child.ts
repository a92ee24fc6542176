import { createCore, createHeadlessPlatform } from '../../electron/core';

/**
 * A sender in its own process, for the crash-safety test: flushes the usage outbox of `dataDir`
 * to the sandbox at `baseUrl` until nothing is left, then exits 0. The test kills it with SIGKILL.
 */
const [dataDir, baseUrl] = process.argv.slice(2);
const core = await createCore({
  dataDir: dataDir!,
  platform: createHeadlessPlatform('test'),
  appVersion: 'flusher-child',
  sandbox: { baseUrl: baseUrl! },
  connectivityIntervalMs: 0,
  usageTickMs: 0,
  usageLeaseMs: 300,
});
for (;;) {
  await core.services.usage.flushNow();
  const { queued, sending } = core.services.status().usageQueue;
  if (queued + sending === 0) break;
  await new Promise((resolve) => setTimeout(resolve, 50));
}
await core.close();
process.exit(0);
