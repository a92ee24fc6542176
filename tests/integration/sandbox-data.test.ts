import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SandboxDataset } from '../../electron/sandbox/generator';
import { addMonths } from '../../electron/core/conventions';
import { fetchListPage, sendTicketAction } from '../../electron/core/marketplace/list-client';
import type { KooGalleryClient } from '../../electron/core/koogallery';
import { sandboxWithClient } from '../support/sandbox';

const anchor = Date.UTC(2026, 10, 23, 16); // 2026-11-24 00:00 Beijing
const CHINESE = /[\u4e00-\u9fa5]/;

describe('the sandbox data generator', () => {
  it('gives the same data for the same seed and different data for another', () => {
    const a = new SandboxDataset('seed-a', 'small', anchor);
    const b = new SandboxDataset('seed-a', 'small', anchor);
    const c = new SandboxDataset('seed-c', 'small', anchor);
    for (const i of [0, 17, 1999]) expect(a.order(i)).toEqual(b.order(i));
    expect(a.detail(12_345)).toEqual(b.detail(12_345));
    expect(a.ticket(99)).toEqual(b.ticket(99));
    expect(a.order(17)).not.toEqual(c.order(17));
  });

  it('covers every product type, charging mode and order status over a year, in Chinese', () => {
    const data = new SandboxDataset('coverage', 'small', anchor);
    const orders = Array.from({ length: data.counts.orders }, (_, i) => data.order(i));
    expect(new Set(orders.map((o) => o.product_type))).toEqual(new Set(['general', 'joint_operation', 'curated_certified', 'huawei_self_service']));
    expect(new Set(orders.map((o) => o.lines[0]!.charging_mode))).toEqual(new Set(['PERIOD', 'ONE_TIME', 'ON_DEMAND', 'ON_DEMAND_PKG']));
    expect(new Set(orders.map((o) => o.status))).toEqual(new Set(['pending_payment', 'processing', 'cancelled', 'completed']));
    const span = orders.at(-1)!.created_at - orders[0]!.created_at;
    expect(span).toBeGreaterThan(360 * 86_400_000);
    expect(orders.every((o) => o.created_at <= anchor && CHINESE.test(o.product_name) && CHINESE.test(o.customer.customer_name))).toBe(true);
    expect(orders.every((o, i) => i === 0 || o.updated_at > orders[i - 1]!.updated_at)).toBe(true);
  });

  it('makes one million transaction details on demand, in time order', () => {
    const data = new SandboxDataset('large', 'large', anchor);
    expect(data.counts.details).toBe(1_000_000);
    const last = data.detail(999_999);
    const before = data.detail(999_998);
    expect(last.transaction_at).toBeGreaterThan(before.transaction_at);
    expect(last.transaction_at).toBeLessThan(anchor);
    expect(data.detailIndexAt(anchor)).toBe(1_000_000);
  });

  it("gives every ticket the customer's problem and a short conversation, the same for the same seed", () => {
    const a = new SandboxDataset('talk', 'small', anchor);
    const b = new SandboxDataset('talk', 'small', anchor);
    expect(a.ticket(123).messages).toEqual(b.ticket(123).messages);
    expect(a.ticket(123).description).toBe(b.ticket(123).description);
    expect(new SandboxDataset('other', 'small', anchor).ticket(123).messages).not.toEqual(a.ticket(123).messages);
    const tickets = Array.from({ length: a.counts.tickets }, (_, i) => a.ticket(i));
    for (const t of tickets) {
      const times = t.messages.map((m) => m.sent_at);
      expect(t.messages.length, t.ticket_id).toBeGreaterThanOrEqual(1);
      expect(t.messages.length, t.ticket_id).toBeLessThanOrEqual(5);
      expect(
        times.every((time, k) => k === 0 || time > times[k - 1]!),
        t.ticket_id,
      ).toBe(true);
      expect(times[0]).toBe(t.created_at);
      expect(Math.max(...times)).toBeLessThanOrEqual(t.updated_at);
      expect(t.messages[0]).toMatchObject({ author: 'customer', body: t.description });
      expect(t.messages.every((m) => CHINESE.test(m.body))).toBe(true);
      expect(new Set(t.messages.map((m) => m.message_id)).size).toBe(t.messages.length);
      const lastAuthor = t.messages.at(-1)!.author;
      if (t.status === 'pending') expect(lastAuthor, t.ticket_id).toBe('customer');
      if (t.status === 'awaiting_customer') expect(lastAuthor, t.ticket_id).toBe('seller');
      if (t.status !== 'closed')
        expect(
          t.messages.some((m) => m.author === 'system'),
          t.ticket_id,
        ).toBe(false);
    }
    // a closed ticket often ends with the marketplace's own words
    expect(tickets.some((t) => t.status === 'closed' && t.messages.at(-1)!.author === 'system' && t.messages.at(-1)!.body.includes('工单已关闭'))).toBe(true);
    expect(new Set(tickets.map((t) => t.messages.length))).toEqual(new Set([1, 2, 3, 4, 5]));
  });

  it('puts the T+1 line exactly between the last visible detail and the first hidden one, wherever it falls', () => {
    const data = new SandboxDataset('t-plus-one', 'small', anchor);
    for (let day = 1; day <= 200; day++) {
      const line = anchor - day * 86_400_000 + day * 7_919; // lines that fall inside a detail's slot, not on its edge
      const visible = data.detailIndexAt(line);
      expect(data.detail(visible - 1).transaction_at, `day ${day}`).toBeLessThan(line);
      expect(data.detail(visible).transaction_at, `day ${day}`).toBeGreaterThanOrEqual(line);
    }
  });
});

describe('list endpoints with updated-since cursors', () => {
  it('answers the same items as rows under field names (shape=rows) as it does as objects, nested values included', async () => {
    const { sandbox, client } = await sandboxWithClient({ anchor });
    const envelope = { schema: z.object({ resultCode: z.string() }).passthrough(), code: (e: { resultCode: string }) => e.resultCode, message: () => '' };
    const get = async (path: string) => {
      const outcome = await client.sendApig(path, 'GET', undefined, envelope, (e) => e as Record<string, unknown>);
      if (outcome.class !== 'ok') throw new Error(`${outcome.code} ${outcome.message}`);
      return outcome.data;
    };
    try {
      for (const resource of ['orders', 'transaction_details', 'tickets']) {
        const objects = (await get(`/sandbox/v1/lists/${resource}?limit=50`)).items as Record<string, unknown>[];
        const asRows = await get(`/sandbox/v1/lists/${resource}?limit=50&shape=rows`);
        const fields = asRows.fields as string[];
        const rebuilt = (asRows.rows as unknown[][]).map((row) => Object.fromEntries(fields.map((f, i) => [f, row[i]])));
        expect(rebuilt, resource).toEqual(objects.map((item) => ({ ...Object.fromEntries(fields.map((f) => [f, null])), ...item })));
        const ratio = JSON.stringify({ fields, rows: asRows.rows }).length / JSON.stringify({ items: objects }).length;
        expect(ratio, resource).toBeLessThan(resource === 'transaction_details' ? 0.6 : 0.9); // flat items: every key written once
        // what the app reads: the same items
        const page = await fetchListPage(client, resource as 'orders', null, 50);
        if (page.class !== 'ok') throw new Error(page.message);
        expect(page.data.items, resource).toEqual(rebuilt);
      }
      await expect(get('/sandbox/v1/lists/orders?limit=5&shape=columns')).rejects.toThrow('MKT.0101');
    } finally {
      await sandbox.close();
    }
  });

  it('answers a page it prepared ahead exactly as it would have answered it fresh, and only that request from it', async () => {
    let now = anchor + 7 * 3_600_000 + 59 * 60_000; // 07:59 Beijing: yesterday's details are not visible until 08:00 (T+1)
    const a = await sandboxWithClient({ anchor, seed: 'read-ahead', now: () => now });
    const b = await sandboxWithClient({ anchor, seed: 'read-ahead', now: () => now });
    const page = async (client: KooGalleryClient, resource: 'orders' | 'transaction_details', cursor: string | null, limit: number) => {
      const outcome = await fetchListPage(client, resource, cursor, limit);
      if (outcome.class !== 'ok') throw new Error(outcome.message);
      await new Promise((resolve) => setImmediate(resolve)); // the sandbox prepares the next page now
      return outcome.data;
    };
    try {
      const first = await page(a.client, 'transaction_details', null, 40);
      await page(b.client, 'transaction_details', null, 40);
      await page(b.client, 'orders', null, 5); // b's prepared page is now an orders page: b answers the next details page fresh
      const ahead = await page(a.client, 'transaction_details', first.nextCursor, 40);
      const fresh = await page(b.client, 'transaction_details', first.nextCursor, 40);
      expect(ahead).toEqual(fresh);
      expect(ahead.items[0]!.detail_id).not.toBe(first.items[0]!.detail_id);
      // another limit is another page, not the one prepared for 40
      expect((await page(a.client, 'transaction_details', ahead.nextCursor, 7)).items).toEqual(
        (await page(b.client, 'transaction_details', ahead.nextCursor, 40)).items.slice(0, 7),
      );
      // prepared at 07:59, asked at 08:00: the page answers with the day that became visible at 08:00
      const beforeEight = await page(a.client, 'transaction_details', first.nextCursor, 40); // prepares the page after it, at 07:59
      expect(beforeEight.completeThrough).toBe(anchor - 86_400_000);
      now += 60_000;
      const atEight = await page(a.client, 'transaction_details', beforeEight.nextCursor, 40);
      expect(atEight.completeThrough).toBe(anchor);
      expect(atEight).toEqual(await page(b.client, 'transaction_details', beforeEight.nextCursor, 40));
    } finally {
      await a.sandbox.close();
      await b.sandbox.close();
    }
  });

  it('returns only items updated after the cursor time', async () => {
    const { sandbox, client } = await sandboxWithClient({ anchor });
    try {
      const since = anchor - 30 * 86_400_000;
      const cursor = Buffer.from(JSON.stringify({ updated_at: since, id: '' })).toString('base64url');
      const outcome = await fetchListPage(client, 'tickets', cursor, 1000);
      if (outcome.class !== 'ok') throw new Error(outcome.message);
      const times = outcome.data.items.map((t) => Number(t.updated_at));
      expect(times.length).toBeGreaterThan(10);
      expect(Math.min(...times)).toBeGreaterThan(since);
      expect(Math.min(...times)).toBeLessThan(since + 2 * 86_400_000);
    } finally {
      await sandbox.close();
    }
  });

  it("shows a reply or close taken on the ticket endpoint in that ticket's conversation on later pages", async () => {
    const { sandbox, client } = await sandboxWithClient({ anchor });
    try {
      const ticket = sandbox.state.dataset.ticket(7);
      expect(await sendTicketAction(client, ticket.ticket_id, 'reply', '您好，已为您处理，请再试一次。')).toMatchObject({ class: 'ok' });
      expect(await sendTicketAction(client, ticket.ticket_id, 'close', null)).toMatchObject({ class: 'ok' });
      const outcome = await fetchListPage(client, 'tickets', null, 20);
      if (outcome.class !== 'ok') throw new Error(outcome.message);
      const listed = outcome.data.items.find((t) => t.ticket_id === ticket.ticket_id)!;
      const messages = listed.messages as { author: string; body: string; sent_at: number }[];
      expect(messages.slice(0, ticket.messages.length)).toEqual(ticket.messages);
      expect(messages.slice(ticket.messages.length).map((m) => [m.author, m.body])).toEqual([
        ['seller', '您好，已为您处理，请再试一次。'],
        ['system', '卖家已关闭工单'],
      ]);
      // paging stays on the generated updated_at
      expect(listed).toMatchObject({ status: 'closed', waiting_on_me: false, updated_at: ticket.updated_at });
    } finally {
      await sandbox.close();
    }
  });

  it('lists products and every seller-operations object', async () => {
    const { sandbox, client } = await sandboxWithClient({ anchor });
    try {
      for (const resource of ['products', 'supervision', 'requirements', 'vouchers', 'planning', 'receivers'] as const) {
        const outcome = await fetchListPage(client, resource, null, 1000);
        expect(outcome.class, resource).toBe('ok');
        if (outcome.class === 'ok') expect(outcome.data.items.length, resource).toBeGreaterThan(0);
      }
    } finally {
      await sandbox.close();
    }
  });
});

describe('store overview lists (seller_profile, store_traffic)', () => {
  const now = Date.UTC(2026, 10, 24, 5, 30); // 2026-11-24 13:30 Beijing

  async function listItems(client: KooGalleryClient, resource: 'seller_profile' | 'store_traffic', cursor: string | null = null) {
    const outcome = await fetchListPage(client, resource, cursor, 1000);
    if (outcome.class !== 'ok') throw new Error(outcome.message);
    expect(outcome.data.hasMore).toBe(false);
    return outcome.data.items;
  }

  it('lists exactly one seller profile, the same for the same seed', async () => {
    const data = new SandboxDataset('profile-seed', 'small', anchor);
    const profile = data.profile();
    expect(profile).toEqual(new SandboxDataset('profile-seed', 'small', anchor).profile());
    expect(profile).toEqual({
      seller_id: expect.stringMatching(/^SP\d{10}$/),
      seller_name: expect.stringMatching(/^[\u4e00-\u9fa5]+有限公司$/),
      certification: expect.stringMatching(/^(certified|in_review|not_certified)$/),
      agreement: expect.stringMatching(/^(signed|unsigned)$/),
      updated_at: data.start,
    });
    const profiles = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((seed) => new SandboxDataset(seed, 'small', anchor).profile());
    expect(new Set(profiles.map((p) => p.seller_id)).size).toBe(profiles.length);
    expect(profiles.filter((p) => p.certification === 'certified').length).toBeGreaterThan(profiles.length / 2);
    expect(profiles.filter((p) => p.agreement === 'signed').length).toBeGreaterThan(profiles.length / 2);

    const { sandbox, client } = await sandboxWithClient({ anchor, seed: 'profile-seed', now: () => now });
    try {
      expect(await listItems(client, 'seller_profile')).toEqual([profile]);
    } finally {
      await sandbox.close();
    }
  });

  it('lists 24 months of store traffic ending at the current Beijing month, the same for the same seed', async () => {
    const { sandbox, client } = await sandboxWithClient({ anchor, now: () => now });
    const again = await sandboxWithClient({ anchor: anchor - 40 * 86_400_000, now: () => now });
    try {
      const items = await listItems(client, 'store_traffic');
      expect(await listItems(again.client, 'store_traffic')).toEqual(items);
      const months = items.map((m) => m.month as string);
      expect(months).toHaveLength(24);
      expect(months[0]).toBe('2024-12');
      expect(months.at(-1)).toBe('2026-11');
      expect(new Set(months).size).toBe(24);
      expect(months.every((m, i) => i === 0 || m === addMonths(months[i - 1]!, 1))).toBe(true);
      for (const item of items) {
        const { page_views: views, visitors } = item as { page_views: number; visitors: number };
        expect(Number.isInteger(views) && Number.isInteger(visitors), String(item.month)).toBe(true);
        expect(visitors, String(item.month)).toBeGreaterThan(0);
        expect(visitors, String(item.month)).toBeLessThanOrEqual(views);
      }
      // a past month is updated at the first instant of the next Beijing month; the current one as of the hour
      expect(items.find((m) => m.month === '2026-10')!.updated_at).toBe(Date.UTC(2026, 9, 31, 16));
      expect(items.at(-1)!.updated_at).toBe(Date.UTC(2026, 10, 24, 5));
      expect(items.every((m, i) => i === 0 || Number(m.updated_at) > Number(items[i - 1]!.updated_at))).toBe(true);

      // a month's figures depend on (seed, month) only; the current month covers the days so far
      const later = new SandboxDataset('test-seed', 'small', anchor).storeTraffic(Date.UTC(2026, 11, 20));
      const byMonth = new Map(later.map((m) => [m.month, m]));
      for (const item of items.slice(1, -1)) expect(byMonth.get(item.month as string)).toEqual(item); // the later list starts a month later
      const full = byMonth.get('2026-11')!;
      expect(Number(items.at(-1)!.visitors)).toBeLessThan(full.visitors);
      expect(Number(items.at(-1)!.visitors)).toBeGreaterThan(full.visitors * 0.6);
      expect(new SandboxDataset('other-seed', 'small', anchor).storeTraffic(now)).not.toEqual(items);
    } finally {
      await sandbox.close();
      await again.sandbox.close();
    }
  });

  it('resumes after the last past month with only the current month', async () => {
    const { sandbox, client } = await sandboxWithClient({ anchor, now: () => now });
    try {
      const items = await listItems(client, 'store_traffic');
      const lastPast = items.at(-2)!;
      const cursor = Buffer.from(JSON.stringify({ updated_at: lastPast.updated_at, id: lastPast.month })).toString('base64url');
      expect(await listItems(client, 'store_traffic', cursor)).toEqual([items.at(-1)]);
    } finally {
      await sandbox.close();
    }
  });

  it('starts a new month at 00:00 Beijing time, with at least a day of figures', async () => {
    const lastMonthAt = async (at: number) => {
      const { sandbox, client } = await sandboxWithClient({ anchor, now: () => at });
      try {
        const items = await listItems(client, 'store_traffic');
        expect(items).toHaveLength(24);
        return items.at(-1)!;
      } finally {
        await sandbox.close();
      }
    };
    const december = await lastMonthAt(Date.UTC(2026, 10, 30, 16)); // 2026-12-01 00:00 Beijing
    expect(december.month).toBe('2026-12');
    expect(Number(december.visitors)).toBeGreaterThan(0);
    expect(Number(december.visitors)).toBeLessThanOrEqual(Number(december.page_views));
    expect((await lastMonthAt(Date.UTC(2026, 10, 30, 15, 59, 59, 999))).month).toBe('2026-11');
  });
});

describe('npm run sandbox (standalone)', () => {
  it('serves the documented paths and prints its demo credentials', async () => {
    const entry = 'dist/sandbox/main.js';
    expect(fs.existsSync(entry), `${entry} is missing: run npm run build first (npm test does)`).toBe(true);
    const child = spawn(process.execPath, [entry, '--port', '0', '--seed', 'cli', '--size', 'small'], {
      env: { ...process.env, KOO_SANDBOX_AK: 'CLI-AK' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const output = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('anomalies:')) resolve(text);
        });
        child.once('exit', (code) => reject(new Error(`sandbox exited ${code}: ${text}`)));
      });
      expect(output).toContain('sandbox-interconnection-key   (demo default; set KOO_SANDBOX_SELLER_KEY)');
      expect(output).toContain('AK: (from KOO_SANDBOX_AK)');
      const baseUrl = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1]!;
      const instances = (await (await fetch(`${baseUrl}/sandbox/instances`)).json()) as { instances: { instance_id: string }[] };
      expect(instances.instances.length).toBeGreaterThan(0);
      const ledger = await (await fetch(`${baseUrl}/sandbox/ledger`)).json();
      expect(ledger).toEqual({ count: 0, records: [] });
      const unsigned = await fetch(`${baseUrl}/api/mkp-openapi-public/global/v1/isv/usage-data`, { method: 'POST', body: '{}' });
      expect(await unsigned.json()).toMatchObject({ error_code: 'MKT.0101' });
    } finally {
      child.kill();
    }
  });
});
