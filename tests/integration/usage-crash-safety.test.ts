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

  it('after a crash mid-send, the records in flight go again at once on restart instead of waiting out their 2-minute lease', async () => {
    const recovery = await startSandboxServer({ seed: 'recovery', size: 'small' });
    const dataDir = tempDir();
    const db = openDatabase(path.join(dataDir, DATABASE_FILE_NAME));
    try {
      settingsTable(db, Date.now).set({ 'usage.startOffsetMs': 0 });
      const previousHour = Math.floor(Date.now() / HOUR) * HOUR - HOUR;
      const rows = hourRows(recovery, previousHour, 1500).map((data, i) => ({ row: i + 2, data }));
      await captureRows(new UsageStore(db), rows, { now: Date.now(), source: 'import', sourceFile: null, queueValidOnly: false, startOffsetMs: 0 });
      const LEASE_MS = 120_000; // the app's own lease
      recovery.state.faults.configure({ ...recovery.state.faults.current, latencyMs: 500 });
      const first = runCoreJob(dataDir, recovery.baseUrl, 'flush', LEASE_MS);
      recovery.state.once('request', () => first.child.kill('SIGKILL')); // a batch is on the wire, its answer never stored
      await first.exited;
      const leased = db.prepare(`SELECT COUNT(*) AS n, MIN(lease_until) AS until FROM usage_records WHERE state = 'sending'`).get() as {
        n: number;
        until: number;
      };
      expect(leased.n).toBeGreaterThan(0);
      expect(leased.until - Date.now()).toBeGreaterThan(LEASE_MS / 2); // without recovery they would wait a minute or more

      recovery.state.faults.configure({ ...recovery.state.faults.current, latencyMs: 0 });
      const restarted = Date.now();
      expect(await runCoreJob(dataDir, recovery.baseUrl, 'flush', LEASE_MS).exited).toBe(0);
      const recoverySeconds = (Date.now() - restarted) / 1000;
      console.log(`recovery after a crash mid-send: every record accepted ${recoverySeconds.toFixed(1)} s after the restart`);
      expect(recoverySeconds).toBeLessThan(30); // far inside the 15-minute window, and the 2-minute lease
      expect(db.prepare('SELECT state, COUNT(*) AS n FROM usage_records GROUP BY state').all()).toEqual([{ state: 'accepted', n: 1500 }]);
      await recovery.state.ledger.settled();
      expect(recovery.state.ledger.ledger()).toHaveLength(1500); // the batch sent twice is billed once
    } finally {
      db.close();
      await recovery.close();
    }
  }, 120_000);
});
