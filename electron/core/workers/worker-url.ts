/**
 * Where the db worker's bundle is. The app's Node bundles sit one folder below dist/ (dist/web-host,
 * dist/electron, dist/bench, …) with the worker in dist/workers/; running from source (the tests),
 * it is the built one (the test setup builds it). In a packaged app the worker is unpacked from the
 * asar archive (electron-builder.yml), as better-sqlite3 is.
 */
export function dbWorkerUrl(): URL {
  const here = import.meta.url;
  const url = here.endsWith('.ts') ? new URL('../../../dist/workers/db-worker.mjs', here) : new URL('../workers/db-worker.mjs', here);
  return new URL(url.href.replace('/app.asar/', '/app.asar.unpacked/'));
}
