import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { formatInZone } from '../../electron/core/conventions';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * Times are stored as UTC epoch ms and shown in the seller's zone (Beijing time by default), as
 * "2026-11-24 13:05" — the same formatter the core uses for export file names.
 */
export const formatTime = formatInZone;

/**
 * A calendar day picked in the UI, as the [start, end) instants of that day in the seller's zone —
 * not the browser's: "2026-06-30" means Beijing's 30 June whatever the laptop's clock says.
 */
export function dayRangeInZone(from: dayjs.Dayjs | null | undefined, to: dayjs.Dayjs | null | undefined, timeZone: string): { from?: number; to?: number } {
  return {
    from: from ? dayjs.tz(from.format('YYYY-MM-DD'), timeZone).valueOf() : undefined,
    to: to ? dayjs.tz(to.format('YYYY-MM-DD'), timeZone).add(1, 'day').valueOf() : undefined,
  };
}
