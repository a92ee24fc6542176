// One esbuild setup for every Node-side bundle (app entry points, benchmarks, test child processes).
import fs from 'node:fs';
import path from 'node:path';

const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** Native and runtime-provided modules stay outside the bundle. */
export const NODE_EXTERNALS = [
  'electron',
  'better-sqlite3',
  'ws',
  'bufferutil',
  'utf-8-validate',
  'electron-log',
  'electron-updater',
  '@playwright/test',
  'playwright',
  'playwright-core',
];

/** ESM bundles still meet CommonJS dependencies (csv-parse, yauzl, saxes) that call require(): give them one. */
const ESM_REQUIRE_BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";
/** CommonJS bundles have no import.meta.url; the core uses it to find its worker (core/db/worker-url.ts). */
const CJS_URL_BANNER = "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;";

const CORE_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../electron/core') + path.sep;

/**
 * The core's modules have no side effects when imported (their top level only declares), so a
 * bundle keeps just what its entry uses: the export worker reaches the export definitions through
 * capability indexes without loading those capabilities' services, the XLSX reader or zod's
 * unused parts (export worker bundle 3.3 MB -> see the commit; peak RSS of a 1,000,000-row export
 * back to ~190 MB).
 */
const coreModulesArePure = {
  name: 'core-modules-are-pure',
  setup(build) {
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData === 'resolving' || args.kind === 'entry-point') return undefined;
      const resolved = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: 'resolving' });
      if (resolved.errors.length > 0 || !resolved.path.startsWith(CORE_DIR)) return undefined;
      return { ...resolved, sideEffects: false };
    });
  },
};

export function nodeBundle(entry, outfile, format = 'esm') {
  return {
    entryPoints: [entry],
    outfile,
    format,
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    external: NODE_EXTERNALS,
    define: { __APP_VERSION__: JSON.stringify(pkg.version), ...(format === 'cjs' ? { 'import.meta.url': '__bundleUrl' } : {}) },
    banner: { js: format === 'esm' ? ESM_REQUIRE_BANNER : CJS_URL_BANNER },
    plugins: [coreModulesArePure],
  };
}

/** The core's worker threads (electron/core/db/worker-url.ts finds them in dist/workers/). */
export const WORKER_ENTRIES = {
  'checkpoint-worker': 'electron/core/db/checkpoint-worker.ts',
  'export-worker': 'electron/core/exports/export-worker.ts',
  'export-part-worker': 'electron/core/exports/export-part-worker.ts',
  'aggregate-worker': 'electron/core/lists/aggregate-worker.ts',
  'guide-text-worker': 'electron/core/listing/guide-text-worker.ts',
  'import-staging-worker': 'electron/core/imports/staging-worker.ts',
};

/** esbuild options for every worker bundle. */
export function workerBundles() {
  return Object.entries(WORKER_ENTRIES).map(([name, entry]) => nodeBundle(entry, `dist/workers/${name}.mjs`));
}
