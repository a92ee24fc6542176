// Bundles the Node/Electron side into dist/: the Electron main process and preload, the core's
// utility-process entry and its worker threads, the browser-mode host and the standalone sandbox. The
// renderer is built by Vite.
import { build } from 'esbuild';
import { nodeBundle, workerBundles } from './esbuild-common.mjs';

await Promise.all([
  build(nodeBundle('electron/main/main.ts', 'dist/electron/main.cjs', 'cjs')),
  build({ ...nodeBundle('electron/preload/preload.ts', 'dist/electron/preload.cjs', 'cjs'), platform: 'browser', external: ['electron'] }),
  build(nodeBundle('electron/core-host/utility-process.ts', 'dist/electron/core-host.cjs', 'cjs')),
  ...workerBundles().map((options) => build(options)),
  build(nodeBundle('electron/web-host/main.ts', 'dist/web-host/main.js')),
  build(nodeBundle('electron/sandbox/main.ts', 'dist/sandbox/main.js')),
]);
