// Builds better-sqlite3 for Electron into .electron-native/<electron version>/ without touching
// node_modules/better-sqlite3 (the Node build that tests and browser mode use). Tries a prebuilt
// binary first, then compiles against Electron's headers.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { electronNativeBinding, electronVersion, root } from './electron-runtime.mjs';

export function ensureElectronNative() {
  const binding = electronNativeBinding();
  if (fs.existsSync(binding)) return binding;
  const version = electronVersion();
  const workDir = path.resolve(binding, '../../..');
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'node_modules/better-sqlite3'), workDir, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`),
  });
  console.log(`Building better-sqlite3 for Electron ${version} in ${workDir} …`);
  const env = { ...process.env, npm_config_runtime: 'electron', npm_config_target: version, npm_config_disturl: 'https://electronjs.org/headers' };
  try {
    execFileSync(process.execPath, [path.join(root, 'node_modules/prebuild-install/bin.js'), '--runtime', 'electron', '--target', version], {
      cwd: workDir,
      env,
      stdio: 'inherit',
    });
  } catch {
    const nodeGyp = path.join(path.dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js');
    execFileSync(
      process.execPath,
      [nodeGyp, 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
      { cwd: workDir, env, stdio: 'inherit' },
    );
  }
  if (!fs.existsSync(binding)) throw new Error(`better-sqlite3 for Electron was not produced at ${binding}`);
  return binding;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  console.log(ensureElectronNative());
}
