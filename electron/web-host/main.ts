import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, createHeadlessPlatform } from '../core';
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
