import { build } from 'esbuild';
// @ts-expect-error plain .mjs build helper shared with the app's build
import { workerBundles } from '../../scripts/esbuild-common.mjs';

/** Vitest global setup: the core starts its worker threads from the built bundle (core/db/worker-url.ts). */
export default async function buildWorkers(): Promise<void> {
  await Promise.all((workerBundles() as Parameters<typeof build>[0][]).map((options) => build(options)));
}
