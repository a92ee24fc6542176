import type { SqliteDatabase } from '../db';
import { vocabularyMessages, type VocabularyGroup } from '../conventions';
import { countSql, joinConditions, orderBy, type Condition, type Query, type ReviewList } from './keyset';

export type ExportColumnType = 'text' | 'amount' | 'integer' | 'date';

/** One column of an exported file, as the XLSX and CSV writers take it. */
export interface ExportColumn {
  /** Chinese header text. */
  header: string;
  /** text: string | null; amount: integer fen (CNY) | null; integer: number | null; date: UTC epoch ms | null */
  type: ExportColumnType;
  /** Column width in characters (XLSX <col width>). */
  width: number;
}

/** One exported column: what the writer needs, the SQL that reads it, and the words for its codes. */
export interface ExportField extends ExportColumn {
  sql: string;
  labels?: Record<string, string>;
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

// exports write the Seller Center's (Chinese) words for codes, the words imports read
const WORDS = vocabularyMessages('zh-CN');

export const textField = (header: string, sql: string, width: number, labels?: VocabularyGroup | Record<string, string>): ExportField => ({
  header,
  type: 'text',
  sql,
  width,
  ...(labels ? { labels: typeof labels === 'string' ? WORDS[labels] : labels } : {}),
});
export const amountField = (header: string, sql: string): ExportField => ({ header, type: 'amount', sql, width: 14 });
export const integerField = (header: string, sql: string, width = 10): ExportField => ({ header, type: 'integer', sql, width });
export const dateField = (header: string, sql: string): ExportField => ({ header, type: 'date', sql, width: 20 });

/** A review page's list, exported: same table, same conditions, same newest-first order. */
export function reviewListExport<F, R>(list: ReviewList<F, R>, title: string, fields: ExportField[]): ExportTable<F> {
  return {
    title,
    fields,
    rows(filters) {
      const { where, params } = joinConditions(list.conditions(filters));
      // a column that depends on the time (a state read at `now`) binds the export's time; unused otherwise
      const asOf = { now: (filters as { now?: number }).now ?? null };
      return {
        sql: `SELECT ${fields.map((f) => f.sql).join(', ')} FROM ${list.table} ${where} ORDER BY ${orderBy(list)}`,
        params: { ...asOf, ...params },
      };
    },
    count: (db, filters) => countRows(db, list.table, list.conditions(filters)),
  };
}

export function countRows(db: SqliteDatabase, table: string, conditions: Condition[]): number {
  const { sql, params } = countSql(table, conditions);
  return (db.prepare(sql).get(params) as { n: number }).n;
}

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
