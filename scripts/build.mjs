// `npm run build` (everything) and `npm run web` (`--if-changed`: only the parts whose sources changed
// since their last build). Two parts: the renderer (Vite) and the Node bundles (esbuild). A part's
// stamp in dist/ records the digest of its inputs (paths, sizes, modification times) at its last
// successful build; an unchanged digest means its output is current.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const SHARED = ['package.json', 'package-lock.json', 'tsconfig.base.json'];
const PARTS = {
  renderer: {
    inputs: ['renderer', 'electron/core/contract', 'electron/core/conventions', 'vite.config.ts', ...SHARED],
    output: 'dist/renderer/index.html',
    command: ['node_modules/.bin/vite', ['build', '--logLevel', 'warn']],
  },
  node: {
    inputs: ['electron', 'scripts/build-node.mjs', 'scripts/esbuild-common.mjs', ...SHARED],
    output: 'dist/web-host/main.js',
    command: ['node', ['scripts/build-node.mjs']],
  },
};

/** A digest of every input file's path, size and modification time (a changed file changes it). */
export function inputsDigest(inputs) {
  const hash = crypto.createHash('sha256');
  const visit = (entry) => {
    if (!fs.existsSync(entry)) return;
    const stat = fs.statSync(entry);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(entry).sort()) visit(path.join(entry, name));
    } else {
      hash.update(`${entry}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  };
  for (const input of inputs) visit(input);
  return hash.digest('hex');
}

const stampFile = (name) => `dist/.build-${name}.json`;

function isCurrent(name, digest) {
  if (!fs.existsSync(PARTS[name].output)) return false;
  try {
    return JSON.parse(fs.readFileSync(stampFile(name), 'utf8')).digest === digest;
  } catch {
    return false;
  }
}

export function build({ ifChanged = false } = {}) {
  for (const [name, part] of Object.entries(PARTS)) {
    const digest = inputsDigest(part.inputs);
    if (ifChanged && isCurrent(name, digest)) {
      console.log(`build: ${name} is current`);
      continue;
    }
    fs.rmSync(stampFile(name), { force: true });
    const [command, args] = part.command;
    const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
    if (result.status !== 0) process.exit(result.status ?? 1);
    fs.writeFileSync(stampFile(name), JSON.stringify({ digest, builtAt: new Date().toISOString() }));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) build({ ifChanged: process.argv.includes('--if-changed') });
