import crypto from 'node:crypto';
import orderAliases from '../../../resources/header-aliases/orders.json';
import billAliases from '../../../resources/header-aliases/bills.json';
import detailAliases from '../../../resources/header-aliases/transaction-details.json';
import type { SqliteDatabase } from '../db';
import { BILLING_STATUSES, CHARGING_MODES, ORDER_STATUSES, ORDER_TYPES, PRODUCT_TYPES, beijingMonthStart, normalizeText, parseAmountFen, parseBeijingTime, parseBillingPeriod, parseCode } from './value-parsers';

export type ExportKind = 'orders' | 'transaction_details' | 'bills';
export interface CellProblem {
  field: string;
  reason: string;
}
type Fields = Record<string, unknown>;
type Parsed = { values: unknown[] } | { problems: CellProblem[] };

/** One kind of Seller Center export: its header aliases, required columns, row parser and writer. */
export interface ExportKindSpec {
  kind: ExportKind;
  label: string;
  aliases: Record<string, string[]>;
  required: string[];
  parse(fields: Fields): Parsed;
  writer(db: SqliteDatabase): (values: unknown[]) => void;
}

const money = (fields: Fields, key: string, problems: CellProblem[], required = true): number | null => {
  const raw = fields[key];
  if ((raw === undefined || normalizeText(raw) === '') && !required) return null;
  const fen = parseAmountFen(raw);
  if (fen === null) problems.push({ field: key, reason: `expected an amount like ¥1,234.56, got "${normalizeText(raw)}"` });
  return fen;
};
const time = (fields: Fields, key: string, problems: CellProblem[], required = true): number | null => {
  const raw = fields[key];
  if ((raw === undefined || normalizeText(raw) === '') && !required) return null;
  const at = parseBeijingTime(raw);
  if (at === null) problems.push({ field: key, reason: `expected a date/time like 2026-11-24 13:05:00 (Beijing time) or an Excel date, got "${normalizeText(raw)}"` });
  return at;
};
const code = (fields: Fields, key: string, table: Record<string, string[]>, problems: CellProblem[], fallback?: string): string | null => {
  const raw = normalizeText(fields[key]);
  if (!raw && fallback !== undefined) return fallback;
  const parsed = parseCode(raw, table);
  if (!parsed) problems.push({ field: key, reason: `expected one of ${Object.values(table).map((w) => w[0]).join(' / ')}, got "${raw}"` });
  return parsed;
};
const text = (fields: Fields, key: string, problems: CellProblem[], max = 256): string => {
  const value = normalizeText(fields[key]);
  if (!value) problems.push({ field: key, reason: 'required' });
  else if (value.length > max) problems.push({ field: key, reason: `at most ${max} characters` });
  return value;
};

export const ORDERS: ExportKindSpec = {
  kind: 'orders',
  label: '订单',
  aliases: orderAliases,
  required: ['order_id', 'status', 'created_at'],
  parse(fields) {
    const problems: CellProblem[] = [];
    const values = [
      text(fields, 'order_id', problems, 64),
      code(fields, 'order_type', ORDER_TYPES, problems, 'NEW'),
      code(fields, 'status', ORDER_STATUSES, problems),
      code(fields, 'product_type', PRODUCT_TYPES, problems, 'general'),
      normalizeText(fields.product_name),
      normalizeText(fields.customer_name),
      normalizeText(fields.user_name),
      money(fields, 'amount', problems, false) ?? 0,
      time(fields, 'created_at', problems),
      time(fields, 'paid_at', problems, false),
      normalizeText(fields.charging_mode) ? code(fields, 'charging_mode', CHARGING_MODES, problems) : null,
    ];
    return problems.length ? { problems } : { values };
  },
  writer(db) {
    const order = db.prepare(
      `INSERT INTO orders (order_id, order_type, status, product_type, product_name, customer_name, user_name, amount_fen, created_at, paid_at, source, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'import', ?)
       ON CONFLICT (order_id) DO UPDATE SET order_type = excluded.order_type, status = excluded.status, product_type = excluded.product_type,
         product_name = excluded.product_name, customer_name = excluded.customer_name, user_name = excluded.user_name,
         amount_fen = excluded.amount_fen, paid_at = excluded.paid_at, updated_at = excluded.updated_at`,
    );
    const line = db.prepare(
      `INSERT INTO order_lines (order_line_id, order_id, product_id, product_name, charging_mode, amount_fen, updated_at)
       VALUES (?, ?, '', ?, ?, ?, ?) ON CONFLICT (order_line_id) DO UPDATE SET charging_mode = excluded.charging_mode, amount_fen = excluded.amount_fen`,
    );
    return (v) => {
      const updatedAt = (v[9] as number | null) ?? (v[8] as number);
      order.run(...v.slice(0, 10), updatedAt);
      if (v[10]) line.run(`${String(v[0])}-000001`, v[0], v[4], v[10], v[7], updatedAt);
    };
  },
};

export const TRANSACTION_DETAILS: ExportKindSpec = {
  kind: 'transaction_details',
  label: '交易明细',
  aliases: detailAliases,
  required: ['order_id', 'transaction_at', 'amount'],
  parse(fields) {
    const problems: CellProblem[] = [];
    const orderId = text(fields, 'order_id', problems, 64);
    const at = time(fields, 'transaction_at', problems);
    const amount = money(fields, 'amount', problems);
    const settlement = money(fields, 'settlement_amount', problems, false);
    const lineId = normalizeText(fields.order_line_id) || null;
    const billingPeriod = parseBillingPeriod(fields.billing_period) ?? (at !== null ? new Date(at + 8 * 3_600_000).toISOString().slice(0, 7) : '');
    const values = [
      // Seller Center's export has no row id [UNCONFIRMED]: derive one, so re-imports update instead of duplicating
      normalizeText(fields.detail_id) || `imp-${crypto.createHash('sha256').update(`${orderId}|${lineId}|${at}|${amount}`).digest('hex').slice(0, 32)}`,
      orderId,
      lineId,
      code(fields, 'product_type', PRODUCT_TYPES, problems, 'general'),
      normalizeText(fields.product_name),
      normalizeText(fields.customer_account),
      normalizeText(fields.charging_mode) ? code(fields, 'charging_mode', CHARGING_MODES, problems) : 'PERIOD',
      billingPeriod,
      at,
      code(fields, 'billing_status', BILLING_STATUSES, problems, 'unbilled'),
      normalizeText(fields.supervision_status) || null,
      amount,
      settlement ?? amount,
      normalizeText(fields.ops_fee_ratio).replace(/^-$/, '') || null,
    ];
    return problems.length ? { problems } : { values };
  },
  writer(db) {
    const upsert = db.prepare(
      `INSERT INTO transaction_details (detail_id, order_id, order_line_id, product_type, product_name, customer_account, charging_mode, billing_period,
         transaction_at, billing_status, supervision_status, amount_fen, settlement_amount_fen, ops_fee_ratio, source, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'import', ?)
       ON CONFLICT (detail_id) DO UPDATE SET billing_status = excluded.billing_status, supervision_status = excluded.supervision_status,
         settlement_amount_fen = excluded.settlement_amount_fen, ops_fee_ratio = excluded.ops_fee_ratio, updated_at = excluded.updated_at`,
    );
    return (v) => upsert.run(...v, v[8]);
  },
};

/** 账单: one row per bill (the full column list is [UNCONFIRMED]; see resources/header-aliases/bills.json). */
export const BILLS: ExportKindSpec = {
  kind: 'bills',
  label: '账单',
  aliases: billAliases,
  required: ['bill_id', 'billing_period', 'amount'],
  parse(fields) {
    const problems: CellProblem[] = [];
    const billId = text(fields, 'bill_id', problems, 64);
    const period = parseBillingPeriod(fields.billing_period);
    if (period === null) problems.push({ field: 'billing_period', reason: `expected a billing period like 2026-11, got "${normalizeText(fields.billing_period)}"` });
    const status = normalizeText(fields.status);
    if (status.length > 32) problems.push({ field: 'status', reason: 'at most 32 characters' });
    const values = [
      billId,
      period,
      period === null ? null : beijingMonthStart(period),
      code(fields, 'product_type', PRODUCT_TYPES, problems, 'general'),
      money(fields, 'amount', problems),
      money(fields, 'settlement_amount', problems, false),
      status,
      time(fields, 'generated_at', problems, false),
    ];
    return problems.length ? { problems } : { values };
  },
  writer(db) {
    const upsert = db.prepare(
      `INSERT INTO bills (bill_id, billing_period, period_start, product_type, amount_fen, settlement_amount_fen, status, generated_at, source, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'import', ?)
       ON CONFLICT (bill_id) DO UPDATE SET billing_period = excluded.billing_period, period_start = excluded.period_start, product_type = excluded.product_type,
         amount_fen = excluded.amount_fen, settlement_amount_fen = excluded.settlement_amount_fen, status = excluded.status,
         generated_at = excluded.generated_at, updated_at = excluded.updated_at`,
    );
    return (v) => upsert.run(...v, Date.now());
  },
};

export const EXPORT_KINDS: Record<ExportKind, ExportKindSpec> = { orders: ORDERS, transaction_details: TRANSACTION_DETAILS, bills: BILLS };
