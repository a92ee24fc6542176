import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { webHostArgs } from '../support/web-host-command';

export interface WebApp {
  /** The URL `npm run web` printed, with its per-launch token. */
  url: string;
  origin: string;
  dataDir: string;
}

/**
 * Starts the built browser mode exactly as `npm run web` does (webHostArgs), with a
 * fresh data folder per test, and stops it afterwards.
 */
export const test = base.extend<{ webApp: WebApp; clockStart: string | undefined; sandboxSize: 'small' | 'large' }>({
  /** Start the app's clock at this instant (SELLER_DESK_CLOCK_START), for window-dependent tests. */
  clockStart: [undefined, { option: true }],
  /** The embedded sandbox's data size (SELLER_DESK_SANDBOX_SIZE). */
  sandboxSize: ['small', { option: true }],
  webApp: async ({ clockStart, sandboxSize }, use, testInfo) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seller-desk-e2e-'));
    const child = spawn(process.execPath, webHostArgs(), {
      env: {
        ...process.env,
        SELLER_DESK_DATA_DIR: dataDir,
        SELLER_DESK_SANDBOX_SIZE: sandboxSize,
        SELLER_DESK_AUTO_SYNC: '0',
        ...(clockStart ? { SELLER_DESK_CLOCK_START: clockStart } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = collectOutput(child);
    try {
      const url = await printedUrl(child, output);
      await use({ url, origin: new URL(url).origin, dataDir });
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      fs.rmSync(dataDir, { recursive: true, force: true });
      // what the core logged is the first thing to read when a browser test fails
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('web-host output', { body: output.text, contentType: 'text/plain' });
    }
  },
});

export { expect } from '@playwright/test';

/** Everything the web host prints, stdout and stderr interleaved as they arrive. */
function collectOutput(child: ChildProcess): { text: string } {
  const output = { text: '' };
  const onData = (chunk: Buffer) => (output.text += chunk.toString());
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return output;
}

function printedUrl(child: ChildProcess, output: { text: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const look = () => {
      const match = /open: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output.text);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    child.once('exit', (code) => reject(new Error(`web host exited with ${code} before printing its URL:\n${output.text}`)));
  });
}
