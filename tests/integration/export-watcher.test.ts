import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../electron/core/contract';
import { startCore, dbOf } from '../support/core';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

describe('watched Downloads folder for Seller Center exports', () => {
  it('imports new order, transaction-detail and bill exports once, leaves the files, and ignores other files', async () => {
    const { core, client } = await startCore(tempDir(), { sandbox: 'off' });
    closers.push(() => core.close());
    const events: CoreEvent[] = [];
    client.subscribe((event) => events.push(event));
    const downloads = tempDir();
    fs.writeFileSync(path.join(downloads, '会议纪要.csv'), '标题,内容\n周会,无\n');
    await client.call('settings.update', { exportsWatchedFolder: downloads });

    fs.writeFileSync(path.join(downloads, '订单列表.csv'), '订单号,订单状态,创建时间\nCS2611240100AAAAA,已完成,2026-11-24 09:00\n');
    fs.writeFileSync(path.join(downloads, '交易明细.csv'), '订单号,交易时间,交易金额\nCS2611240100AAAAA,2026-11-24 09:00,"¥1,234.00"\n');
    fs.writeFileSync(path.join(downloads, '账单.csv'), '账单编号,账期,账单金额,账单状态\nBL2026100001,2026-10,"¥1,234.00",待开票\n');
    const db = dbOf(core);
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    await until(() => count('orders') === 1 && count('transaction_details') === 1 && count('bills') === 1, 'the three exports');
    const notices = () => events.filter((e) => e.type === 'notice' && e.messageKey === 'imports.watchedImported');
    await until(() => notices().length === 3, 'three notices');
    expect(fs.readdirSync(downloads).sort()).toEqual(['交易明细.csv', '会议纪要.csv', '订单列表.csv', '账单.csv']);

    await client.call('settings.update', { exportsWatchedFolder: null });
    await client.call('settings.update', { exportsWatchedFolder: downloads }); // rescans: nothing new
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(notices()).toHaveLength(3);
    expect(events.some((e) => e.type === 'notice' && String(e.messageKey).startsWith('imports.watchedFailed'))).toBe(false);
  });
});
