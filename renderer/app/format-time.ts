import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Times are stored as UTC epoch ms and shown in the seller's zone (Beijing time by default). */
export function formatTime(epochMs: number, timeZone: string): string {
  return dayjs.utc(epochMs).tz(timeZone).format('YYYY-MM-DD HH:mm');
}
