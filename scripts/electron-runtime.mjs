// Where the Electron binary and the Electron build of better-sqlite3 live, shared by `npm start`,
// `npm run electron:native` and the Electron end-to-end test.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export function electronVersion() {
  return JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
}

/** The installed Electron binary, or null when its download never happened (blocked network). */
export function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** better-sqlite3 compiled for Electron's ABI, kept apart from the Node build the tests use. */
export function electronNativeBinding() {
  return path.join(root, '.electron-native', electronVersion(), 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}
