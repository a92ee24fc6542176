import type { SyncResource } from '../contract/status.contract';

const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export interface CursorState {
  resource: SyncResource;
  lastSyncedAt: number | null;
  completeThrough: number | null;
}

/**
 * Which resources are due: orders, tickets and products every `intervalMs`; transaction details once
 * a day after 08:00 Beijing time, when the previous day becomes available (T+1), and not before.
 */
export function dueResources(now: number, cursors: CursorState[], listable: readonly SyncResource[], intervalMs: number): SyncResource[] {
  const byResource = new Map(cursors.map((c) => [c.resource, c]));
  return listable.filter((resource) => {
    const cursor = byResource.get(resource);
    if (resource === 'transaction_details') return (cursor?.completeThrough ?? 0) < availableThrough(now);
    return cursor?.lastSyncedAt == null || now - cursor.lastSyncedAt >= intervalMs;
  });
}

/** The instant up to which KooGallery shows transaction details at `now` (T+1 after 08:00). */
export function availableThrough(now: number): number {
  const local = now + BEIJING_OFFSET_MS;
  const midnight = Math.floor(local / DAY_MS) * DAY_MS;
  const afterEight = local - midnight >= 8 * 3_600_000;
  return (afterEight ? midnight : midnight - DAY_MS) - BEIJING_OFFSET_MS;
}
