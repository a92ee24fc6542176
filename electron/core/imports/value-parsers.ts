/** Cell values as Seller Center exports write them, made exact: fen, UTC epoch ms, canonical codes. */

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** NFKC folds full-width digits, letters and punctuation (１２３，ＡＢＣ) into their ASCII forms. */
export function normalizeText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).normalize('NFKC').trim();
}

/** "¥1,234.56", "￥1234.5", "-12.30", 1234.56 → integer fen; null when it is not an amount. */
export function parseAmountFen(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value * 100) : null;
  const text = normalizeText(value).replace(/[¥,\s元]/g, '').replace(/^CNY/i, '');
  const match = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const fen = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -fen : fen;
}

/**
 * A date or time as exported (Beijing time): an Excel serial number, a Date from the XLSX reader
 * (its UTC fields are the displayed local time), or text like 2026-11-24 13:05:00, 2026/11/24,
 * 20261124130500. Returns UTC epoch ms, or null.
 */
export function parseBeijingTime(value: unknown): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime() - BEIJING_OFFSET_MS;
  if (typeof value === 'number') return value > 20_000 && value < 80_000 ? Math.round((value - 25_569) * 86_400_000) - BEIJING_OFFSET_MS : null;
  const text = normalizeText(value);
  const match = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?(?:[ T]?(\d{1,2})[:时]?(\d{2})(?:[:分]?(\d{2}))?)?$/.exec(text);
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(Number(y), month, 0)).getUTCDate() || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  return Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s)) - BEIJING_OFFSET_MS;
}

/** A billing period (账期) as exported: 2026-11, 2026/11, 2026.11, 2026年11月, 202611 → "2026-11"; null otherwise. */
export function parseBillingPeriod(value: unknown): string | null {
  const match = /^(\d{4})[-/.年]?(\d{1,2})月?$/.exec(normalizeText(value));
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return null;
  return `${match[1]}-${match[2]!.padStart(2, '0')}`;
}

/** The first instant of a billing period ("2026-11") in Beijing time, as UTC epoch ms. */
export function beijingMonthStart(period: string): number {
  return Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)) - 1, 1) - BEIJING_OFFSET_MS;
}

/** Seller Center's words (Chinese or English) to the cache's codes; null when not one of them. */
export function parseCode(value: unknown, table: Record<string, string[]>): string | null {
  const text = normalizeText(value).toLowerCase();
  for (const [code, words] of Object.entries(table)) if (code === text || words.some((w) => w.toLowerCase() === text)) return code;
  return null;
}

/** The word Seller Center shows for each code (the first of its words), e.g. for an export's cells. */
export function shownWords(table: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(table).map(([code, words]) => [code, words[0]!]));
}

export const ORDER_STATUSES = { pending_payment: ['待支付', 'Pending payment'], processing: ['处理中', 'Processing'], cancelled: ['已取消', 'Cancelled', 'Canceled'], completed: ['已完成', 'Completed'] };
export const PRODUCT_TYPES = { general: ['通用商品', 'General'], joint_operation: ['联营商品', 'Joint operation'], curated_certified: ['严选&认证部件', '严选商品', 'Curated'], huawei_self_service: ['华为自服务商品', 'Huawei self-service'] };
export const CHARGING_MODES = { PERIOD: ['包周期', '包年/包月', '包年包月', 'Yearly/Monthly'], ONE_TIME: ['按次', 'One-time'], ON_DEMAND: ['按需', 'Pay-per-use'], ON_DEMAND_PKG: ['按需套餐包', '套餐包', 'Package'] };
export const BILLING_STATUSES = { billed: ['已出账', 'Billed'], unbilled: ['待出账', 'Unbilled'] };
export const ORDER_TYPES = { NEW: ['新购', 'New'], RENEW: ['续费', 'Renew'], CHANGE: ['变更', 'Change'], UNSUBSCRIBE: ['退订', 'Unsubscribe'], TRIAL: ['试用', 'Trial'], TRIAL_TO_FORMAL: ['试用转正', 'Trial to formal'] };
