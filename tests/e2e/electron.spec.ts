import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
// @ts-expect-error plain .mjs helper shared with `npm start`
import { electronBinary, electronNativeBinding } from '../../scripts/electron-runtime.mjs';

const binary = electronBinary() as string | null;
const nativeBinding = electronNativeBinding() as string;

test('the desktop app opens in Chinese with live status from its core', async () => {
  test.skip(
    !binary,
    'Electron binary is not installed (its download is blocked on this machine); run `node node_modules/electron/install.js` where the network allows',
  );
  test.skip(!fs.existsSync(nativeBinding), 'better-sqlite3 is not built for Electron yet; run `npm run electron:native` (or `npm start` once)');

  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'seller-desk-electron-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: ['.'],
    env: { ...process.env, SELLER_DESK_USER_DATA: userData, SELLER_DESK_NATIVE_BINDING: nativeBinding },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByTestId('page-title')).toHaveText('商家总览');
    await expect(window.getByTestId('status-connectivity')).toHaveAttribute('data-state', 'online');
    await expect(window.getByTestId('status-data-source')).toHaveAttribute('data-kind', 'sandbox');
    const isolated = await window.evaluate(() => typeof (globalThis as { require?: unknown }).require === 'undefined');
    expect(isolated).toBe(true);
    // the same checks as tests/shell/ (run there under Node with a fake electron), here on the real one
    expect(window.url()).toBe('app://seller-desk/index.html');
    expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await window.evaluate(() => globalThis.open('https://example.com/'))).toBeNull();
    await window.evaluate(() => void (location.href = 'https://example.com/'));
    await expect.poll(() => window.url()).toBe('app://seller-desk/index.html');
    expect(await window.evaluate(() => Notification.requestPermission())).toBe('denied');
    const outside = await window.evaluate(() => fetch('app://seller-desk/..%2f..%2fpackage.json').then((r) => r.status));
    expect([403, 404]).toContain(outside);
    const csp = await window.evaluate(() => fetch('app://seller-desk/index.html').then((r) => r.headers.get('content-security-policy')));
    expect(csp).toContain("default-src 'self'");
    await window.getByTestId('nav-orders').click();
    await expect(window.getByTestId('page-orders')).toBeVisible();
    await window.screenshot({ path: 'test-results/screenshots/electron-zh-CN.png' });
  } finally {
    await app.close();
    fs.rmSync(userData, { recursive: true, force: true });
  }
});
