import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { CORE_V8_FLAGS } from '../../electron/core-host';
import { RENDERER_URL } from '../../electron/main/app-protocol';
import { CORE_STOP_TIMEOUT_MS } from '../../electron/main/core-process';
import { startShell, type Shell } from '../../electron/main/shell';
import { fakeElectron, FakeBrowserWindow, type FakeCoreBehaviour, type FakeElectronOptions } from '../support/fake-electron';
import { useTempDirs } from '../support/temp-dir';

/**
 * The Electron main process run under Node with a recording fake `electron` (Electron's binary
 * cannot be downloaded on these machines; tests/e2e/electron.spec.ts checks the same where it can).
 */
const tempDir = useTempDirs();
const log = { warn: () => undefined, error: () => undefined };
let userData = '';
let distDir = '';

beforeEach(() => {
  userData = tempDir();
  distDir = tempDir();
  fs.mkdirSync(path.join(distDir, 'renderer'), { recursive: true });
  fs.writeFileSync(path.join(distDir, 'renderer', 'index.html'), '<!doctype html><title>商家工作台</title>');
});

let fake: ReturnType<typeof fakeElectron>;
let shell: Shell;

async function start(options: Partial<FakeElectronOptions> & { core?: Partial<FakeCoreBehaviour> } = {}) {
  fake = fakeElectron({ userData, ...options });
  shell = startShell(fake.electron, { distDir, resourcesDir: path.join(distDir, 'resources'), updater: null, log, platform: 'win32' });
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  return fake;
}

const window = () => fake.windows[0]!;
const frame = (url: string, parent: object | null = null) => ({ url, parent });

describe('the window', () => {
  it('states every web preference: isolated, sandboxed, no Node, no webview, no insecure content, no Auxclick', async () => {
    await start();
    expect(fake.windows).toHaveLength(1);
    expect(window().options.webPreferences).toEqual({
      preload: path.join(distDir, 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
    });
    expect(window().options.webPreferences).not.toHaveProperty('enableRemoteModule');
    expect(window().loadedUrl).toBe(RENDERER_URL);
  });

  it('denies every navigation, redirect, new window and webview, in the window and in any other web contents', async () => {
    await start();
    const contents = window().webContents;
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(contents.fire(name, { url: 'https://evil.example.com/' }), name).toBe(true);
    }
    expect(contents.windowOpenHandler!({ url: 'https://evil.example.com/' })).toEqual({ action: 'deny' });
    const other = new FakeBrowserWindow({}).webContents;
    fake.app.emit('web-contents-created', {}, other);
    expect(other.fire('will-navigate', { url: 'file:///etc/passwd' })).toBe(true);
    expect(other.windowOpenHandler!({ url: 'https://evil.example.com/' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', async () => {
    await start();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | null = null;
      (fake.permission.request as unknown as (wc: unknown, p: string, cb: (ok: boolean) => void) => void)({}, permission, (ok) => (granted = ok));
      expect(granted, permission).toBe(false);
      expect((fake.permission.check as unknown as (wc: unknown, p: string) => boolean)({}, permission), permission).toBe(false);
    }
  });

  it('restores the window where it was when that display still exists, and falls back to the default when it does not', async () => {
    const bounds = { x: 2000, y: 100, width: 1200, height: 800 };
    fs.writeFileSync(path.join(userData, 'window-state.json'), JSON.stringify({ bounds, maximized: true }));
    await start({ displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }, { workArea: { x: 1920, y: 0, width: 1920, height: 1040 } }] });
    expect(window().options).toMatchObject(bounds);
    expect(window().maximized).toBe(true);
    // the second monitor is unplugged: the window comes back on the one that is left
    await start({ displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] });
    expect(window().options).toMatchObject({ width: 1360, height: 860 });
    expect(window().options).not.toHaveProperty('x');
    expect(window().maximized).toBe(false);
  });

  it('remembers where the seller left it when the window closes', async () => {
    await start();
    Object.assign(window().options, { x: 40, y: 30, width: 1500, height: 900 });
    window().close();
    expect(JSON.parse(fs.readFileSync(path.join(userData, 'window-state.json'), 'utf8'))).toEqual({
      bounds: { x: 40, y: 30, width: 1500, height: 900 },
      maximized: false,
    });
  });
});

describe('the core connection', () => {
  it('starts the core’s utility process with the core’s V8 flags', async () => {
    await start();
    expect(fake.processes[0]!.execArgv).toEqual(CORE_V8_FLAGS);
  });

  it('connects the app page’s top frame only: a subframe or any other page is refused', async () => {
    await start();
    const connect = fake.ipcOn.get('core:connect') as unknown as (event: unknown) => void;
    const sender = window().webContents;
    connect({ senderFrame: frame('https://evil.example.com/'), sender });
    connect({ senderFrame: frame(RENDERER_URL, {}), sender });
    connect({ senderFrame: frame('file:///C:/app/dist/renderer/index.html'), sender });
    connect({ senderFrame: null, sender });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sender.posted).toEqual([]);
    connect({ senderFrame: frame(`${RENDERER_URL}#/orders`), sender });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sender.posted.map((p) => [p.channel, p.ports.length])).toEqual([['core:port', 1]]);
  });

  it('refuses the host’s own requests (print, updates) from an untrusted frame', async () => {
    await start();
    const print = fake.ipcHandle.get('window:printToPdf') as unknown as (event: unknown, name: string) => Promise<unknown>;
    await expect(print({ senderFrame: frame('https://evil.example.com/'), sender: window().webContents }, 'x.pdf')).rejects.toThrow('untrusted');
    const updates = fake.ipcHandle.get('app:updates') as unknown as (event: unknown) => unknown;
    expect(() => updates({ senderFrame: frame(RENDERER_URL, {}) })).toThrow('untrusted');
    expect(updates({ senderFrame: frame(RENDERER_URL) })).toEqual({ currentVersion: '1.2.3', state: 'off', reason: 'notPackaged' });
  });
});

describe('one app, in the tray', () => {
  it('a second instance quits at once; the first one shows and focuses its window when it is started again', async () => {
    await start({ singleInstance: false });
    expect(fake.app.ended).toBe(true);
    expect(fake.windows).toHaveLength(0);
    expect(fake.processes).toHaveLength(0);

    await start();
    window().minimize();
    fake.app.emit('second-instance');
    expect(window()).toMatchObject({ minimized: false, visible: true, focused: true });
    expect(fake.windows).toHaveLength(1);
  });

  it('stays alive in the tray with the window closed, and the tray opens a new window', async () => {
    await start();
    window().close();
    fake.app.emit('window-all-closed');
    expect(fake.app.ended).toBe(false);
    expect(fake.app.quitCount).toBe(0);
    const tray = fake.trays[0]!;
    tray.menu!.items.find((i) => i.label === '打开商家工作台')!.click!();
    expect(fake.windows).toHaveLength(2);
    expect(fake.windows[1]!.destroyed).toBe(false);
  });

  it('shows the tray menu and the 话单 queue in its tooltip', async () => {
    await start();
    const tray = fake.trays[0]!;
    expect(tray.menu!.items.map((i) => i.label ?? i.type)).toEqual(['打开商家工作台', 'separator', '退出']);
    expect(tray.tooltip).toBe('华为云云商店 · 商家工作台');
    fake.processes[0]!.broadcast({ type: 'queue', queue: { queued: 12, sending: 3, dueSoon: 2, atRisk: 1 } });
    expect(tray.tooltip).toBe('话单队列：12 条待发送 · 3 条发送中 · 2 条即将到期 · 1 条已超出窗口');
  });
});

describe('quitting', () => {
  it('waits for the core to stop (a 话单 batch mid-send is finished) before the app ends', async () => {
    await start({ core: { stopTakesMs: 200 } });
    const core = fake.processes[0]!;
    fake.app.quit();
    expect(fake.app.ended).toBe(false); // held until the core has stopped
    expect(core.messages.at(-1)).toEqual({ type: 'stop' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.app.ended).toBe(false);
    await shell.quit();
    expect(fake.app.ended).toBe(true);
    expect(core.killed).toBe(false);
    expect(fake.app.quitCount).toBe(2); // the seller's, and the shell's once the core was done
  });

  it('退出 in the tray quits the same way', async () => {
    await start();
    fake.trays[0]!.menu!.items.find((i) => i.label === '退出')!.click!();
    await shell.quit();
    expect(fake.processes[0]!.messages.at(-1)).toEqual({ type: 'stop' });
    expect(fake.app.ended).toBe(true);
  });

  it(`ends a core that does not stop within ${CORE_STOP_TIMEOUT_MS / 1000} s`, async () => {
    await start({ core: { stopTakesMs: Infinity } });
    const stopped = shell.core()!.stop(300);
    await stopped;
    expect(fake.processes[0]!.killed).toBe(true);
  });

  it('says why when the core cannot start, and quits', async () => {
    await start({ core: { start: { failed: 'the database is from a newer Seller Desk' } } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.errorBoxes).toEqual(['Seller Desk could not start its core: the database is from a newer Seller Desk']);
    expect(fake.app.ended).toBe(true);
  });
});
