import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
// @ts-expect-error plain .mjs build helper shared with the app's build
import { nodeBundle } from '../../scripts/esbuild-common.mjs';

export const CORE_JOB_CHILD = path.resolve('dist/test-support/core-job-child.mjs');

export async function buildCoreJobChild(): Promise<void> {
  await build(nodeBundle('tests/support/core-job-child.ts', CORE_JOB_CHILD));
}

/** Runs a core job (`flush` or `sync`) in its own process. */
export function runCoreJob(dataDir: string, baseUrl: string, job: 'flush' | 'sync'): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [CORE_JOB_CHILD, dataDir, baseUrl, job], { stdio: ['ignore', 'ignore', 'inherit'] });
  return { child, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}
