import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The package electron-builder would make, checked without Electron: electron-builder.yml against the
 * built dist/ (`npm test` builds first) — what the app loads at run time is packed, what must load
 * from disk is unpacked from the ASAR, nothing is shipped that nothing loads, and the fuses are set.
 */
const root = process.cwd();
const require = createRequire(import.meta.url);
const config = parse(fs.readFileSync('electron-builder.yml', 'utf8')) as {
  files: string[];
  asarUnpack: string[];
  extraResources: { from: string; to: string }[];
  afterPack: string;
  publish: { provider: string; url: string };
};
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { main: string; dependencies: Record<string, string> };
const built = fs.existsSync('dist/electron/main.cjs');

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .flatMap((entry) => (entry.isFile() ? [path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')] : []));
}

/** Whether electron-builder's `files` patterns take `file` (the last matching pattern decides, `!` excludes). */
function packed(file: string): boolean {
  let taken = false;
  for (const pattern of config.files) {
    if (pattern.startsWith('!')) taken &&= !minimatch(file, pattern.slice(1), { dot: true });
    else taken ||= minimatch(file, pattern, { dot: true });
  }
  return taken;
}

const unpacked = (file: string) => config.asarUnpack.some((pattern) => minimatch(file, pattern, { dot: true }));

/** The bare module names a bundle or package file requires or imports (node: builtins left out). */
function requiredModules(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const names = [...text.matchAll(/(?:require\(|from |import\()\s*["']([^"'./][^"']*)["']/g)].map((m) => m[1]!);
  const packageName = (name: string) => (name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!);
  return [...new Set(names.map(packageName))].filter((name) => !name.startsWith('node:') && !builtinModules.includes(name) && /^[@a-z]/.test(name));
}

/** A package and every package its run-time code requires, by reading its files (install-time scripts aside). */
function runtimeClosure(name: string, seen = new Set<string>()): Set<string> {
  if (seen.has(name) || name === 'electron') return seen;
  seen.add(name);
  const dir = path.dirname(require.resolve(`${name}/package.json`));
  const mainDir = path.dirname(path.join(dir, (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { main?: string }).main ?? 'index.js'));
  const sources = fs
    .readdirSync(mainDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(c|m)?js$/.test(e.name) && !path.relative(dir, e.parentPath).split(path.sep).includes('node_modules'));
  for (const source of sources) for (const dep of requiredModules(path.join(source.parentPath, source.name))) runtimeClosure(dep, seen);
  return seen;
}

// skipped without a build, saying so: `npm test` builds first
describe.skipIf(!built)('packaging (electron-builder.yml against the built dist/; skipped until `npm run build`)', () => {
  it('is a valid electron-builder 25 configuration', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (c: unknown, log: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('packs every file the app loads at run time: its entry, preload, core host, renderer and workers', () => {
    const runtime = [
      pkg.main,
      'dist/electron/preload.cjs',
      'dist/electron/core-host.cjs',
      'package.json',
      ...listFiles('dist/renderer').filter((f) => !f.endsWith('.map')),
      ...listFiles('dist/workers').filter((f) => f.endsWith('.mjs')),
    ];
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(runtime.filter((file) => !fs.existsSync(file))).toEqual([]);
    expect(runtime.filter((file) => !packed(file))).toEqual([]);
    expect(packed('dist/web-host/main.js') || packed('dist/bench/export.mjs') || packed('dist/electron/main.cjs.map')).toBe(false);
  });

  it('keeps better-sqlite3’s .node and the worker bundles out of the ASAR, with what the workers load from there', () => {
    expect(unpacked('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
    const workers = listFiles('dist/workers').filter((f) => f.endsWith('.mjs'));
    expect(workers.length).toBeGreaterThanOrEqual(4);
    expect(workers.filter((f) => !unpacked(f))).toEqual([]);
    // a worker runs from app.asar.unpacked/: every package it loads, and theirs, must be there too
    const loaded = new Set(workers.flatMap((f) => requiredModules(f)).flatMap((name) => [...runtimeClosure(name)]));
    expect([...loaded].sort()).toEqual(['better-sqlite3', 'bindings', 'file-uri-to-path']);
    expect([...loaded].filter((name) => !unpacked(`node_modules/${name}/package.json`))).toEqual([]);
  });

  it('ships exactly the packages the bundles load (everything else is bundled): none missing, none for nothing', () => {
    const bundles = [...listFiles('dist/electron').filter((f) => f.endsWith('.cjs')), ...listFiles('dist/workers').filter((f) => f.endsWith('.mjs'))];
    const external = new Set(bundles.flatMap((f) => requiredModules(f)).filter((name) => name !== 'electron'));
    expect([...external].sort()).toEqual(Object.keys(pkg.dependencies).sort());
  });

  it('puts resources/ beside the app, where the tray icon is looked up', () => {
    expect(config.extraResources).toEqual([{ from: 'resources/', to: 'resources/' }]);
    expect(fs.existsSync('resources/icons/tray.png')).toBe(true);
  });

  it('flips the fuses after packing: no RunAsNode, NODE_OPTIONS or --inspect, cookies encrypted, the app only from its checked ASAR', () => {
    expect(config.afterPack).toBe('scripts/after-pack.cjs');
    const { fusesFor } = require('../../scripts/after-pack.cjs') as { fusesFor: (platform: string) => Record<number, boolean> };
    const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, number> };
    const named = (platform: string) => Object.fromEntries(Object.entries(fusesFor(platform)).map(([k, v]) => [FuseV1Options[k], v]));
    const common = {
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableCookieEncryption: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    };
    expect(named('darwin')).toEqual({ ...common, EnableEmbeddedAsarIntegrityValidation: true });
    // electron-builder 25 writes no integrity resource into the Windows binary (see after-pack.cjs)
    expect(named('win32')).toEqual({ ...common, EnableEmbeddedAsarIntegrityValidation: false });
  });

  it('publishes updates to a generic feed whose URL is the one setting SELLER_DESK_UPDATE_URL', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.SELLER_DESK_UPDATE_URL}' });
  });
});
