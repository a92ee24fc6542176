import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, openDatabase, type SqliteDatabase } from '../../electron/core/db';
import { settingsTable } from '../../electron/core/settings';
import { captureRows, UsageStore } from '../../electron/core/usage';
import { startSandboxServer, type SandboxServer } from '../../electron/sandbox';
import { buildCoreJobChild, runCoreJob } from '../support/child-process';
import { useTempDirs } from '../support/temp-dir';
import { HOUR, hourRows, seededRandom } from '../support/usage';

const tempDir = useTempDirs();
const TRIALS = 30;
const trials = seededRandom('usage crash trials');

let sandbox: SandboxServer;
beforeAll(async () => {
  await buildCoreJobChild();
  sandbox = await startSandboxServer({ seed: 'crash', size: 'small' });
});
afterAll(() => sandbox.close());

const runChild = (dataDir: string) => runCoreJob(dataDir, sandbox.baseUrl, 'flush');

/** Kills the sender with SIGKILL: after a random delay, or just as its request reaches the marketplace. */
async function killDuringFlush(dataDir: string, trial: number): Promise<void> {
  const { child, exited } = runChild(dataDir);
  if (trial % 3 === 0) {
    sandbox.state.faults.configure({ ...sandbox.state.faults.current, latencyMs: 150 });
    sandbox.state.once('request', () => child.kill('SIGKILL')); // request sent, answer not yet stored
  } else {
    sandbox.state.faults.configure({ ...sandbox.state.faults.current, latencyMs: 0 });
    setTimeout(() => child.kill('SIGKILL'), 100 + Math.floor(trials.random() * 500));
  }
  await exited;
  sandbox.state.removeAllListeners('request');
}

function unsent(db: SqliteDatabase): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM usage_records WHERE state IN ('queued', 'sending')`).get() as { n: number }).n;
}

describe('crash safety', () => {
  it(`loses nothing and bills nothing twice when the sender is killed ${TRIALS} times mid-flush (seed ${trials.seed})`, async () => {
    const dataDir = tempDir();
    const db = openDatabase(path.join(dataDir, DATABASE_FILE_NAME));
    const store = new UsageStore(db);
    settingsTable(db, Date.now).set({ 'usage.startOffsetMs': 0 }); // this install sends at the very start of each window
    const previousHour = Math.floor(Date.now() / HOUR) * HOUR - HOUR;
    let total = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      if (unsent(db) === 0) {
        const rows = hourRows(sandbox, previousHour, 1500, total).map((data, i) => ({ row: i + 2, data }));
        const result = await captureRows(store, rows, { now: Date.now(), source: 'import', sourceFile: null, queueValidOnly: false, startOffsetMs: 0 });
        expect(result.queued).toBe(1500);
        total += 1500;
      }
      await killDuringFlush(dataDir, trial);
    }
    sandbox.state.faults.configure({ ...sandbox.state.faults.current, latencyMs: 0 });
    expect(await runChild(dataDir).exited).toBe(0); // restart, flush to the end

    const states = db.prepare('SELECT state, COUNT(*) AS n FROM usage_records GROUP BY state').all();
    expect(states).toEqual([{ state: 'accepted', n: total }]);
    await sandbox.state.ledger.settled();
    const ledger = sandbox.state.ledger.ledger();
    expect(ledger).toHaveLength(total);
    expect(new Set(ledger.map((r) => `${r.instance_id}|${r.begin_time}|${r.end_time}`)).size).toBe(total);
    expect(sandbox.state.ledger.anomalies().every((a) => a.reason === 'DUPLICATE')).toBe(true);
    const attempts = db.prepare('SELECT COUNT(*) AS n FROM upload_attempts').get() as { n: number };
    expect(attempts.n).toBeGreaterThan(total / 1000);
    db.close();
  }, 120_000);
});
