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
