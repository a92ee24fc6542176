import { build } from 'esbuild';
// @ts-expect-error plain .mjs build helper shared with the app's build
import { nodeBundle } from '../../scripts/esbuild-common.mjs';

/** Vitest global setup: the core starts its worker threads from the built bundle (core/workers/worker-url.ts). */
export default async function buildWorkers(): Promise<void> {
  await build(nodeBundle('electron/core/workers/db-worker.ts', 'dist/workers/db-worker.mjs'));
}
