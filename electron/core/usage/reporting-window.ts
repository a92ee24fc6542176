/**
 * Reporting windows (product.md §3.1, koogallery-api.md §1.5):
 * - hourly-billed usage whose metering period ends in hour H is due H+1:00–H+1:15 (collection at :15);
 * - daily-billed usage is due 00:00–00:15 the next day and never after 01:00.
 * The day boundary is Beijing time [UNCONFIRMED: the docs give clock times without a zone; KooGallery
 * bills China-site accounts in Beijing time]. A period ending exactly on the hour belongs to the hour before.
 */
export type BillingCycle = 'hourly' | 'daily';
export type Timeliness = 'on_time' | 'late' | 'overdue';

export interface ReportingWindow {
  opensAt: number;
  /** Due by: the marketplace collects at this moment. */
  closesAt: number;
  /** After this, the push is overdue (hourly: 2 h after closing; daily: 01:00). */
  lateUntil: number;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
const MINUTE_MS = 60_000;
const BEIJING_OFFSET_MS = 8 * HOUR_MS;
/** begin_time may be at most 21 days old when pushed (MKT.9004). */
export const EXPIRY_MS = 21 * DAY_MS;

export function reportingWindow(endAt: number, cycle: BillingCycle): ReportingWindow {
  if (cycle === 'hourly') {
    const opensAt = Math.floor((endAt - 1) / HOUR_MS) * HOUR_MS + HOUR_MS;
    return { opensAt, closesAt: opensAt + 15 * MINUTE_MS, lateUntil: opensAt + 15 * MINUTE_MS + 2 * HOUR_MS };
  }
  const beijingDayStart = Math.floor((endAt - 1 + BEIJING_OFFSET_MS) / DAY_MS) * DAY_MS - BEIJING_OFFSET_MS;
  const opensAt = beijingDayStart + DAY_MS;
  return { opensAt, closesAt: opensAt + 15 * MINUTE_MS, lateUntil: opensAt + HOUR_MS };
}

/** How a push accepted at `acceptedAt` (marketplace time) counts against its window. */
export function timeliness(window: ReportingWindow, acceptedAt: number): Timeliness {
  if (acceptedAt <= window.closesAt) return 'on_time';
  return acceptedAt <= window.lateUntil ? 'late' : 'overdue';
}

export function isExpired(beginAt: number, now: number): boolean {
  return beginAt < now - EXPIRY_MS;
}
