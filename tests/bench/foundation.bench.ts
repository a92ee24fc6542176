import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, createHeadlessPlatform } from '../../electron/core';
import { DATABASE_FILE_NAME, openDatabase } from '../../electron/core/db';
import { startWebHost } from '../../electron/web-host/server';
import { percentile, report } from './report';

/** Opening the local cache must not delay start-up: a fresh file migrated to the latest schema. */
function benchOpenAndMigrate(dir: string): void {
  const samples: number[] = [];
  for (let i = 0; i < 20; i++) {
    const file = path.join(dir, `open-${i}`, DATABASE_FILE_NAME);
    const started = performance.now();
    openDatabase(file).close();
    samples.push(performance.now() - started);
  }
  report({ name: 'db.open_and_migrate_fresh_p50', value: percentile(samples, 50), unit: 'ms', target: 100, better: 'lower' });
}

/** The status bar's call through browser mode over real HTTP, against the same call in-process. */
async function benchStatusCall(dir: string): Promise<void> {
  const core = await createCore({
    dataDir: path.join(dir, 'core'),
    platform: createHeadlessPlatform('test'),
    appVersion: 'bench',
    connectivityIntervalMs: 0,
    syncTickMs: 0,
  });
  const host = await startWebHost({ core, staticDir: dir });
  const viaHttp = () =>
    fetch(`${host.origin}/api/call`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}` },
      body: JSON.stringify({ method: 'status.get', input: {} }),
    }).then((r) => r.json());
  const http = await timeCalls(viaHttp, 500);
  const inProcess = await timeCalls(() => core.dispatch('status.get', {}), 500);
  report({ name: 'contract.status_get_http_p50', value: percentile(http, 50), unit: 'ms', target: 5, better: 'lower', baseline: percentile(inProcess, 50) });
  await host.close();
  await core.close();
}

async function timeCalls(call: () => Promise<unknown>, count: number): Promise<number[]> {
  for (let i = 0; i < 20; i++) await call(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await call();
    samples.push(performance.now() - started);
  }
  return samples;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seller-desk-bench-'));
try {
  benchOpenAndMigrate(dir);
  await benchStatusCall(dir);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
