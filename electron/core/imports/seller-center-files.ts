import crypto from 'node:crypto';
import orderAliases from '../../../resources/header-aliases/orders.json';
import billAliases from '../../../resources/header-aliases/bills.json';
import detailAliases from '../../../resources/header-aliases/transaction-details.json';
import {
  billingPeriodOf,
  billingPeriodStart,
  normalizeText,
  parseAmountFen,
  parseBeijingTime,
  parseBillingPeriod,
  parseTerm,
  termCodes,
  termLabel,
  type VocabularyGroup,
} from '../conventions';
import type { BillRecord, BillsTable } from '../bills';
import type { ReasonParams } from '../contract';
import type { OrderRecord, OrdersTable } from '../orders';
import type { DetailRecord, TransactionDetailsTable } from '../transaction-details';
import { HeaderMatcher } from './header-matching';

export type SellerCenterFileKindName = 'orders' | 'transaction_details' | 'bills';

export interface CellProblem {
  field: string;
  /** In English, for logs and scripts. */
  reason: string;
  /** What the UI words it with (`rows.<key>`), and its values. */
  key: string;
  params?: ReasonParams;
}

type Fields = Record<string, unknown>;

/** The cache tables a Seller Center file is written to. */
export interface ImportTables {
  orders: OrdersTable;
  details: TransactionDetailsTable;
  bills: BillsTable;
}

/** One kind of Seller Center export file: its headers, required columns, how a row becomes a record, where it goes. */
export interface SellerCenterFileKind<R = unknown> {
  kind: SellerCenterFileKindName;
  label: string;
  headers: HeaderMatcher;
  required: string[];
  parse(fields: Fields): { record: R } | { problems: CellProblem[] };
  /**
   * Writes the staged records, a batch per call, inside the import's one transaction; `finish` runs
   * last in it. `intoEmpty`: the import fills tables that were empty (inserts first, see insertElseUpsert).
   */
  writer(tables: ImportTables, now: number, intoEmpty: boolean): { write(records: R[]): void; finish(): void };
  /** Moves in the rows a writer wrote into the same tables of the attached database `schema` (see ImportStaging). */
  copy(tables: ImportTables, schema: string): void;
  /** The tables the records go to: loaded in bulk (indexes built at the end) when they are empty. */
  tables: string[];
}

/** A batch writer from a writer of one record. */
function eachRecord<R>(write: (record: R) => void): (records: R[]) => void {
  return (records) => {
    for (const record of records) write(record);
  };
}

/** Reads the cells of one row, collecting every problem instead of stopping at the first. */
class RowReader {
  readonly problems: CellProblem[] = [];
  /** Each cell's text, normalized once however often it is asked for. */
  private readonly texts: Record<string, string> = {};

  constructor(private readonly fields: Fields) {}

  has(key: string): boolean {
    return this.textOf(key) !== '';
  }

  /** Optional text: null when the file has no such column or the cell is empty (the cache keeps its value). */
  optional(key: string): string | null {
    return this.textOf(key) || null;
  }

  text(key: string, max = 256): string {
    const value = this.textOf(key);
    if (!value) this.problem(key, 'required', 'required');
    else if (value.length > max) this.problem(key, `at most ${max} characters`, 'tooLong', { max, length: value.length });
    return value;
  }

  money(key: string, required = true): number | null {
    if (!required && !this.has(key)) return null;
    const fen = parseAmountFen(this.fields[key]);
    if (fen === null) this.problem(key, `expected an amount like ¥1,234.56, got "${this.textOf(key)}"`, 'amount', { got: this.textOf(key) });
    return fen;
  }

  time(key: string, required = true): number | null {
    if (!required && !this.has(key)) return null;
    const at = parseBeijingTime(this.fields[key]);
    if (at === null)
      this.problem(key, `expected a date/time like 2026-11-24 13:05:00 (Beijing time) or an Excel date, got "${this.textOf(key)}"`, 'dateTime', {
        got: this.textOf(key),
      });
    return at;
  }

  /** A code of the shared vocabulary, from the Seller Center's word for it. */
  code(key: string, group: VocabularyGroup): string | null {
    const raw = this.textOf(key);
    if (!raw) {
      this.problem(key, 'required', 'required');
      return null;
    }
    const code = termOf(group, raw);
    if (!code) {
      const expected = termCodes(group)
        .map((c) => termLabel(group, c))
        .join(' / ');
      this.problem(key, `expected one of ${expected}, got "${raw}"`, 'code', { expected, got: raw });
    }
    return code;
  }

  /** Like `code`, but null when the file has no such column or the cell is empty (the cache keeps its value). */
  optionalCode(key: string, group: VocabularyGroup): string | null {
    return this.has(key) ? this.code(key, group) : null;
  }

  problem(field: string, reason: string, key: string, params?: ReasonParams): void {
    this.problems.push({ field, reason, key, ...(params ? { params } : {}) });
  }

  result<R>(record: R): { record: R } | { problems: CellProblem[] } {
    return this.problems.length ? { problems: this.problems } : { record };
  }

  private textOf(key: string): string {
    return (this.texts[key] ??= normalizeText(this.fields[key]));
  }
}

/** The words a file spells its codes with, looked up once each (a column such as 订单状态 holds a handful of words over all its rows). */
const knownTerms = new Map<string, string>();
const KNOWN_TERMS_LIMIT = 10_000;

function termOf(group: VocabularyGroup, word: string): string | null {
  const key = `${group}\u0000${word}`;
  const known = knownTerms.get(key);
  if (known !== undefined) return known;
  const code = parseTerm(group, word);
  if (code !== null && knownTerms.size < KNOWN_TERMS_LIMIT) knownTerms.set(key, code);
  return code;
}

export const ORDERS_FILE: SellerCenterFileKind<OrderRecord> = {
  kind: 'orders',
  label: '订单',
  headers: new HeaderMatcher(orderAliases),
  required: ['order_id', 'status', 'created_at'],
  parse(fields) {
    const cells = new RowReader(fields);
    // read in the export's column order, so a row's problems are listed as the seller sees the cells
    const orderId = cells.text('order_id', 64);
    const orderType = cells.optionalCode('order_type', 'orderType');
    const status = cells.code('status', 'orderStatus');
    const productType = cells.optionalCode('product_type', 'productType');
    const productName = cells.optional('product_name');
    const amount = cells.money('amount', false);
    const createdAt = cells.time('created_at') ?? 0;
    const paidAt = cells.time('paid_at', false);
    const chargingMode = cells.optionalCode('charging_mode', 'chargingMode');
    return cells.result({
      order_id: orderId,
      order_type: orderType,
      status,
      product_type: productType,
      product_name: productName,
      customer_name: cells.optional('customer_name'),
      user_name: cells.optional('user_name'),
      amount_fen: amount,
      created_at: createdAt,
      paid_at: paidAt,
      updated_at: paidAt ?? createdAt,
      // the export has one row per order; its charging mode becomes the order's single line
      lines: chargingMode
        ? [
            {
              order_line_id: `${orderId}-000001`,
              product_id: null,
              product_name: productName,
              sku_code: null,
              charging_mode: chargingMode,
              period_type: null,
              period_number: null,
              instance_id: null,
              expire_at: null,
              amount_fen: amount,
            },
          ]
        : [],
    });
  },
  writer: ({ orders }, _now, intoEmpty) => ({ write: orders.bulkWriter('import', intoEmpty), finish: () => void orders.rebuildSearchIfStale() }),
  copy: ({ orders }, schema) => orders.copyFrom(schema),
  tables: ['orders', 'order_lines'],
};

export const TRANSACTION_DETAILS_FILE: SellerCenterFileKind<DetailRecord> = {
  kind: 'transaction_details',
  label: '交易明细',
  headers: new HeaderMatcher(detailAliases),
  required: ['order_id', 'transaction_at', 'amount'],
  parse(fields) {
    const cells = new RowReader(fields);
    const orderId = cells.text('order_id', 64);
    const at = cells.time('transaction_at') ?? 0;
    const amount = cells.money('amount') ?? 0;
    const lineId = cells.optional('order_line_id');
    return cells.result({
      // Seller Center's export has no row id [UNCONFIRMED]: derive one, so re-imports update instead of duplicating
      detail_id: cells.optional('detail_id') ?? `imp-${crypto.createHash('sha256').update(`${orderId}|${lineId}|${at}|${amount}`).digest('hex').slice(0, 32)}`,
      order_id: orderId,
      order_line_id: lineId,
      product_type: cells.optionalCode('product_type', 'productType'),
      product_name: cells.optional('product_name'),
      customer_account: cells.optional('customer_account'),
      charging_mode: cells.optionalCode('charging_mode', 'chargingMode'),
      billing_period: parseBillingPeriod(fields.billing_period) ?? billingPeriodOf(at),
      transaction_at: at,
      billing_status: cells.optionalCode('billing_status', 'billingStatus'),
      supervision_status: cells.optional('supervision_status'),
      amount_fen: amount,
      settlement_amount_fen: cells.money('settlement_amount', false),
      ops_fee_ratio: cells.optional('ops_fee_ratio')?.replace(/^-$/, '') || null,
      updated_at: at,
    });
  },
  writer: ({ details }, _now, intoEmpty) => ({ write: eachRecord(details.bulkWriter('import', intoEmpty)), finish: () => undefined }),
  copy: ({ details }, schema) => details.copyFrom(schema),
  tables: ['transaction_details'],
};

/** 账单: one row per bill (the full column list is [UNCONFIRMED]; see resources/header-aliases/bills.json). */
export const BILLS_FILE: SellerCenterFileKind<BillRecord> = {
  kind: 'bills',
  label: '账单',
  headers: new HeaderMatcher(billAliases),
  required: ['bill_id', 'billing_period', 'amount'],
  parse(fields) {
    const cells = new RowReader(fields);
    const billId = cells.text('bill_id', 64);
    const period = parseBillingPeriod(fields.billing_period);
    const got = normalizeText(fields.billing_period);
    if (period === null) cells.problem('billing_period', `expected a billing period like 2026-11, got "${got}"`, 'billingPeriod', { got });
    const status = normalizeText(fields.status);
    if (status.length > 32) cells.problem('status', 'at most 32 characters', 'tooLong', { max: 32, length: status.length });
    return cells.result({
      bill_id: billId,
      billing_period: period ?? '',
      period_start: period === null ? 0 : billingPeriodStart(period),
      product_type: cells.optionalCode('product_type', 'productType') ?? 'general',
      amount_fen: cells.money('amount') ?? 0,
      settlement_amount_fen: cells.money('settlement_amount', false),
      status,
      generated_at: cells.time('generated_at', false),
    });
  },
  writer: ({ bills }, now) => ({ write: eachRecord(bills.bulkWriter(now)), finish: () => undefined }),
  copy: ({ bills }, schema) => bills.copyFrom(schema),
  tables: ['bills'],
};

export const SELLER_CENTER_FILES: Record<SellerCenterFileKindName, SellerCenterFileKind> = {
  orders: ORDERS_FILE as SellerCenterFileKind,
  transaction_details: TRANSACTION_DETAILS_FILE as SellerCenterFileKind,
  bills: BILLS_FILE as SellerCenterFileKind,
};
