import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import type { CoreClient } from '../../electron/core/contract';
import { startSandboxServer, type SandboxServer } from '../../electron/sandbox';
import { external, startCore, dbOf } from '../support/core';
import { useFileTempDir } from '../support/temp-dir';

const dataDir = useFileTempDir();
let sandbox: SandboxServer;
let core: Core;
let client: CoreClient;
beforeAll(async () => {
  sandbox = await startSandboxServer({ seed: 'tickets', size: 'small' });
  ({ core, client } = await startCore(dataDir, { sandbox: external(sandbox), usageTickMs: 0 }));
  await client.call('sync.run', { resources: ['tickets'] });
});
afterAll(async () => {
  await core.close();
  await sandbox.close();
});

const waiting = async () => (await client.call('tickets.page', { filters: { waitingOnMe: true }, limit: 500 })).rows;
type TicketFilters = NonNullable<Parameters<typeof client.call<'tickets.page'>>[1]>['filters'];
/** Every ticket the filters select, page after page. */
async function allTickets(filters: TicketFilters) {
  const ids: string[] = [];
  let after = null;
  for (;;) {
    const page: Awaited<ReturnType<typeof client.call<'tickets.page'>>> = await client.call('tickets.page', { filters, limit: 100, after });
    ids.push(...page.rows.map((r) => r.ticketId));
    if (!page.next) return ids.sort();
    after = page.next;
  }
}
const idsWhere = (where: string, ...params: unknown[]) =>
  (
    dbOf(core)
      .prepare(`SELECT ticket_id FROM tickets WHERE ${where}`)
      .pluck()
      .all(...params) as string[]
  ).sort();
const resync = async () => {
  dbOf(core).prepare('DELETE FROM sync_cursors').run();
  await client.call('sync.run', { resources: ['tickets'] });
};

describe('客户工单 work', () => {
  it('replies and closes offline at once, sends the queue later, and a re-sync does not undo them', async () => {
    const [first, second] = await waiting();
    const offline = await sandbox.close().then(() => client.call('tickets.reply', { ticketId: first!.ticketId, text: '您好，已为您重置控制台密码，请重试。' }));
    expect(offline.queued).toBe(1);
    expect(await client.call('tickets.close', { ticketId: second!.ticketId })).toEqual({ queued: 2 });
    const ids = (await waiting()).map((t) => t.ticketId);
    expect(ids).not.toContain(first!.ticketId);
    expect(ids).not.toContain(second!.ticketId);
    expect(await client.call('tickets.flushActions', {})).toEqual({ sent: 0, waiting: 2 });

    sandbox = await startSandboxServer({
      seed: 'tickets',
      size: 'small',
      port: Number(new URL((await client.call('status.get', {})).dataSource.baseUrl!).port),
    });
    expect(await client.call('tickets.flushActions', {})).toEqual({ sent: 2, waiting: 0 });
    expect(sandbox.state.ticketActions.map((a) => [a.ticket_id, a.action])).toEqual([
      [first!.ticketId, 'reply'],
      [second!.ticketId, 'close'],
    ]);

    dbOf(core).prepare('DELETE FROM sync_cursors').run();
    await client.call('sync.run', { resources: ['tickets'] });
    expect((await waiting()).map((t) => t.ticketId)).not.toContain(second!.ticketId);
    await expect(client.call('tickets.close', { ticketId: second!.ticketId })).rejects.toThrow('already closed');
    await expect(client.call('tickets.reply', { ticketId: first!.ticketId, text: '  ' })).rejects.toThrow('reply text is required');
  });

  it("moves a product's open tickets to the sub-account it is authorized to, and back", async () => {
    const ticket = (await waiting()).find((t) => t.assignee === 'main')!;
    const productId = dbOf(core).prepare('SELECT product_id FROM tickets WHERE ticket_id = ?').pluck().get(ticket.ticketId) as string;
    const { moved } = await client.call('tickets.authorizeProduct', { productId, subAccount: 'sub_ops_9' });
    expect(moved).toBeGreaterThan(0);
    expect((await waiting()).find((t) => t.ticketId === ticket.ticketId)!.assignee).toBe('sub_ops_9');
    dbOf(core).prepare('DELETE FROM sync_cursors').run();
    await client.call('sync.run', { resources: ['tickets'] });
    expect((await waiting()).find((t) => t.ticketId === ticket.ticketId)!.assignee).toBe('sub_ops_9');
    await client.call('tickets.authorizeProduct', { productId, subAccount: null });
    expect((await waiting()).find((t) => t.ticketId === ticket.ticketId)!.assignee).toBe('main');
  });

  it("keeps 工单接待 to Seller Center's 5 × 8: at least five days a week, each at least eight hours", async () => {
    const set = (hours: { days: number[]; from: string; to: string }) => client.call('tickets.setReceptionHours', hours);
    expect(await client.call('tickets.receptionHours', {})).toEqual({ days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' });
    const exact = { days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }; // the boundary: exactly 5 × 8 is enough
    expect(await set(exact)).toEqual(exact);
    // 40 hours or more a week are not enough when either rule breaks
    await expect(set({ days: [1, 2, 3, 4], from: '08:00', to: '18:00' })).rejects.toThrow(
      'at least 5 days a week with at least 8 hours each (5 × 8); 4 day(s) chosen',
    );
    await expect(set({ days: [1, 2, 3, 4, 5, 6], from: '08:30', to: '16:00' })).rejects.toThrow('at least 8 hours each day (5 × 8); 08:30–16:00 is 7.5 hours');
    await expect(set({ days: [1, 2, 3, 4, 4], from: '09:00', to: '17:00' })).rejects.toThrow('4 day(s) chosen'); // a day counts once
    await expect(set({ days: [1, 2, 3, 4, 5], from: '09:00', to: '16:59' })).rejects.toThrow('09:00–16:59 is 7.98 hours');
    expect(await client.call('tickets.receptionHours', {})).toEqual(exact); // what was refused changed nothing
  });
});

describe('客户工单 details and filters', () => {
  it("shows a synced ticket with the customer's description and the conversation, oldest first", async () => {
    const ticketId = dbOf(core)
      .prepare(
        `SELECT ticket_id FROM ticket_messages WHERE ticket_id NOT IN (SELECT ticket_id FROM ticket_actions)
         GROUP BY ticket_id HAVING COUNT(*) >= 4 ORDER BY ticket_id LIMIT 1`,
      )
      .pluck()
      .get() as string;
    const source = sandbox.state.dataset.ticket(Number(ticketId.slice(-6)));
    const { ticket, messages } = await client.call('tickets.get', { ticketId });
    expect(ticket).toMatchObject({
      ticketId,
      title: source.title,
      productId: source.product_id,
      productName: source.product_name,
      description: source.description,
    });
    expect(ticket.description).toMatch(/[\u4e00-\u9fa5]/);
    expect(messages).toEqual(
      source.messages.map((m) => ({ messageId: m.message_id, author: m.author, body: m.body, sentAt: m.sent_at, state: 'delivered', error: null })),
    );
    expect(messages.map((m) => m.sentAt)).toEqual([...messages.map((m) => m.sentAt)].sort((a, b) => a - b));
    expect(messages[0]!.body).toBe(ticket.description);
  });

  it('shows a reply queued, then delivered once sent, and once only after the source lists it back; a close is a system message', async () => {
    const ticketId = (await waiting())[0]!.ticketId;
    const before = (await client.call('tickets.get', { ticketId })).messages;
    const text = '您好，问题已定位，已为您修复，请刷新后重试。';
    await client.call('tickets.reply', { ticketId, text });
    const queued = (await client.call('tickets.get', { ticketId })).messages;
    expect(queued.slice(0, -1)).toEqual(before);
    expect(queued.at(-1)).toMatchObject({ messageId: expect.stringMatching(/^local-reply-\d+$/), author: 'seller', body: text, state: 'queued', error: null });

    expect(await client.call('tickets.flushActions', {})).toEqual({ sent: 1, waiting: 0 });
    const delivered = (await client.call('tickets.get', { ticketId })).messages;
    expect(delivered.at(-1)).toMatchObject({ messageId: queued.at(-1)!.messageId, author: 'seller', body: text, state: 'delivered', error: null });

    // a ticket cached before descriptions existed gets one from the next sync, though the local reply keeps the row's state
    dbOf(core).prepare('UPDATE tickets SET description = NULL WHERE ticket_id = ?').run(ticketId);
    await resync(); // the source now lists the reply in the ticket's conversation: shown once, as the source's
    const { ticket, messages: listed } = await client.call('tickets.get', { ticketId });
    expect(ticket).toMatchObject({
      status: 'awaiting_customer',
      waitingOnMe: false,
      description: sandbox.state.dataset.ticket(Number(ticketId.slice(-6))).description,
    });
    expect(listed.filter((m) => m.body === text)).toEqual([
      { messageId: `${ticketId}-R01`, author: 'seller', body: text, sentAt: expect.any(Number), state: 'delivered', error: null },
    ]);
    expect(listed).toHaveLength(before.length + 1);

    await client.call('tickets.close', { ticketId });
    const closing = await client.call('tickets.get', { ticketId });
    expect(closing.ticket.status).toBe('closed');
    expect(closing.messages.at(-1)).toMatchObject({
      messageId: expect.stringMatching(/^local-close-\d+$/),
      author: 'system',
      body: '',
      state: 'queued',
      error: null,
    });
    await client.call('tickets.flushActions', {});
    expect((await client.call('tickets.get', { ticketId })).messages.at(-1)).toMatchObject({ author: 'system', body: '', state: 'delivered' });
    await resync(); // the source's own close message stands in for the local one
    const closed = (await client.call('tickets.get', { ticketId })).messages;
    expect(closed.filter((m) => m.author === 'system')).toEqual([
      { messageId: `${ticketId}-R02`, author: 'system', body: '卖家已关闭工单', sentAt: expect.any(Number), state: 'delivered', error: null },
    ]);
    expect(closed).toHaveLength(before.length + 2);
  });

  it("shows a reply the source refused as failed, with the source's error", async () => {
    dbOf(core)
      .prepare(
        `INSERT INTO tickets (ticket_id, title, status, priority, product_id, product_name, customer_name, waiting_on_me, sla_due_at, created_at, updated_at, description)
         VALUES ('TK-NOT-AT-SOURCE', '无法登录', 'pending', 'high', NULL, NULL, '客户', 1, NULL, 1, 1, NULL)`,
      )
      .run();
    await client.call('tickets.reply', { ticketId: 'TK-NOT-AT-SOURCE', text: '已处理' });
    expect(await client.call('tickets.flushActions', {})).toEqual({ sent: 0, waiting: 0 });
    const { ticket, messages } = await client.call('tickets.get', { ticketId: 'TK-NOT-AT-SOURCE' });
    expect(ticket).toMatchObject({ description: null, productId: null, productName: null });
    expect(messages).toEqual([
      {
        messageId: expect.stringMatching(/^local-reply-\d+$/),
        author: 'seller',
        body: '已处理',
        sentAt: expect.any(Number),
        state: 'failed',
        error: expect.stringContaining('MKT.0101'),
      },
    ]);
    dbOf(core).prepare(`DELETE FROM tickets WHERE ticket_id = 'TK-NOT-AT-SOURCE'`).run();
  });

  it('filters by product, priority, status and SLA deadline, exactly (a deadline equal to slaDueBefore is not before it)', async () => {
    const sample = dbOf(core)
      .prepare(`SELECT product_id, sla_due_at FROM tickets WHERE waiting_on_me = 1 AND sla_due_at IS NOT NULL ORDER BY ticket_id LIMIT 1 OFFSET 3`)
      .get() as { product_id: string; sla_due_at: number };
    const { product_id: productId, sla_due_at: due } = sample;
    expect(await allTickets({ productId })).toEqual(idsWhere('product_id = ?', productId));
    expect((await allTickets({ productId })).length).toBeGreaterThan(0);
    expect(await allTickets({ priority: 'high' })).toEqual(idsWhere(`priority = 'high'`));
    expect(await allTickets({ status: 'awaiting_customer', priority: 'low' })).toEqual(idsWhere(`status = 'awaiting_customer' AND priority = 'low'`));
    // the boundary: a ticket due exactly at slaDueBefore is not due before it; one millisecond later it is
    const atBoundary = idsWhere('sla_due_at = ?', due);
    expect(atBoundary.length).toBeGreaterThan(0);
    const beforeDue = await allTickets({ slaDueBefore: due });
    expect(beforeDue).toEqual(idsWhere('sla_due_at < ?', due));
    expect(beforeDue).not.toContain(atBoundary[0]);
    expect(await allTickets({ slaDueBefore: due + 1 })).toContain(atBoundary[0]);
    // 4小时内到期 among the tickets waiting on me, as the page asks
    const inFourHours = due + 4 * 3_600_000;
    expect(await allTickets({ waitingOnMe: true, slaDueBefore: inFourHours })).toEqual(idsWhere('waiting_on_me = 1 AND sla_due_at < ?', inFourHours));
    expect(await allTickets({ productId: 'OFFI-NO-SUCH-PRODUCT' })).toEqual([]);
    const row = (await client.call('tickets.page', { filters: { productId }, limit: 1 })).rows[0]!;
    expect(row.productId).toBe(productId);
  });

  it('lists the distinct products of cached tickets by name, for the product filter', async () => {
    const products = await client.call('tickets.products', {});
    const expected = dbOf(core)
      .prepare('SELECT DISTINCT product_id AS productId, product_name AS productName FROM tickets WHERE product_id IS NOT NULL')
      .all() as { productId: string; productName: string }[];
    expect(new Set(products.map((p) => p.productId)).size).toBe(products.length);
    expect([...products].sort((a, b) => (a.productId < b.productId ? -1 : 1))).toEqual(expected.sort((a, b) => (a.productId < b.productId ? -1 : 1)));
    const names = products.map((p) => p.productName);
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN').compare));
  });

  it('refuses an unknown ticket id with NOT_FOUND (ticket.notInCache)', async () => {
    await expect(client.call('tickets.get', { ticketId: 'TK20000101999999' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      reason: 'ticket.notInCache',
      params: { ticketId: 'TK20000101999999' },
    });
  });
});
