import fs from 'node:fs';
import path from 'node:path';
import { createCore, createHeadlessPlatform, createInProcessTransport, type Core, type CoreOptions } from '../../electron/core';
import { createClient } from '../../electron/core/contract';
import { startWebHost, type WebHost } from '../../electron/web-host/server';

/** A core on a real SQLite file in `dataDir`, with the typed client over the in-process transport. */
export async function startCore(dataDir: string, options: Partial<CoreOptions> = {}) {
  const core = await createCore({ dataDir, platform: createHeadlessPlatform('test'), appVersion: '1.2.3', connectivityIntervalMs: 0, syncTickMs: 0, ...options });
  return { core, client: createClient(createInProcessTransport(core)) };
}

/** Browser mode over real HTTP in front of `core`, serving a stand-in page. */
export async function startBrowserMode(core: Core, dir: string): Promise<WebHost> {
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Seller Desk</title>');
  return startWebHost({ core, staticDir: dir });
}

export async function callOverHttp(host: WebHost, method: string, input: unknown, headers: Record<string, string> = { authorization: `Bearer ${host.token}` }) {
  const response = await fetch(`${host.origin}/api/call`, { method: 'POST', headers, body: JSON.stringify({ method, input }) });
  return { status: response.status, body: response.status === 200 ? await response.json() : await response.text() };
}
