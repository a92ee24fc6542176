import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../electron/core/contract';
import { MemorySecretStore, type Platform } from '../../electron/core/platform';
import { startSandboxServer } from '../../electron/sandbox';
import { external, startCore } from '../support/core';
import { useTempDirs } from '../support/temp-dir';
import { hourRows, TestClock, toCsv } from '../support/usage';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(clock: TestClock) {
  const sandbox = await startSandboxServer({ seed: 'watch', now: clock.now, anchor: Date.parse('2026-11-24T00:00:00+08:00') });
  const notifications: string[] = [];
  const platform: Platform = { host: 'test', notify: (title, body) => notifications.push(`${title}: ${body}`), secrets: new MemorySecretStore() };
  const started = await startCore(tempDir(), { now: clock.now, sandbox: external(sandbox), usageTickMs: 0, random: () => 0.5, platform });
  const events: CoreEvent[] = [];
  started.client.subscribe((event) => events.push(event));
  cleanups.push(
    () => sandbox.close(),
    () => started.core.close(),
  );
  return { sandbox, notifications, events, ...started };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

describe('watched folder', () => {
  it('imports a dropped file, moves it to imported/, and refuses a bad one with an error list', async () => {
    const clock = new TestClock(Date.parse('2026-11-24T05:40:00Z'));
    const { sandbox, client, events } = await setup(clock);
    const folder = path.join(tempDir(), '计量导出');
    await client.call('settings.update', { usageWatchedFolder: folder });

    fs.writeFileSync(path.join(folder, 'hour-05.csv'), toCsv(hourRows(sandbox, Date.parse('2026-11-24T05:00:00Z'), 12))); // due 06:00: stays queued
    await until(() => fs.existsSync(path.join(folder, 'imported')) && fs.readdirSync(path.join(folder, 'imported')).length === 1, 'the import');
    expect((await client.call('status.get', {})).usageQueue.queued).toBe(12);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'notice', messageKey: 'usage.watchedImported', values: expect.objectContaining({ queued: 12 }) }),
    );

    const bad = hourRows(sandbox, Date.parse('2026-11-24T05:00:00Z'), 3, 12);
    bad[1]!.usage_value = '-5';
    fs.writeFileSync(path.join(folder, 'bad.csv'), toCsv(bad));
    await until(() => fs.existsSync(path.join(folder, 'refused')) && fs.readdirSync(path.join(folder, 'refused')).length === 2, 'the refusal');
    const errors = fs.readdirSync(path.join(folder, 'refused')).find((name) => name.endsWith('.errors.csv'))!;
    expect(fs.readFileSync(path.join(folder, 'refused', errors), 'utf8')).toContain('3,usage_value');
    expect((await client.call('status.get', {})).usageQueue.queued).toBe(12);
    expect(fs.readdirSync(folder).filter((name) => name.endsWith('.csv'))).toEqual([]);
  });
});

describe('windows at risk', () => {
  it('warns 5 minutes before a window closes with records unsent, once, by OS notification and notice', async () => {
    const clock = new TestClock(Date.parse('2026-11-24T05:50:00Z'));
    const { sandbox, client, core, notifications, events } = await setup(clock);
    await client.call('usage.importFile', {
      fileName: 'u.csv',
      contentBase64: Buffer.from(toCsv(hourRows(sandbox, Date.parse('2026-11-24T05:00:00Z'), 4).filter((r) => r.end_time! < '20261124T055000Z'))).toString(
        'base64',
      ),
      queueValidOnly: false,
    });
    await sandbox.close(); // offline: nothing can be sent
    clock.set('2026-11-24T06:05:00Z');
    await client.call('usage.flushNow', {});
    await core.host.runScheduleNow('usage.tick');
    expect(notifications).toEqual([]); // 10 minutes left: not yet
    clock.set('2026-11-24T06:11:00Z');
    await core.host.runScheduleNow('usage.tick');
    await core.host.runScheduleNow('usage.tick');
    expect(notifications).toEqual(['话单即将错过上报窗口: 4 条话单尚未发送，上报窗口将于 14:15 (北京时间) 关闭']); // 06:15 UTC, in the seller's zone
    const notices = events.filter((e) => e.type === 'notice' && e.messageKey === 'usage.windowClosing');
    expect(notices).toEqual([expect.objectContaining({ values: { count: 4, closesAt: Date.parse('2026-11-24T06:15:00Z') } })]); // the page words it
    expect((await client.call('status.get', {})).usageQueue).toMatchObject({ queued: 4, dueSoon: 4 });
  });

  it("words the OS notification in the seller's language and time zone", async () => {
    const clock = new TestClock(Date.parse('2026-11-24T05:50:00Z'));
    const { sandbox, client, core, notifications } = await setup(clock);
    await client.call('settings.update', { language: 'en-US', timeZone: 'Asia/Tokyo' });
    const rows = hourRows(sandbox, Date.parse('2026-11-24T05:00:00Z'), 2).filter((r) => r.end_time! < '20261124T055000Z');
    await client.call('usage.importFile', { fileName: 'u.csv', contentBase64: Buffer.from(toCsv(rows)).toString('base64'), queueValidOnly: false });
    await sandbox.close();
    clock.set('2026-11-24T06:11:00Z');
    await core.host.runScheduleNow('usage.tick');
    expect(notifications).toEqual(['Usage records about to miss their window: 2 usage record(s) not sent yet; the reporting window closes at 15:15 (GMT+9)']);
  });
});
