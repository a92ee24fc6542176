import { beijingDayStart, DAY_MS, HOUR_MS, MINUTE_MS } from './beijing-time';

/**
 * Reporting windows for usage records (product.md §3.1, koogallery-api.md §1.5):
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

/** The marketplace collects this long after a window opens. */
const COLLECTED_AFTER_MS = 15 * MINUTE_MS;
/** Hourly usage: "If real-time push is impossible, push within 2 hours." */
const HOURLY_LATE_MS = 2 * HOUR_MS;
/** Daily usage: "never after 01:00". */
const DAILY_LAST_MS = HOUR_MS;
/** begin_time may be at most 21 days old when pushed (MKT.9004). */
export const EXPIRY_MS = 21 * DAY_MS;

/** The window a record whose metering period ends at `endAt` is due in. */
export function reportingWindow(endAt: number, cycle: BillingCycle): ReportingWindow {
  const opensAt = cycle === 'hourly' ? Math.floor((endAt - 1) / HOUR_MS) * HOUR_MS + HOUR_MS : beijingDayStart(endAt - 1) + DAY_MS;
  return windowOpeningAt(opensAt, cycle);
}

/** A window known by its opening (as the outbox stores it). */
export function windowOpeningAt(opensAt: number, cycle: BillingCycle): ReportingWindow {
  const closesAt = opensAt + COLLECTED_AFTER_MS;
  return { opensAt, closesAt, lateUntil: cycle === 'hourly' ? closesAt + HOURLY_LATE_MS : opensAt + DAILY_LAST_MS };
}

/** How a push accepted at `acceptedAt` (marketplace time) counts against its window. */
export function timeliness(window: ReportingWindow, acceptedAt: number): Timeliness {
  if (acceptedAt <= window.closesAt) return 'on_time';
  return acceptedAt <= window.lateUntil ? 'late' : 'overdue';
}

/** KooGallery refuses usage that began more than 21 days before the push. */
export function isExpired(beginAt: number, now: number): boolean {
  return beginAt < now - EXPIRY_MS;
}
