import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { Language } from '../../electron/core/contract';
import { formatInZone, zoneName as zoneNameIn } from '../../electron/core/conventions';
import { i18n } from '../i18n';

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

/**
 * Date pickers show the browser's clock; the seller means their own zone's. An instant becomes the
 * picker value showing its wall-clock time in `timeZone`, and back.
 */
export function pickerValueInZone(epochMs: number, timeZone: string): dayjs.Dayjs {
  return dayjs(dayjs(epochMs).tz(timeZone).format('YYYY-MM-DDTHH:mm:ss'));
}

export function instantOfPickerValue(value: dayjs.Dayjs, timeZone: string): number {
  return dayjs.tz(value.format('YYYY-MM-DDTHH:mm:ss'), timeZone).valueOf();
}

/** "2026-11-24 13:05:09": with seconds, for proofs (the attempts log). */
export function formatTimeWithSeconds(epochMs: number, timeZone: string): string {
  return dayjs(epochMs).tz(timeZone).format('YYYY-MM-DD HH:mm:ss');
}

/** The zone's name in the UI's language: 北京时间 / Beijing time, otherwise its UTC offset (GMT+9). */
export function zoneName(timeZone: string): string {
  return zoneNameIn(timeZone, i18n.language as Language);
}
