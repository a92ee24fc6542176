import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, createHeadlessPlatform } from '../../electron/core';
import { report } from './report';
import { startSandboxProcess } from './sandbox-process';

/** Sync all transaction details of the large sandbox (1,000,000 once T+1 allows) into a fresh cache. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seller-desk-bench-sync-'));
const { baseUrl, process: sandbox } = await startSandboxProcess('bench', 'large');
try {
  const core = await createCore({ dataDir: dir, platform: createHeadlessPlatform('test'), appVersion: 'bench', sandbox: { baseUrl }, connectivityIntervalMs: 0, usageTickMs: 0 });
  const started = performance.now();
  const result = await core.services.sync.sync('transaction_details');
  const seconds = (performance.now() - started) / 1000;
  await core.close();
  if (!result.completed || result.rows < 990_000) throw new Error(`sync incomplete: ${JSON.stringify(result)}`);
  report({ name: 'sync.transaction_details_1m', value: seconds, unit: 's', target: 60, better: 'lower' });
  report({ name: 'sync.transaction_details_rate', value: result.rows / seconds, unit: 'rows/s', target: 1_000_000 / 60, better: 'higher' });
} finally {
  sandbox.kill();
  fs.rmSync(dir, { recursive: true, force: true });
}
