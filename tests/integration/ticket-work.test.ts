import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import type { CoreClient } from '../../electron/core/contract';
import { startSandboxServer, type SandboxServer } from '../../electron/sandbox';
import { startCore } from '../support/core';
import { useFileTempDir } from '../support/temp-dir';

const dataDir = useFileTempDir();
let sandbox: SandboxServer;
let core: Core;
let client: CoreClient;
beforeAll(async () => {
  sandbox = await startSandboxServer({ seed: 'tickets', size: 'small' });
  ({ core, client } = await startCore(dataDir, { sandbox: { baseUrl: sandbox.baseUrl }, usageTickMs: 0 }));
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

    sandbox = await startSandboxServer({ seed: 'tickets', size: 'small', port: Number(new URL((await client.call('status.get', {})).dataSource.baseUrl!).port) });
    expect(await client.call('tickets.flushActions', {})).toEqual({ sent: 2, waiting: 0 });
    expect(sandbox.state.ticketActions.map((a) => [a.ticket_id, a.action])).toEqual([[first!.ticketId, 'reply'], [second!.ticketId, 'close']]);

    core.services.db.prepare('DELETE FROM sync_cursors').run();
    await client.call('sync.run', { resources: ['tickets'] });
    expect((await waiting()).map((t) => t.ticketId)).not.toContain(second!.ticketId);
    await expect(client.call('tickets.close', { ticketId: second!.ticketId })).rejects.toThrow('already closed');
    await expect(client.call('tickets.reply', { ticketId: first!.ticketId, text: '  ' })).rejects.toThrow('reply text is required');
  });

  it("moves a product's open tickets to the sub-account it is authorized to, and back", async () => {
    const ticket = (await waiting()).find((t) => t.assignee === 'main')!;
    const productId = core.services.db.prepare('SELECT product_id FROM tickets WHERE ticket_id = ?').pluck().get(ticket.ticketId) as string;
    const { moved } = await client.call('tickets.authorizeProduct', { productId, subAccount: 'sub_ops_9' });
    expect(moved).toBeGreaterThan(0);
    expect((await waiting()).find((t) => t.ticketId === ticket.ticketId)!.assignee).toBe('sub_ops_9');
    core.services.db.prepare('DELETE FROM sync_cursors').run();
    await client.call('sync.run', { resources: ['tickets'] });
    expect((await waiting()).find((t) => t.ticketId === ticket.ticketId)!.assignee).toBe('sub_ops_9');
    await client.call('tickets.authorizeProduct', { productId, subAccount: null });
    expect((await waiting()).find((t) => t.ticketId === ticket.ticketId)!.assignee).toBe('main');
  });

  it('keeps 工单接待 at no less than 5 × 8 hours a week', async () => {
    expect(await client.call('tickets.receptionHours', {})).toEqual({ days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' });
    await expect(client.call('tickets.setReceptionHours', { days: [1, 2, 3, 4], from: '09:00', to: '18:00' })).rejects.toThrow('at least 5 days × 8 hours');
    const set = { days: [1, 2, 3, 4, 5, 6], from: '08:30', to: '16:00' };
    expect(await client.call('tickets.setReceptionHours', set)).toEqual(set);
    expect(await client.call('tickets.receptionHours', {})).toEqual(set);
  });
});
