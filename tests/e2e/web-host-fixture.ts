import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';

export interface WebApp {
  /** The URL `npm run web` printed, with its per-launch token. */
  url: string;
  origin: string;
  dataDir: string;
}

/**
 * Starts the built browser mode exactly as `npm run web` does (node dist/web-host/main.js), with a
 * fresh data folder per test, and stops it afterwards.
 */
export const test = base.extend<{ webApp: WebApp; clockStart: string | undefined; sandboxSize: 'small' | 'large' }>({
  /** Start the app's clock at this instant (SELLER_DESK_CLOCK_START), for window-dependent tests. */
  clockStart: [undefined, { option: true }],
  /** The embedded sandbox's data size (SELLER_DESK_SANDBOX_SIZE). */
  sandboxSize: ['small', { option: true }],
  webApp: async ({ clockStart, sandboxSize }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seller-desk-e2e-'));
    const child = spawn(process.execPath, ['dist/web-host/main.js'], {
      env: {
        ...process.env,
        SELLER_DESK_DATA_DIR: dataDir,
        SELLER_DESK_SANDBOX_SIZE: sandboxSize,
        SELLER_DESK_AUTO_SYNC: '0',
        ...(clockStart ? { SELLER_DESK_CLOCK_START: clockStart } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await printedUrl(child);
      await use({ url, origin: new URL(url).origin, dataDir });
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';

function printedUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`web host exited with ${code} before printing its URL:\n${output}`)));
  });
}
