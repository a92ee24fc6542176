import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/platform';
import { registerAppScheme, rendererResponse, RENDERER_URL, serveRenderer } from '../../electron/main/app-protocol';
import { fakeElectron } from '../support/fake-electron';
import { useTempDirs } from '../support/temp-dir';

/** app://seller-desk/: the renderer folder and nothing else, every answer with the CSP. */
const tempDir = useTempDirs();
let root = '';
let renderer = '';

beforeEach(() => {
  root = tempDir();
  renderer = path.join(root, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>商家工作台</title>');
  fs.writeFileSync(path.join(renderer, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'secrets.json'), '{"token":"do-not-serve"}');
  fs.writeFileSync(path.join(root, 'renderer-evil.txt'), 'a sibling folder that shares the prefix');
});

describe('app:// protocol', () => {
  it('is registered privileged and secure before ready, and handled from the renderer folder after', async () => {
    const fake = fakeElectron({ userData: root });
    registerAppScheme(fake.electron);
    expect(fake.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    serveRenderer(fake.electron, renderer);
    const answer = await fake.protocolHandlers.get('app')!({ url: RENDERER_URL });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('商家工作台');
  });

  it('serves the page and its assets with their types, the CSP and nosniff', async () => {
    const page = await rendererResponse(renderer, 'app://seller-desk/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await rendererResponse(renderer, 'app://seller-desk/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it.each([
    ['an encoded ..', 'app://seller-desk/%2e%2e/secrets.json'],
    ['an encoded ../ with a slash', 'app://seller-desk/..%2fsecrets.json'],
    ['a backslash', 'app://seller-desk/..%5csecrets.json'],
    ['a sibling folder sharing the prefix', 'app://seller-desk/..%2frenderer-evil.txt'],
    ['an absolute path', `app://seller-desk/${encodeURIComponent(path.join(root, 'secrets.json'))}`],
  ])('refuses a path that leaves the folder (%s)', async (_what, url) => {
    const answer = await rendererResponse(renderer, url);
    expect([403, 404]).toContain(answer.status);
    expect(await answer.text()).not.toContain('do-not-serve');
    expect(answer.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers 404 for another host or a missing file, 400 for a malformed path', async () => {
    expect((await rendererResponse(renderer, 'app://other-host/index.html')).status).toBe(404);
    expect((await rendererResponse(renderer, 'app://seller-desk/missing.js')).status).toBe(404);
    expect((await rendererResponse(renderer, 'app://seller-desk/assets')).status).toBe(404);
    expect((await rendererResponse(renderer, 'app://seller-desk/%E0%A4%A')).status).toBe(400);
    expect((await rendererResponse(renderer, 'app://seller-desk/index.html%00.js')).status).toBe(400);
  });
});
