import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATABASE_FILE_NAME, openDatabase } from '../../electron/core/db';
import { formatSdrTime } from '../../electron/core/koogallery';
import { captureRows, UsageStore, type NumberedRow } from '../../electron/core/usage';
import { report } from './report';
import { benchCore, startSandboxProcess } from './sandbox-process';

const RECORDS = 100_000;
const HOUR = 3_600_000;
const now = Math.floor(Date.now() / HOUR) * HOUR + 20 * 60_000; // 20 past the hour: the window is open

/** 100,000 records over the given instances: one per instance per minute, going back hour by hour. */
function rows(instances: string[]): NumberedRow[] {
  return Array.from({ length: RECORDS }, (_, n) => {
    const instance = instances[n % instances.length]!;
    const minute = Math.floor(n / instances.length);
    const begin = now - 20 * 60_000 - HOUR * (1 + Math.floor(minute / 60)) + (minute % 60) * 60_000;
    return {
      row: n + 2,
      data: { instance_id: instance, begin_time: formatSdrTime(begin), end_time: formatSdrTime(begin + 59_000), usage_value: `${(n % 90) + 1}.5` },
    };
  });
}

/** Capture: validate and queue 100,000 records in one durable (synchronous=FULL) transaction. */
async function benchCapture(dir: string): Promise<void> {
  const data = rows(Array.from({ length: 500 }, (_, i) => `instance-${i}`));
  const db = openDatabase(path.join(dir, 'capture', DATABASE_FILE_NAME));
  const started = performance.now();
  const result = await captureRows(new UsageStore(db), data, { now, source: 'import', sourceFile: null, queueValidOnly: false, startOffsetMs: 0 });
  const elapsed = performance.now() - started;
  if (result.queued !== RECORDS) throw new Error(`captured ${result.queued}, expected ${RECORDS}`);
  db.close();
  report({ name: 'usage.capture_100k_durable', value: elapsed / 1000, unit: 's', target: 3, better: 'lower' });
}

/** Flush: send 100,000 queued records to the sandbox running in its own process, until all are accepted. */
async function benchFlush(dir: string): Promise<void> {
  const { baseUrl, process: sandbox } = await startSandboxProcess('bench', 'large');
  try {
    const { instances } = (await (await fetch(`${baseUrl}/sandbox/instances`)).json()) as { instances: { instance_id: string; resource_start_at: number }[] };
    const usable = instances.filter((i) => i.resource_start_at < now - 30 * HOUR).map((i) => i.instance_id);
    const db = openDatabase(path.join(dir, 'flush', DATABASE_FILE_NAME));
    await captureRows(new UsageStore(db), rows(usable), { now, source: 'import', sourceFile: null, queueValidOnly: false, startOffsetMs: 0 });
    db.close();
    const { core, client } = await benchCore(path.join(dir, 'flush'), baseUrl, { now: () => now, random: () => 0 });
    const started = performance.now();
    let accepted = 0;
    while (accepted < RECORDS) {
      const flushed = await client.call('usage.flushNow', {});
      if (flushed.batches === 0) throw new Error(`flush stalled at ${accepted} accepted`);
      accepted += flushed.accepted;
    }
    const elapsed = performance.now() - started;
    await core.close();
    report({ name: 'usage.flush_100k_to_sandbox', value: elapsed / 1000, unit: 's', target: 15, better: 'lower' });
  } finally {
    sandbox.kill();
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seller-desk-bench-usage-'));
try {
  await benchCapture(dir);
  await benchFlush(dir);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
