/**
 * Usage records' times on the wire (koogallery-api.md §1.3): `yyyyMMdd'T'HHmmss'Z'`, always UTC.
 * Shared so the manual form converts the seller's picked time the way the core checks it.
 */
export const SDR_TIME_PATTERN = /^\d{8}T\d{6}Z$/;

export function formatSdrTime(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Parses `yyyyMMdd'T'HHmmss'Z'`; null for a malformed or impossible time (month 13, 31 April…). */
export function parseSdrTime(text: string): number | null {
  if (text.length !== 16 || !SDR_TIME_PATTERN.test(text)) return null;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(4, 6));
  const day = Number(text.slice(6, 8));
  const hour = Number(text.slice(9, 11));
  const minute = Number(text.slice(11, 13));
  const second = Number(text.slice(13, 15));
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}
