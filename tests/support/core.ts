import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createCore, createHeadlessPlatform, createInProcessTransport, type Core, type CoreOptions } from '../../electron/core';
import { createClient } from '../../electron/core/contract';
import { startSandboxServer, type SandboxServer } from '../../electron/sandbox';
import { startWebHost, type WebHost } from '../../electron/web-host/server';

/** The app's default: the core starts its own sandbox marketplace (hosts pass this starter). */
export const embeddedSandbox: CoreOptions['sandbox'] = { start: startSandboxServer };

/** A sandbox the test started itself, for the core to use instead of starting its own. */
export function external(sandbox: Pick<SandboxServer, 'baseUrl' | 'credentials'>): CoreOptions['sandbox'] {
  return { baseUrl: sandbox.baseUrl, credentials: sandbox.credentials };
}

const ownConnections = new WeakMap<Core, Database.Database>();

/** A core on a real SQLite file in `dataDir`, with the typed client over the in-process transport. */
export async function startCore(dataDir: string, options: Partial<CoreOptions> = {}) {
  const core = await createCore({
    dataDir,
    platform: createHeadlessPlatform('test'),
    appVersion: '1.2.3',
    sandbox: embeddedSandbox,
    connectivityIntervalMs: 0,
    syncTickMs: 0,
    ...options,
  });
  const close = core.close;
  core.close = async () => {
    ownConnections.get(core)?.close();
    await close();
  };
  return { core, client: createClient(createInProcessTransport(core)) };
}

/**
 * The test's own connection to a core's database file — a second connection, as another process
 * would have — to arrange or inspect rows the contract does not expose. Closed with the core.
 */
export function dbOf(core: Core): Database.Database {
  let db = ownConnections.get(core);
  if (!db) {
    db = new Database(core.host.databaseFile);
    db.pragma('busy_timeout = 5000');
    db.pragma('temp_store = MEMORY'); // as the app's own connections (db/open.ts): triggers' statement journals stay in memory
    ownConnections.set(core, db);
  }
  return db;
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
