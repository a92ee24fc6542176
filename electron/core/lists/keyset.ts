/**
 * Keyset pages over a fixed two-column descending order (time, id): a page after a known row costs
 * the same at row 10 as at row 999,990. A jump to an arbitrary row (a dragged scrollbar) uses OFFSET
 * on the same index once, then pages continue by key.
 */
import type { SqliteDatabase } from '../db';
import { rememberedCount } from './count-cache';

export interface PageKey {
  time: number;
  id: string;
}

export interface Condition {
  sql: string;
  params: Record<string, unknown>;
}

export interface PageSpec {
  table: string;
  columns: string;
  timeColumn: string;
  idColumn: string;
  conditions: Condition[];
  limit: number;
  after: PageKey | null;
  offset: number;
}

/**
 * One review list (订单列表, 交易明细, 账单, 客户工单): its table, the columns a row carries, the
 * newest-first key, and how the page's filters become conditions. Pages, counts and exports all
 * read through it, so an export selects exactly what the page shows.
 */
export interface ReviewList<Filters, Row> {
  table: string;
  columns: string;
  timeColumn: string;
  idColumn: string;
  conditions(filters: Filters): Condition[];
  /** The (time, id) key of a row as returned, for the next page. */
  key(row: Row): PageKey;
  /** Turns a row from SQLite into the contract's shape, when they differ. */
  fromDb?(row: Record<string, unknown>): Row;
}

export interface PageRequest<Filters> {
  filters: Filters;
  limit: number;
  after: PageKey | null;
  offset: number;
}

/** Beyond this many matching rows the UI shows "1,000,000+" (the design volume is 1,000,000). */
export const COUNT_CAP = 1_000_000;

export function readPage<F, R>(
  db: SqliteDatabase,
  list: ReviewList<F, R>,
  { filters, limit, after, offset }: PageRequest<F>,
): { rows: R[]; next: PageKey | null } {
  const { sql, params } = pageSql({ ...list, conditions: list.conditions(filters), limit, after, offset });
  const raw = db.prepare(sql).all(params) as Record<string, unknown>[];
  const rows = list.fromDb ? raw.map(list.fromDb) : (raw as R[]);
  const last = rows.at(-1);
  return { rows, next: rows.length === limit && last ? list.key(last) : null };
}

export function countMatches<F, R>(db: SqliteDatabase, list: ReviewList<F, R>, filters: F): { count: number; exact: boolean } {
  const { sql, params } = countSql(list.table, list.conditions(filters));
  const n = rememberedCount(db, sql, params);
  return { count: Math.min(n, COUNT_CAP), exact: n <= COUNT_CAP };
}

export function pageSql(spec: PageSpec): { sql: string; params: Record<string, unknown> } {
  const conditions = [...spec.conditions];
  if (spec.after) {
    conditions.push({
      sql: `(${spec.timeColumn} < @afterTime OR (${spec.timeColumn} = @afterTime AND ${spec.idColumn} < @afterId))`,
      params: { afterTime: spec.after.time, afterId: spec.after.id },
    });
  }
  const { where, params } = joinConditions(conditions);
  return {
    sql: `SELECT ${spec.columns} FROM ${spec.table} ${where} ORDER BY ${spec.timeColumn} DESC, ${spec.idColumn} DESC LIMIT @limit OFFSET @offset`,
    params: { ...params, limit: spec.limit, offset: spec.after ? 0 : spec.offset },
  };
}

/**
 * How many rows match. A plain COUNT(*) — SQLite counts a whole table from its b-tree without
 * reading rows, and a filter from the filter's index — is faster here than counting through a
 * LIMIT subquery (0.2 ms vs 36 ms for 1,000,000 transaction details; 19 ms vs 29 ms for one tab).
 */
export function countSql(table: string, conditions: Condition[]): { sql: string; params: Record<string, unknown> } {
  const { where, params } = joinConditions(conditions);
  return { sql: `SELECT COUNT(*) AS n FROM ${table} ${where}`, params };
}

export function joinConditions(conditions: Condition[]): { where: string; params: Record<string, unknown> } {
  if (conditions.length === 0) return { where: '', params: {} };
  return { where: `WHERE ${conditions.map((c) => c.sql).join(' AND ')}`, params: Object.assign({}, ...conditions.map((c) => c.params)) };
}

/** Adds `column = value` when the filter is set. */
export function equals(conditions: Condition[], column: string, value: unknown, name = column): void {
  if (value !== undefined && value !== null && value !== '') conditions.push({ sql: `${column} = @${name}`, params: { [name]: value } });
}

export function between(conditions: Condition[], column: string, from: number | undefined, to: number | undefined): void {
  if (from !== undefined) conditions.push({ sql: `${column} >= @${column}_from`, params: { [`${column}_from`]: from } });
  if (to !== undefined) conditions.push({ sql: `${column} < @${column}_to`, params: { [`${column}_to`]: to } });
}

/** Prefix match that can use the column's index (a range, not LIKE). */
export function startsWith(conditions: Condition[], column: string, prefix: string | undefined): void {
  if (prefix)
    conditions.push({ sql: `${column} >= @${column}_p AND ${column} < @${column}_q`, params: { [`${column}_p`]: prefix, [`${column}_q`]: `${prefix}\uffff` } });
}
