import { BEIJING_TIME_ZONE } from './beijing-time';
import type { Language } from './vocabulary';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let found = formatters.get(key);
  if (!found) {
    found = make();
    formatters.set(key, found);
  }
  return found;
}

/**
 * "2026-11-24 13:05" in the seller's time zone (Beijing time by default). Called for every visible
 * table cell while scrolling: one cached Intl formatter per zone (Swedish writes dates the ISO way).
 */
export function formatInZone(epochMs: number, timeZone: string): string {
  return formatter(
    `minute:${timeZone}`,
    () =>
      new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  ).format(epochMs);
}

/** The zone's name as a seller reads it: 北京时间 / Beijing time, otherwise its UTC offset (GMT+9). */
export function zoneName(timeZone: string, language: Language): string {
  if (timeZone === BEIJING_TIME_ZONE) return language === 'zh-CN' ? '北京时间' : 'Beijing time';
  const parts = formatter(`offset:${timeZone}`, () => new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })).formatToParts(0);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/** "14:15 (北京时间)": a time of day today, named with its zone (for notifications). */
export function clockTimeInZone(epochMs: number, timeZone: string, language: Language): string {
  return `${formatInZone(epochMs, timeZone).slice(11)} (${zoneName(timeZone, language)})`;
}

/** Whether `timeZone` is an IANA zone this runtime knows (Asia/Shanghai, Europe/Berlin, UTC, …). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
