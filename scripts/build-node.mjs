// Bundles the Node/Electron side into dist/: the Electron main process and preload, the core's
// utility-process entry, the browser-mode host and the standalone sandbox. The renderer is built by Vite.
import fs from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  // native and runtime-provided modules stay outside the bundle
  external: ['electron', 'better-sqlite3', 'ws', 'bufferutil', 'utf-8-validate', 'electron-log'],
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs' }),
  build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', platform: 'browser', external: ['electron'] }),
  build({ ...common, entryPoints: ['electron/core-host/utility-process.ts'], outfile: 'dist/electron/core-host.cjs', format: 'cjs' }),
  build({ ...common, entryPoints: ['electron/web-host/main.ts'], outfile: 'dist/web-host/main.js', format: 'esm' }),
  build({ ...common, entryPoints: ['electron/sandbox/main.ts'], outfile: 'dist/sandbox/main.js', format: 'esm' }),
]);
