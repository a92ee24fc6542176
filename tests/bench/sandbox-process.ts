import type { ChildProcess } from 'node:child_process';
import { createCore, createHeadlessPlatform, createInProcessTransport, type CoreOptions } from '../../electron/core';
import { createClient } from '../../electron/core/contract';
import { DEMO_CREDENTIALS } from '../../electron/sandbox';
import { startNodeProcess } from './node-process';

/** The built sandbox (`npm run sandbox`) in its own process, so it does not share the measured event loop. */
export async function startSandboxProcess(seed: string, size: 'small' | 'large'): Promise<{ baseUrl: string; process: ChildProcess }> {
  const { child, match } = await startNodeProcess(['dist/sandbox/main.js', '--port', '0', '--seed', seed, '--size', size], {}, SANDBOX_READY);
  return { baseUrl: match, process: child };
}

/** What the sandbox prints once it listens; group 1 is its base URL. */
export const SANDBOX_READY = /on (http:\/\/127\.0\.0\.1:\d+)/;

/** A core on `dataDir` using the sandbox at `baseUrl`, nothing running by itself, with its typed client. */
export async function benchCore(dataDir: string, baseUrl: string | null, options: Partial<CoreOptions> = {}) {
  const core = await createCore({
    dataDir,
    platform: createHeadlessPlatform('test'),
    appVersion: 'bench',
    sandbox: baseUrl ? { baseUrl, credentials: DEMO_CREDENTIALS } : 'off',
    connectivityIntervalMs: 0,
    syncTickMs: 0,
    usageTickMs: 0,
    ...options,
  });
  return { core, client: createClient(createInProcessTransport(core)) };
}
