// `npm run bench`: bundles each tests/bench/*.bench.ts with esbuild and runs it under Node, one
// after another so figures do not disturb each other. Each prints one JSON line per figure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { build as buildApp } from './build.mjs';
import { nodeBundle } from './esbuild-common.mjs';

const only = process.argv[2];
// the benchmarks host the core in their own process: they run it with the core process's V8 flags
const coreFlags = JSON.parse(fs.readFileSync('electron/core-host/v8-flags.json', 'utf8'));
// benchmarks run the built sandbox in its own process, and the browser benchmarks the built app
buildApp({ ifChanged: true });
const files = fs.readdirSync('tests/bench').filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)));
let failed = false;
for (const file of files) {
  const outfile = path.join('dist/bench', file.replace(/\.ts$/, '.mjs'));
  // exceljs (the writer of input files and the export's baseline) is loaded from node_modules when used:
  // bundled, its source alone added about 10 MB to every benchmark process's memory
  const bundle = nodeBundle(path.join('tests/bench', file), outfile);
  await build({ ...bundle, external: [...bundle.external, 'exceljs'] });
  const result = spawnSync(process.execPath, ['--expose-gc', ...coreFlags, outfile], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`benchmark ${file} failed`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
