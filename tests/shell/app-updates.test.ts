import { EventEmitter } from 'node:events';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppUpdates, UPDATE_CHECK_EVERY_MS, type Updater } from '../../electron/main/app-updates';
import { startShell } from '../../electron/main/shell';
import type { UpdateState } from '../../electron/core/contract';
import { fakeElectron } from '../support/fake-electron';
import { useTempDirs } from '../support/temp-dir';

/** Updates: checked on start and daily, downloaded in the background, installed only after the core stopped. */
const tempDir = useTempDirs();

class FakeUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  checks = 0;
  installs: unknown[][] = [];
  checkForUpdates = () => {
    this.checks++;
    return Promise.resolve(null);
  };
  quitAndInstall = (...args: unknown[]) => void this.installs.push(args);
}

const fakeUpdater = () => {
  const updater = new FakeUpdater();
  // electron-updater's publisher/signature check is on by default; the app must never switch it off
  Object.defineProperty(updater, 'verifyUpdateCodeSignature', {
    set: () => {
      throw new Error('the update signature check was changed');
    },
  });
  Object.defineProperty(updater, 'forceDevUpdateConfig', {
    set: () => {
      throw new Error('forceDevUpdateConfig was set');
    },
  });
  return updater;
};

afterEach(() => {
  vi.useRealTimers();
});

describe('app updates', () => {
  it('checks on start and once a day, downloads in the background and installs on quit', () => {
    vi.useFakeTimers();
    const updater = fakeUpdater();
    const states: UpdateState[] = [];
    const updates = new AppUpdates(
      updater as unknown as Updater,
      '1.2.3',
      (s) => states.push(s),
      () => 1_000,
    );
    updates.start();
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true, checks: 1 });
    vi.advanceTimersByTime(UPDATE_CHECK_EVERY_MS - 1);
    expect(updater.checks).toBe(1);
    vi.advanceTimersByTime(1);
    expect(updater.checks).toBe(2);

    updater.emit('update-available', { version: '1.3.0', releaseNotes: '<p>新增：注册Agents</p><ul><li>修复：导出</li></ul>', releaseDate: '2026-12-01' });
    updater.emit('download-progress', { percent: 41.6 });
    expect(updates.state).toMatchObject({ state: 'downloading', percent: 42, available: { version: '1.3.0' } });
    updater.emit('update-downloaded', { version: '1.3.0', releaseNotes: '<p>新增：注册Agents</p><ul><li>修复：导出</li></ul>' });
    expect(updates.state).toEqual({
      currentVersion: '1.2.3',
      state: 'ready',
      percent: 100,
      checkedAt: 1_000,
      available: { version: '1.3.0', releaseNotes: '新增：注册Agents\n修复：导出', releaseDate: null },
    });
    vi.advanceTimersByTime(UPDATE_CHECK_EVERY_MS);
    expect(updater.checks).toBe(2); // nothing is checked again while one is ready
    expect(states.map((s) => s.state)).toEqual(['downloading', 'downloading', 'ready']);
    updates.stop();
  });

  it('reports a failed check, and keeps a downloaded update when a later error comes', async () => {
    const updater = fakeUpdater();
    updater.checkForUpdates = () => Promise.reject(new Error('net::ERR_NAME_NOT_RESOLVED'));
    const updates = new AppUpdates(updater as unknown as Updater, '1.2.3', () => undefined);
    updates.start();
    await new Promise((resolve) => setImmediate(resolve));
    expect(updates.state).toMatchObject({ state: 'error', error: 'net::ERR_NAME_NOT_RESOLVED' });
    updater.emit('update-downloaded', { version: '1.3.0' });
    updater.emit('error', new Error('the feed is unreachable'));
    expect(updates.state).toMatchObject({ state: 'ready', error: 'the feed is unreachable', available: { version: '1.3.0' } });
    updates.stop();
  });

  it('installs the downloaded update only after the core has stopped', async () => {
    const userData = tempDir();
    const fake = fakeElectron({ userData, core: { stopTakesMs: 150 } });
    const updater = fakeUpdater();
    const shell = startShell(fake.electron, {
      distDir: userData,
      resourcesDir: path.join(userData, 'resources'),
      updater: updater as unknown as Updater,
      log: { warn: () => undefined, error: () => undefined },
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    updater.emit('update-downloaded', { version: '1.3.0', releaseNotes: null });
    expect(fake.windows[0]!.webContents.sent.at(-1)).toMatchObject({ channel: 'app:update', args: [{ state: 'ready' }] });
    const install = fake.ipcHandle.get('app:installUpdate') as unknown as (event: unknown) => Promise<void>;
    const done = install({ senderFrame: { url: 'app://seller-desk/index.html', parent: null } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(updater.installs).toEqual([]); // the core is still finishing its batch
    await done;
    expect(fake.processes[0]!.exited).toBe(true);
    expect(updater.installs).toEqual([[false, true]]);
    await shell.quit();
  });
});
