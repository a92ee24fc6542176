import type { z } from 'zod';
import type { orderFiltersSchema } from '../contract/review.contract';
import type { ExportSelection, ExportTableName, usageRecordExportFiltersSchema } from '../contract/exports.contract';
import type { SqliteDatabase } from '../db';
import { BILL_LIST } from '../review/bills';
import { countSql, joinConditions, type Condition, type ReviewList } from '../review/keyset';
import { ORDER_LIST } from '../review/orders';
import { TICKET_LIST } from '../review/tickets';
import { DETAIL_LIST } from '../review/transaction-details';
import {
  BILLING_STATUSES as BILLING_STATUS_WORDS,
  CHARGING_MODES as CHARGING_MODE_WORDS,
  ORDER_STATUSES as ORDER_STATUS_WORDS,
  ORDER_TYPES as ORDER_TYPE_WORDS,
  PRODUCT_TYPES as PRODUCT_TYPE_WORDS,
  shownWords,
} from '../imports/value-parsers';
import type { ExportColumn } from './writers';

/** One exported column: what the writer needs, the SQL that reads it, and labels for codes. */
export interface ExportField extends ExportColumn {
  sql: string;
  labels?: Record<string, string>;
}

export interface Query {
  sql: string;
  params: Record<string, unknown>;
}

/** Rows the filters select that an export leaves out, and why (a code the UI explains). */
export interface LeftOut {
  reason: 'ON_DEMAND' | 'ON_DEMAND_PKG' | 'NO_CHARGING_MODE';
  rows: number;
}

/** What one table exports: its title (sheet and file name), columns, and the rows its page's filters select. */
export interface ExportTable<F> {
  title: string;
  fields: ExportField[];
  /** Every row the filters select, in the page's order, one value per field. */
  rows(filters: F): Query;
  /** How many rows `rows` returns (for progress and time left). */
  count(db: SqliteDatabase, filters: F): number;
  leftOut?(db: SqliteDatabase, filters: F): LeftOut[];
}

// the words an import reads are the words an export writes
const PRODUCT_TYPES = shownWords(PRODUCT_TYPE_WORDS);
const CHARGING_MODES = shownWords(CHARGING_MODE_WORDS);
const ORDER_STATUSES = shownWords(ORDER_STATUS_WORDS);
const ORDER_TYPES = shownWords(ORDER_TYPE_WORDS);
const BILLING_STATUSES = shownWords(BILLING_STATUS_WORDS);
const TICKET_STATUSES = { pending: '待受理', processing: '处理中', awaiting_customer: '待客户确认', closed: '已关闭' };
const PRIORITIES = { high: '高', medium: '中', low: '低' };
const USAGE_STATES = { queued: '待发送', sending: '发送中', accepted: '已接受', rejected: '已拒绝', anomaly: '异常', expired: '已过期' };
const TIMELINESS = { on_time: '准时', late: '迟报', overdue: '超时' };
const BILLING_CYCLES = { hourly: '按小时', daily: '按天' };
const YES_NO = { 1: '是', 0: '否' };

const text = (header: string, sql: string, width: number, labels?: Record<string, string>): ExportField => ({ header, type: 'text', sql, width, ...(labels ? { labels } : {}) });
const amount = (header: string, sql: string): ExportField => ({ header, type: 'amount', sql, width: 14 });
const integer = (header: string, sql: string, width = 10): ExportField => ({ header, type: 'integer', sql, width });
const date = (header: string, sql: string): ExportField => ({ header, type: 'date', sql, width: 20 });

/** A review page's list, exported: same table, same conditions, same newest-first order. */
function reviewListExport<F, R>(list: ReviewList<F, R>, title: string, fields: ExportField[]): ExportTable<F> {
  return {
    title,
    fields,
    rows(filters) {
      const { where, params } = joinConditions(list.conditions(filters));
      return { sql: `SELECT ${fields.map((f) => f.sql).join(', ')} FROM ${list.table} ${where} ORDER BY ${list.timeColumn} DESC, ${list.idColumn} DESC`, params };
    },
    count: (db, filters) => countRows(db, list.table, list.conditions(filters)),
  };
}

function countRows(db: SqliteDatabase, table: string, conditions: Condition[]): number {
  const { sql, params } = countSql(table, conditions);
  return (db.prepare(sql).get(params) as { n: number }).n;
}

/** Seller Center exports orders' transaction details for 包周期 and 按次 products only (product.md §3.2). */
const EXPORTED_MODES = `('PERIOD', 'ONE_TIME')`;

type OrderFilters = z.infer<typeof orderFiltersSchema>;
const ORDER_FIELDS: ExportField[] = [
  text('订单号', 'o.order_id', 22),
  text('订单类型', 'o.order_type', 10, ORDER_TYPES),
  text('订单状态', 'o.status', 10, ORDER_STATUSES),
  text('商品类型', 'o.product_type', 14, PRODUCT_TYPES),
  text('商品名称', 'l.product_name', 28),
  text('客户名称', 'o.customer_name', 28),
  text('用户名', 'o.user_name', 14),
  text('订单行ID', 'l.order_line_id', 28),
  text('计费模式', 'l.charging_mode', 10, CHARGING_MODES),
  text('SKU', 'l.sku_code', 16),
  integer('周期数', 'l.period_number', 8),
  text('周期单位', 'l.period_type', 8, { month: '月', year: '年', day: '天' }),
  amount('订单金额', 'o.amount_fen'),
  amount('订单行金额', 'l.amount_fen'),
  date('创建时间', 'o.created_at'),
  date('支付时间', 'o.paid_at'),
  date('到期时间', 'l.expire_at'),
];

/** The filtered orders, as a subquery: the page's conditions name the orders table's own columns. */
function filteredOrders(filters: OrderFilters): Query {
  const { where, params } = joinConditions(ORDER_LIST.conditions(filters));
  return { sql: `(SELECT * FROM orders ${where})`, params };
}

const ORDERS_EXPORT: ExportTable<OrderFilters> = {
  title: '订单列表',
  fields: ORDER_FIELDS,
  rows(filters) {
    const orders = filteredOrders(filters);
    return {
      sql: `SELECT ${ORDER_FIELDS.map((f) => f.sql).join(', ')} FROM ${orders.sql} o JOIN order_lines l ON l.order_id = o.order_id
            WHERE l.charging_mode IN ${EXPORTED_MODES} ORDER BY o.created_at DESC, o.order_id DESC, l.order_line_id`,
      params: orders.params,
    };
  },
  count(db, filters) {
    const orders = filteredOrders(filters);
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${orders.sql} o JOIN order_lines l ON l.order_id = o.order_id WHERE l.charging_mode IN ${EXPORTED_MODES}`).get(orders.params) as { n: number }).n;
  },
  leftOut(db, filters) {
    const orders = filteredOrders(filters);
    const byMode = db
      .prepare(`SELECT l.charging_mode AS reason, COUNT(*) AS rows FROM ${orders.sql} o JOIN order_lines l ON l.order_id = o.order_id WHERE l.charging_mode NOT IN ${EXPORTED_MODES} GROUP BY l.charging_mode`)
      .all(orders.params) as LeftOut[];
    const withoutLines = (db.prepare(`SELECT COUNT(*) AS n FROM ${orders.sql} o WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.order_id)`).get(orders.params) as { n: number }).n;
    return [...byMode, ...(withoutLines > 0 ? [{ reason: 'NO_CHARGING_MODE' as const, rows: withoutLines }] : [])];
  },
};

const DETAILS_EXPORT = reviewListExport(DETAIL_LIST, '交易明细', [
  text('订单号', 'order_id', 22),
  text('订单行ID', 'order_line_id', 28),
  text('交易明细ID', 'detail_id', 20),
  text('商品类型', 'product_type', 14, PRODUCT_TYPES),
  text('商品名称', 'product_name', 28),
  text('客户账号', 'customer_account', 16),
  text('计费模式', 'charging_mode', 10, CHARGING_MODES),
  text('账期', 'billing_period', 9),
  date('交易时间', 'transaction_at'),
  text('出账状态', 'billing_status', 9, BILLING_STATUSES),
  text('服务监管状态', 'supervision_status', 12),
  amount('交易金额', 'amount_fen'),
  amount('结算金额', 'settlement_amount_fen'),
  amount('运营管理费', 'amount_fen - settlement_amount_fen'),
  text('运营管理费比例', 'ops_fee_ratio', 12),
]);

const BILLS_EXPORT = reviewListExport(BILL_LIST, '账单', [
  text('账单编号', 'bill_id', 20),
  text('账期', 'billing_period', 9),
  text('商品类型', 'product_type', 14, PRODUCT_TYPES),
  amount('账单金额', 'amount_fen'),
  amount('结算金额', 'settlement_amount_fen'),
  text('账单状态', 'status', 14),
  date('出账时间', 'generated_at'),
]);

const TICKETS_EXPORT = reviewListExport(TICKET_LIST, '客户工单', [
  text('工单号', 'ticket_id', 20),
  text('标题', 'title', 36),
  text('状态', 'status', 10, TICKET_STATUSES),
  text('优先级', 'priority', 8, PRIORITIES),
  text('商品名称', 'product_name', 28),
  text('客户名称', 'customer_name', 28),
  text('处理人', 'assignee', 12, { main: '主账号' }),
  text('待我处理', 'waiting_on_me', 9, YES_NO),
  date('SLA到期时间', 'sla_due_at'),
  date('创建时间', 'created_at'),
  date('更新时间', 'updated_at'),
]);

type UsageRecordFilters = z.infer<typeof usageRecordExportFiltersSchema>;
function usageRecordConditions(filters: UsageRecordFilters): Condition[] {
  const conditions: Condition[] = [];
  if (filters.windowOpensAt !== undefined) conditions.push({ sql: 'window_opens_at = @windowOpensAt', params: { windowOpensAt: filters.windowOpensAt } });
  if (filters.state !== undefined) conditions.push({ sql: 'state = @state', params: { state: filters.state } });
  return conditions;
}
const USAGE_RECORD_FIELDS: ExportField[] = [
  text('话单流水号(metering_sn)', 'metering_sn', 40),
  text('实例ID', 'instance_id', 24),
  date('开始时间', 'begin_at'),
  date('结束时间', 'end_at'),
  text('用量', 'usage_value', 12),
  text('计费周期', 'billing_cycle', 9, BILLING_CYCLES),
  date('上报窗口开始', 'window_opens_at'),
  text('状态', 'state', 9, USAGE_STATES),
  text('及时性', 'timeliness', 8, TIMELINESS),
  integer('发送次数', 'attempts', 9),
  text('错误码', 'last_error_code', 12),
  text('错误信息', 'last_error_message', 36),
  date('接受时间', 'accepted_at'),
];
const USAGE_RECORDS_EXPORT: ExportTable<UsageRecordFilters> = {
  title: '话单',
  fields: USAGE_RECORD_FIELDS,
  rows(filters) {
    const { where, params } = joinConditions(usageRecordConditions(filters));
    return { sql: `SELECT ${USAGE_RECORD_FIELDS.map((f) => f.sql).join(', ')} FROM usage_records ${where} ORDER BY window_opens_at DESC, id`, params };
  },
  count: (db, filters) => countRows(db, 'usage_records', usageRecordConditions(filters)),
};

const ATTEMPT_FIELDS: ExportField[] = [
  date('发送时间', 'started_at'),
  date('完成时间', 'finished_at'),
  text('ts', 'ts', 15),
  text('nonce', 'nonce', 36),
  text('请求体SHA-256', 'body_sha256', 66),
  integer('记录数', 'record_count', 8),
  integer('HTTP状态', 'http_status', 9),
  text('错误码', 'code', 12),
  text('消息', 'message', 36),
  text('结果', 'outcome', 12),
];
const UPLOAD_ATTEMPTS_EXPORT: ExportTable<object> = {
  title: '话单上传记录',
  fields: ATTEMPT_FIELDS,
  rows: () => ({ sql: `SELECT ${ATTEMPT_FIELDS.map((f) => f.sql).join(', ')} FROM upload_attempts ORDER BY id DESC`, params: {} }),
  count: (db) => countRows(db, 'upload_attempts', []),
};

/** 话单 SLA report: one row per reporting window, the counts 话单管理 shows and the on-time ratio. */
const WINDOW_FIELDS: ExportField[] = [
  date('上报窗口开始', 'window_opens_at'),
  date('上报窗口结束', 'MAX(window_closes_at)'),
  text('计费周期', 'billing_cycle', 9, BILLING_CYCLES),
  integer('话单数', 'COUNT(*)'),
  integer('待发送', `SUM(state IN ('queued', 'sending'))`),
  integer('准时', `SUM(state = 'accepted' AND timeliness = 'on_time')`),
  integer('迟报', `SUM(state = 'accepted' AND timeliness = 'late')`),
  integer('超时', `SUM(state = 'accepted' AND timeliness = 'overdue')`),
  integer('拒绝', `SUM(state = 'rejected')`),
  integer('过期', `SUM(state = 'expired')`),
  integer('异常', `SUM(state = 'anomaly')`),
  text('准时率', `printf('%.1f%%', 100.0 * SUM(state = 'accepted' AND timeliness = 'on_time') / COUNT(*))`, 9),
];
const USAGE_WINDOWS_EXPORT: ExportTable<object> = {
  title: '话单准时率',
  fields: WINDOW_FIELDS,
  rows: () => ({ sql: `SELECT ${WINDOW_FIELDS.map((f) => f.sql).join(', ')} FROM usage_records GROUP BY window_opens_at, billing_cycle ORDER BY window_opens_at DESC`, params: {} }),
  count: (db) => (db.prepare('SELECT COUNT(*) AS n FROM (SELECT 1 FROM usage_records GROUP BY window_opens_at, billing_cycle)').get() as { n: number }).n,
};

/** Every exportable table, each taking its own page's filters. */
export const EXPORT_TABLES: { [T in ExportTableName]: ExportTable<Extract<ExportSelection, { table: T }>['filters']> } = {
  orders: ORDERS_EXPORT,
  transaction_details: DETAILS_EXPORT,
  bills: BILLS_EXPORT,
  tickets: TICKETS_EXPORT,
  usage_records: USAGE_RECORDS_EXPORT,
  upload_attempts: UPLOAD_ATTEMPTS_EXPORT,
  usage_windows: USAGE_WINDOWS_EXPORT,
};

/** A row as SQLite returns it, with codes turned into the Seller Center's words. */
export function labelled(fields: ExportField[]): (row: unknown[]) => unknown[] {
  const labels = fields.map((f) => f.labels ?? null);
  if (labels.every((l) => l === null)) return (row) => row;
  return (row) => {
    for (let i = 0; i < labels.length; i++) {
      const map = labels[i];
      const value = row[i];
      if (map && value !== null && value !== undefined) row[i] = map[String(value)] ?? value;
    }
    return row;
  };
}
