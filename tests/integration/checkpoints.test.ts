import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, openDatabase, startCheckpoints } from '../../electron/core/db';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

describe('WAL checkpoints on a worker thread', () => {
  it('copies committed pages into the database file without the core thread doing it', async () => {
    const file = path.join(tempDir(), DATABASE_FILE_NAME);
    const db = openDatabase(file);
    const insert = db.prepare(`INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)`);
    db.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(`bulk.${i}`, JSON.stringify('杭州星河信息技术有限公司'.repeat(10)), i);
    })();
    const before = fs.statSync(file).size;
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(5_000_000); // the rows are only in the WAL so far

    const checkpoints = startCheckpoints(file, { intervalMs: 50 });
    for (let i = 0; i < 100 && fs.statSync(file).size < before + 5_000_000; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    await checkpoints.stop();
    expect(fs.statSync(file).size).toBeGreaterThan(before + 5_000_000);
    expect((db.prepare(`SELECT COUNT(*) AS n FROM settings WHERE key LIKE 'bulk.%'`).get() as { n: number }).n).toBe(20_000);
    db.close();
  });

  it('a long writer that lets the checkpoint catch up keeps the WAL small; one that does not grows it', async () => {
    const walPeak = async (catchUp: boolean) => {
      const file = path.join(tempDir(), DATABASE_FILE_NAME);
      const db = openDatabase(file);
      const checkpoints = startCheckpoints(file, { intervalMs: 60_000, catchUpAtWalBytes: 4_000_000 });
      const insert = db.prepare(`INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)`);
      let peak = 0;
      for (let batch = 0; batch < 20; batch++) {
        if (catchUp) await checkpoints.catchUp();
        db.transaction(() => {
          for (let i = 0; i < 4_000; i++) insert.run(`bulk.${batch}.${i}`, JSON.stringify('杭州星河信息技术有限公司'.repeat(10)), i);
        })();
        peak = Math.max(peak, fs.statSync(`${file}-wal`).size);
      }
      await checkpoints.stop();
      expect((db.prepare(`SELECT COUNT(*) AS n FROM settings WHERE key LIKE 'bulk.%'`).get() as { n: number }).n).toBe(80_000);
      db.close();
      return peak;
    };
    const withoutCatchUp = await walPeak(false);
    const withCatchUp = await walPeak(true);
    expect(withoutCatchUp).toBeGreaterThan(25_000_000);
    expect(withCatchUp).toBeLessThan(8_000_000);
  });
});
