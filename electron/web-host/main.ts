import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clockFromEnvironment, createCore, createHeadlessPlatform } from '../core';
import { DEMO_CREDENTIALS, startSandboxServer } from '../sandbox';
import { APP_VERSION } from '../app-version';
import { startWebHost } from './server';

/** `npm run web`: the same app in a browser, for machines where Electron cannot run. */
async function main(): Promise<void> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dataDir = process.env.SELLER_DESK_DATA_DIR ?? path.join(os.homedir(), '.koogallery-seller-desk');
  const port = Number(process.env.SELLER_DESK_PORT ?? 0);
  // demos and benchmarks: SELLER_DESK_CLOCK_START / _RATE / _ANCHOR (the embedded sandbox runs on it too)
  const clock = clockFromEnvironment(process.env);
  const core = await createCore({
    dataDir,
    platform: createHeadlessPlatform('browser'),
    appVersion: APP_VERSION,
    // a sandbox in its own process (the simulated-day benchmark kills the app, not the marketplace)
    sandbox: process.env.SELLER_DESK_SANDBOX_URL
      ? { baseUrl: process.env.SELLER_DESK_SANDBOX_URL, credentials: DEMO_CREDENTIALS }
      : { start: startSandboxServer },
    ...(clock ? { clock } : {}),
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

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
