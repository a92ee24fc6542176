import { build } from 'esbuild';
// @ts-expect-error plain .mjs build helper shared with the app's build
import { nodeBundle } from '../../scripts/esbuild-common.mjs';

/** Vitest global setup: the core starts its worker threads from the built bundle (core/db/worker-url.ts). */
export default async function buildWorkers(): Promise<void> {
  await Promise.all([
    build(nodeBundle('electron/core/db/checkpoint-worker.ts', 'dist/workers/checkpoint-worker.mjs')),
    build(nodeBundle('electron/core/exports/export-worker.ts', 'dist/workers/export-worker.mjs')),
  ]);
}
