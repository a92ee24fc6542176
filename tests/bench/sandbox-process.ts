import { spawn, type ChildProcess } from 'node:child_process';
import { createCore, createHeadlessPlatform, createInProcessTransport, type CoreOptions } from '../../electron/core';
import { createClient } from '../../electron/core/contract';
import { DEMO_CREDENTIALS } from '../../electron/sandbox';

/** The built sandbox (`npm run sandbox`) in its own process, so it does not share the measured event loop. */
export async function startSandboxProcess(seed: string, size: 'small' | 'large'): Promise<{ baseUrl: string; process: ChildProcess }> {
  const child = spawn(process.execPath, ['dist/sandbox/main.js', '--port', '0', '--seed', seed, '--size', size], { stdio: ['ignore', 'pipe', 'inherit'] });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited ${code}; run npm run build first`)));
  });
  return { baseUrl, process: child };
}

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
