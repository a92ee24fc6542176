import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, openDatabase } from '../../electron/core/db';
import { sellerCenterImport } from '../support/imports';
import { buildImportChild, runImport } from '../support/child-process';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
beforeAll(() => buildImportChild());

const KNOWN = 1_000;
const ROWS = 60_000;
const orderId = (i: number) => `CS2611${String(i).padStart(8, '0')}KILLT`;

/** An orders CSV: the first KNOWN orders already in the cache (now 已完成), the rest new. */
function ordersCsv(file: string, rows: number, status: string): string {
  const lines = ['订单号,客户名称,用户名,商品名称,订单状态,订单金额,创建时间'];
  for (let i = 0; i < rows; i++)
    lines.push(
      `${orderId(i)},杭州星河信息技术有限公司${i % 97},hw${i},智云财务管理系统,${status},"¥1,${String(i % 1000).padStart(3, '0')}.00",2026-11-${String(1 + (i % 23)).padStart(2, '0')} 10:00`,
    );
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

type CacheState = 'before' | 'after';

/** The cache is exactly as before the import or exactly as after it; anything else fails the test. */
function cacheState(dataDir: string): CacheState {
  const db = openDatabase(path.join(dataDir, DATABASE_FILE_NAME));
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const orders = one('SELECT COUNT(*) AS n FROM orders');
    const completed = one(`SELECT COUNT(*) AS n FROM orders WHERE status = 'completed'`);
    const searchable = one(`SELECT COUNT(*) AS n FROM orders_search WHERE orders_search MATCH '"星河信" AND "河信息"'`);
    if (orders === KNOWN) {
      expect({ completed, searchable }).toEqual({ completed: 0, searchable: KNOWN });
      return 'before';
    }
    expect({ orders, completed, searchable, lines: one('SELECT COUNT(*) AS n FROM order_lines') }).toEqual({
      orders: ROWS,
      completed: ROWS,
      searchable: ROWS,
      lines: 0,
    });
    return 'after';
  } finally {
    db.close();
  }
}

describe('Seller Center import killed with SIGKILL', () => {
  it('leaves the cache exactly as before or exactly as after, never half-written, and a re-import completes it', async () => {
    const dataDir = tempDir();
    const db = openDatabase(path.join(dataDir, DATABASE_FILE_NAME));
    await sellerCenterImport(db).importFile(ordersCsv(path.join(dataDir, 'known.csv'), KNOWN, '待支付'), 'orders');
    db.close();
    const file = ordersCsv(path.join(dataDir, '订单导出.csv'), ROWS, '已完成');

    const seen: string[] = [];
    // while reading the file, then at several moments of the one write transaction (about 1 s for 60,000 rows here)
    const kills: { after: RegExp; delayMs: number }[] = [
      { after: /rows 20000/, delayMs: 0 },
      ...[0, 150, 400, 700].map((delayMs) => ({ after: new RegExp(`parsed ${ROWS}`), delayMs })),
    ];
    for (const kill of kills) {
      const run = runImport(dataDir, file, ROWS);
      await Promise.race([run.printed(kill.after), run.exited]);
      await new Promise((resolve) => setTimeout(resolve, kill.delayMs));
      run.child.kill('SIGKILL');
      await run.exited;
      const state = cacheState(dataDir);
      seen.push(state);
      if (state === 'after') break; // the import finished before the kill landed
    }
    expect(seen[0]).toBe('before');
    expect(seen.filter((s) => s === 'before').length).toBeGreaterThanOrEqual(2);

    const finish = runImport(dataDir, file, ROWS);
    expect(await finish.exited).toBe(0);
    expect(cacheState(dataDir)).toBe('after');
  }, 120_000);
});
