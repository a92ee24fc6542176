import { describe, expect, it } from 'vitest';
import { transactionDetailsVisibleBefore as availableThrough } from '../../electron/core/conventions';
import { dueResources } from '../../electron/core/sync';

const at = (iso: string) => Date.parse(iso);
const all = ['orders', 'transaction_details', 'tickets', 'products'] as const;

describe('sync schedule', () => {
  it('makes the previous day available after 08:00 Beijing time only (T+1)', () => {
    expect(availableThrough(at('2026-11-24T07:59:00+08:00'))).toBe(at('2026-11-23T00:00:00+08:00'));
    expect(availableThrough(at('2026-11-24T08:00:00+08:00'))).toBe(at('2026-11-24T00:00:00+08:00'));
  });

  it('syncs everything on first run, then lists by interval and details once a day after 08:00', () => {
    const now = at('2026-11-24T09:00:00+08:00');
    expect(dueResources(now, [], all, 30 * 60_000)).toEqual([...all]);
    const fresh = all.map((resource) => ({ resource, lastSyncedAt: now - 10 * 60_000, completeThrough: at('2026-11-24T00:00:00+08:00') }));
    expect(dueResources(now, fresh, all, 30 * 60_000)).toEqual([]);
    expect(dueResources(now + 25 * 60_000, fresh, all, 30 * 60_000)).toEqual(['orders', 'tickets', 'products']);
    const yesterdayOnly = fresh.map((c) => (c.resource === 'transaction_details' ? { ...c, completeThrough: at('2026-11-23T00:00:00+08:00') } : c));
    expect(dueResources(now, yesterdayOnly, all, 30 * 60_000)).toEqual(['transaction_details']);
    expect(dueResources(at('2026-11-24T07:00:00+08:00'), yesterdayOnly, all, 30 * 60_000)).toEqual([]);
    expect(dueResources(now, [], ['orders'], 30 * 60_000)).toEqual(['orders']); // only what the source can list
  });

  it('lists a resource again exactly one interval after its last sync, not a millisecond before', () => {
    const synced = at('2026-11-24T09:00:00+08:00');
    const cursors = [{ resource: 'orders' as const, lastSyncedAt: synced, completeThrough: null }];
    expect(dueResources(synced + 30 * 60_000 - 1, cursors, ['orders'], 30 * 60_000)).toEqual([]);
    expect(dueResources(synced + 30 * 60_000, cursors, ['orders'], 30 * 60_000)).toEqual(['orders']);
  });
});
