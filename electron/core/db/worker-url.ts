/** The worker threads the core starts, each bundled on its own (scripts/build-node.mjs). */
export type WorkerName = 'checkpoint-worker' | 'export-worker' | 'export-part-worker' | 'aggregate-worker' | 'guide-text-worker' | 'import-staging-worker';

/**
 * Where a worker's bundle is. The app's Node bundles sit one folder below dist/ (dist/web-host,
 * dist/electron, dist/bench, …) with the workers in dist/workers/; running from source (the tests),
 * it is the built one (the test setup builds it). In a packaged app the workers are unpacked from
 * the asar archive (electron-builder.yml), as better-sqlite3 is.
 */
export function workerUrl(name: WorkerName): URL {
  const here = import.meta.url;
  const url = here.endsWith('.ts') ? new URL(`../../../dist/workers/${name}.mjs`, here) : new URL(`../workers/${name}.mjs`, here);
  return new URL(url.href.replace('/app.asar/', '/app.asar.unpacked/'));
}
