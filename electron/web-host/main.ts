import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, createHeadlessPlatform, systemClock, type Clock } from '../core';
import { startSandboxServer } from '../sandbox';
import { APP_VERSION } from '../app-version';
import { startWebHost } from './server';

/** `npm run web`: the same app in a browser, for machines where Electron cannot run. */
async function main(): Promise<void> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dataDir = process.env.SELLER_DESK_DATA_DIR ?? path.join(os.homedir(), '.koogallery-seller-desk');
  const port = Number(process.env.SELLER_DESK_PORT ?? 0);
  const core = await createCore({
    dataDir,
    platform: createHeadlessPlatform('browser'),
    appVersion: APP_VERSION,
    sandbox: { start: startSandboxServer },
    ...clockFromEnvironment(process.env.SELLER_DESK_CLOCK_START),
    ...(process.env.SELLER_DESK_SANDBOX_SIZE === 'large' ? { sandboxSize: 'large' as const } : {}),
    // end-to-end tests start from an empty cache and sync by hand
    ...(process.env.SELLER_DESK_AUTO_SYNC === '0' ? { syncTickMs: 0 } : {}),
  });
  const host = await startWebHost({ core, staticDir: path.resolve(here, '../renderer'), port });
  console.log(`KooGallery Seller Desk (browser mode)\n  data: ${dataDir}\n  open: ${host.url}`);
  const shutdown = async () => {
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

/**
 * Demos and end-to-end tests: `SELLER_DESK_CLOCK_START=2026-11-24T06:06:00Z` starts the app's clock
 * (and the embedded sandbox's) at that instant; it then runs at normal speed.
 */
function clockFromEnvironment(start: string | undefined): { clock?: Clock } {
  if (!start) return {};
  const startMs = Date.parse(start);
  if (Number.isNaN(startMs)) throw new Error(`SELLER_DESK_CLOCK_START is not a date: "${start}"`);
  return { clock: systemClock({ startMs }) };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
