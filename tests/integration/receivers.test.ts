import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { NOTIFICATION_TEXTS, RECEIVER_FALLBACK_NOTICE, RECEIVERS_PER_CATEGORY } from '../../electron/core/conventions';
import { CoreError, type CoreEvent } from '../../electron/core/contract';
import { migrations, openDatabase, type SqliteDatabase } from '../../electron/core/db';
import { migration014 } from '../../electron/core/db/migrations/014_listing_and_receivers';
import { Notifier, TodoNotices } from '../../electron/core/notices';
import { rowsOfItems } from '../../electron/core/marketplace';
import { receiverListWriters, ReceiverTables, ReceiverWork } from '../../electron/core/receivers';
import { settingsTable } from '../../electron/core/settings';
import type { TodoRegistry } from '../../electron/core/todos';
import { generateReceivers } from '../../electron/sandbox/generator/seller-ops';
import { useTempDirs } from '../support/temp-dir';

/**
 * 消息接收管理 and the app's notification switches on their services, on a database opened with the
 * migration (until the composition root wires them: then the same runs through the contract).
 */
const tempDir = useTempDirs();
const T0 = Date.UTC(2026, 10, 20, 2, 0);
let clock = T0;
let db: SqliteDatabase;
let tables: ReceiverTables;
let work: ReceiverWork;

beforeEach(() => {
  const all = migrations.some((m) => m.version === migration014.version) ? migrations : [...migrations, migration014];
  db = openDatabase(path.join(tempDir(), 'receivers.sqlite'), { migrations: all });
  tables = new ReceiverTables(db);
  work = new ReceiverWork(tables, () => clock);
  return () => db.close();
});

function refusal(action: () => unknown): CoreError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(CoreError);
    return error as CoreError;
  }
  throw new Error('expected a refusal');
}

const category = (code: string) => work.list().categories.find((c) => c.code === code)!;

describe('message categories', () => {
  it('lists the known categories with every channel, each empty one saying where messages go instead', () => {
    const { categories, path: where } = work.list();
    expect(where).toBe('local');
    expect(categories.map((c) => [c.code, c.name])).toEqual([
      ['101', '产品创建开通通知'],
      ['102', '产品续费通知'],
      ['501', '运维提醒'],
      ['901', '其他'],
    ]);
    for (const c of categories) {
      expect(c).toMatchObject({ channels: ['site', 'email', 'sms'], receivers: [], limit: RECEIVERS_PER_CATEGORY, pending: false, sheet: null });
      expect(c.fallbackNotice).toBe('若商家未设置消息接收人,系统消息将自动发送至商家的华为云账号绑定的手机号及邮箱');
    }
  });
});

describe('receivers', () => {
  it('adds, updates and removes a receiver; the category shows its sheet until entered in Seller Center', () => {
    const { receiver, category: added } = work.add({ categoryCode: '101', name: ' 张伟 ', email: 'zhang.wei@example.com', mobile: '+86 138-0013-8000' });
    expect(receiver).toMatchObject({ name: '张伟', email: 'zhang.wei@example.com', mobile: '13800138000' });
    expect(added).toMatchObject({ fallbackNotice: null, pending: true, origin: 'local', unreachableChannel: null });
    expect(added.sheet).toEqual({
      menuPath: '卖家中心 › 消息中心 › 消息接收管理',
      fields: [
        { label: '消息类别', value: '产品创建开通通知（101）' },
        { label: '接收方式', value: '站内信、邮件、短信' },
        { label: '接收人1', value: '张伟，zhang.wei@example.com，13800138000' },
      ],
    });

    clock += 1000;
    const { receiver: changed } = work.update({ receiverId: receiver.receiverId, mobile: '8613912345678', email: '' });
    expect(changed).toEqual({ receiverId: receiver.receiverId, name: '张伟', email: null, mobile: '13912345678' });
    expect(category('101').unreachableChannel).toBe('email'); // 邮件 is on and nobody has an email

    expect(work.markEntered('101').category).toMatchObject({ pending: false, sheet: null });
    clock += 1000;
    const { category: emptied } = work.remove(receiver.receiverId);
    expect(emptied.receivers).toEqual([]);
    expect(emptied.fallbackNotice).toBe(RECEIVER_FALLBACK_NOTICE);
    expect(emptied.pending).toBe(true);
    expect(work.detail('101').history.map((h) => h.change)).toEqual(['receiverAdded', 'receiverChanged', 'enteredInSellerCenter', 'receiverRemoved']);
  });

  it('names each validation error with its field and what is expected', () => {
    const bad = refusal(() => work.add({ categoryCode: '501', name: '  ', email: 'zhang@', mobile: '12345678901' }));
    expect(bad.code).toBe('VALIDATION');
    expect(bad.issues).toEqual([
      { path: 'name', message: 'name: expected a name', reason: 'receivers.nameRequired', params: { field: 'name', expected: 'a name', value: '  ' } },
      {
        path: 'email',
        message: 'email: expected an email address like name@example.com',
        reason: 'receivers.emailFormat',
        params: { field: 'email', expected: 'an email address like name@example.com', value: 'zhang@' },
      },
      {
        path: 'mobile',
        message: 'mobile: expected a mainland mobile number: 1[3-9] and 9 more digits, optionally after +86',
        reason: 'receivers.mobileFormat',
        params: { field: 'mobile', expected: 'a mainland mobile number: 1[3-9] and 9 more digits, optionally after +86', value: '12345678901' },
      },
    ]);
    expect(bad.reason).toBe('receivers.nameRequired');

    const formatted = work.add({ categoryCode: '901', name: '号码格式', mobile: '86 138 0013 8000' }).receiver;
    expect(formatted.mobile).toBe('13800138000');
    expect(refusal(() => work.add({ categoryCode: '901', name: '同号', mobile: '+8613800138000' })).issues).toEqual([
      expect.objectContaining({ path: 'mobile', reason: 'receivers.duplicate' }),
    ]);
    work.remove(formatted.receiverId);
    for (const [mobile, ok] of [
      ['13800138000', true],
      ['+8613800138000', true],
      ['86 138 0013 8000', true],
      ['1380013800', false], // 10 digits
      ['+85213800138000', false],
      ['10800138000', false],
    ] as const) {
      const attempt = () => work.add({ categoryCode: '901', name: `测试${mobile}`, mobile });
      if (!ok) expect(refusal(attempt).reason).toBe('receivers.mobileFormat');
      else work.remove(attempt().receiver.receiverId); // stored as its 11 digits, checked below
    }

    expect(refusal(() => work.add({ categoryCode: '501', name: '李娜' })).issues).toEqual([
      expect.objectContaining({
        path: 'email',
        reason: 'receivers.contactRequired',
        params: expect.objectContaining({ expected: 'an email address or a mobile number' }),
      }),
    ]);
    work.setChannels('501', ['site', 'email']);
    expect(refusal(() => work.add({ categoryCode: '501', name: '李娜', mobile: '13800138000' })).issues).toEqual([
      expect.objectContaining({ path: 'email', reason: 'receivers.emailForChannel' }),
    ]);
    work.add({ categoryCode: '501', name: '李娜', email: 'li.na@example.com' });
    expect(refusal(() => work.add({ categoryCode: '501', name: '李娜2', email: 'LI.NA@example.com' })).issues).toEqual([
      expect.objectContaining({ path: 'email', reason: 'receivers.duplicate' }),
    ]);
  });

  it('refuses a channel no receiver can be reached on, a receiver past the limit and an unknown category', () => {
    work.add({ categoryCode: '102', name: '王芳', mobile: '13700137000' });
    expect(refusal(() => work.setChannels('102', ['email']))).toMatchObject({
      code: 'VALIDATION',
      reason: 'receivers.channelUnreachable',
      params: { channel: 'email', field: 'email' },
    });
    expect(work.setChannels('102', ['sms', 'site']).category.channels).toEqual(['site', 'sms']);

    for (let i = 1; i < RECEIVERS_PER_CATEGORY; i++) work.add({ categoryCode: '102', name: `接收人${i}`, mobile: `1370013${String(7000 + i)}` });
    expect(refusal(() => work.add({ categoryCode: '102', name: '多一个', mobile: '13600136000' }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'receivers.limit',
      params: { limit: RECEIVERS_PER_CATEGORY },
    });
    expect(refusal(() => work.add({ categoryCode: '999', name: 'x', mobile: '13600136000' }))).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'receivers.unknownCategory',
    });
    expect(refusal(() => work.remove('RVNOPE'))).toMatchObject({ code: 'NOT_FOUND', reason: 'receivers.notFound' });
  });
});

describe('the receivers list from the source', () => {
  const listed = generateReceivers('receivers-test', T0 - 86_400_000) as unknown as Record<string, unknown>[];

  it('writes the sandbox’s categories, and never undoes a change the seller has not entered in Seller Center', () => {
    const sync = () => {
      const writer = receiverListWriters(tables, () => clock).receivers('sandbox');
      db.transaction(() => writer.write(rowsOfItems(listed)))();
      writer.finish();
    };
    sync();
    const c101 = category('101');
    expect(c101).toMatchObject({ origin: 'source', pending: false, channels: ['site', 'email', 'sms'] });
    expect(c101.receivers).toHaveLength(1);
    expect(c101.receivers[0]!.mobile).toMatch(/^139\d{8}$/);
    expect(category('901')).toMatchObject({ receivers: [], channels: ['site'], fallbackNotice: RECEIVER_FALLBACK_NOTICE });

    work.add({ categoryCode: '101', name: '赵磊', email: 'zhao.lei@example.com' });
    sync();
    expect(category('101').receivers.map((r) => r.name)).toContain('赵磊');
    const id = category('101').receivers[0]!.receiverId;

    clock += 60_000;
    work.markEntered('101');
    clock += 60_000;
    sync(); // the source now lists what it lists; the ids of unchanged receivers stay
    expect(category('101').receivers).toHaveLength(1);
    expect(category('101').receivers[0]!.receiverId).toBe(id);
    expect(work.detail('101').history.map((h) => [h.actor, h.change])).toEqual([
      ['sandbox', 'listed'],
      ['seller', 'receiverAdded'],
      ['seller', 'enteredInSellerCenter'],
      ['sandbox', 'changed'],
    ]);
  });
});

describe('the app’s notification switches', () => {
  function notifier() {
    const values = settingsTable(db, () => clock);
    const os: string[] = [];
    const events: CoreEvent[] = [];
    const n = new Notifier({
      values,
      osNotify: (title, body) => os.push(`${title}: ${body}`),
      emit: (event) => events.push(event),
      locale: () => ({ language: 'zh-CN', timeZone: 'Asia/Shanghai' }),
    });
    return { n, os, events, values };
  }

  it('raises an enabled category (OS and in app) and nothing for a disabled one', () => {
    const { n, os, events } = notifier();
    expect(n.settings().categories).toEqual([
      { category: 'usage.windowClosing', enabled: true, os: true, inApp: true },
      { category: 'tickets.waiting', enabled: true, os: true, inApp: true },
      { category: 'requirements.lapsing', enabled: true, os: true, inApp: true },
      { category: 'supervision.due', enabled: true, os: true, inApp: true },
    ]);
    const closesAt = Date.UTC(2026, 10, 24, 6, 15);
    expect(n.notify('usage.windowClosing', { count: 4, closesAt })).toEqual({ os: true, inApp: true });
    expect(os).toEqual(['话单即将错过上报窗口: 4 条话单尚未发送，上报窗口将于 14:15 (北京时间) 关闭']);
    expect(events).toEqual([{ type: 'notice', level: 'warning', messageKey: 'usage.windowClosing', values: { count: 4, closesAt } }]);

    n.setSettings([{ category: 'usage.windowClosing', enabled: false }]);
    expect(n.notify('usage.windowClosing', { count: 5, closesAt })).toEqual({ os: false, inApp: false });
    expect(os).toHaveLength(1);
    expect(events).toHaveLength(1);

    n.setSettings([{ category: 'tickets.waiting', os: false }]);
    n.notify('tickets.waiting', { count: 3, added: 2 }, 'info');
    expect(os).toHaveLength(1);
    expect(events.at(-1)).toEqual({ type: 'notice', level: 'info', messageKey: 'notices.ticketsWaiting', values: { count: 3, added: 2 } });
    expect(n.settings().categories.slice(0, 2)).toEqual([
      { category: 'usage.windowClosing', enabled: false, os: true, inApp: true },
      { category: 'tickets.waiting', enabled: true, os: false, inApp: true },
    ]);
  });

  it('notifies when a to-do count rises (kept across restarts), honouring the switches', () => {
    const counts: Record<string, number> = { 'tickets.waiting': 2, 'requirements.lapsing': 0, 'supervision.waitingOnMe': 1, 'usage.atRisk': 9 };
    const todos: Pick<TodoRegistry, 'read'> = {
      read: () => Object.entries(counts).map(([key, count]) => ({ key, count, overdue: null, link: { section: key.split('.')[0]!, filters: {} } })),
    };
    const { n, os, events, values } = notifier();
    const watch = () => new TodoNotices({ todos, notifier: n, values, now: () => clock, everyMs: 0 });

    expect(watch().check()).toEqual([]); // first reading: where the counts start
    counts['tickets.waiting'] = 5;
    counts['supervision.waitingOnMe'] = 0;
    expect(watch().check()).toEqual([{ category: 'tickets.waiting', count: 5, added: 3 }]);
    expect(os).toEqual([`${NOTIFICATION_TEXTS['tickets.waiting']['zh-CN'].title}: 有 5 个客户工单等待您处理（新增 3 个）`]);

    n.setSettings([{ category: 'supervision.due', enabled: false }]);
    counts['supervision.waitingOnMe'] = 2; // rose from 0, but switched off
    counts['requirements.lapsing'] = 1;
    watch().check();
    expect(events.map((e) => (e.type === 'notice' ? e.messageKey : e.type))).toEqual(['notices.ticketsWaiting', 'notices.requirementsLapsing']);
    expect(os).toHaveLength(2);
    expect(watch().check()).toEqual([]); // nothing rose since
    expect(watch().schedules).toEqual([expect.objectContaining({ name: 'notices.todos', everyMs: 0 })]);
  });
});
