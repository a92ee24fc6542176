import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
// @ts-expect-error plain .mjs build helper shared with the app's build
import { nodeBundle } from '../../scripts/esbuild-common.mjs';

export const CORE_JOB_CHILD = path.resolve('dist/test-support/core-job-child.mjs');
export const IMPORT_CHILD = path.resolve('dist/test-support/import-child.mjs');
export const WAITING_THREADS_CHILD = path.resolve('dist/test-support/waiting-threads-child.mjs');

export async function buildCoreJobChild(): Promise<void> {
  await build(nodeBundle('tests/support/core-job-child.ts', CORE_JOB_CHILD));
}

export async function buildImportChild(): Promise<void> {
  await build(nodeBundle('tests/support/import-child.ts', IMPORT_CHILD));
}

export async function buildWaitingThreadsChild(): Promise<void> {
  await build(nodeBundle('tests/support/waiting-threads-child.ts', WAITING_THREADS_CHILD));
}

/** Runs a core job (`flush`, `sync` or `supervision`) in its own process. */
export function runCoreJob(
  dataDir: string,
  baseUrl: string,
  job: 'flush' | 'sync' | 'supervision',
  leaseMs = 300,
): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [CORE_JOB_CHILD, dataDir, baseUrl, job, String(leaseMs)], { stdio: ['ignore', 'ignore', 'inherit'] });
  return { child, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}

/** Imports an orders export of `rows` data rows in its own process; `printed` resolves once a line matching it was printed. */
export function runImport(
  dataDir: string,
  file: string,
  rows: number,
): { child: ChildProcess; exited: Promise<number | null>; printed: (line: RegExp) => Promise<void> } {
  const child = spawn(process.execPath, [IMPORT_CHILD, dataDir, file, String(rows)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const waiting: { line: RegExp; resolve: () => void }[] = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    for (const w of waiting.filter((w) => w.line.test(output))) w.resolve();
  });
  return {
    child,
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
    printed: (line) => (line.test(output) ? Promise.resolve() : new Promise((resolve) => waiting.push({ line, resolve }))),
  };
}
