import type { ListingStep } from '../conventions';
import type { SqliteDatabase } from '../db';

/** A ticked step of a product as stored. */
export interface ListingStepRecord {
  product_id: string;
  step: ListingStep;
  done: boolean;
  /** The Beijing day it was done (YYYY-MM-DD). */
  done_on: string | null;
  note: string | null;
  updated_at: number;
}

/** A product as the readiness page lists it (from the products cache). */
export interface ListingProduct {
  productId: string;
  name: string;
  productType: string;
  accessType: string | null;
  status: string | null;
}

/** One user-guide check as stored: the result the service answered, whole. */
export interface GuideCheckRecord {
  product_id: string;
  kind: string;
  file_name: string;
  size: number;
  extracted: boolean;
  passed: boolean;
  result: unknown;
  checked_at: number;
}

/** How many checks per product the history keeps showing (all are kept). */
const HISTORY_LIMIT = 50;

/** The `listing_steps` and `listing_guide_checks` tables (and the products cache, read only): every statement that touches them. */
export class ListingTables {
  constructor(private readonly db: SqliteDatabase) {}

  product(productId: string): ListingProduct | null {
    return (this.db.prepare(`SELECT ${PRODUCT_COLUMNS} FROM products WHERE product_id = ?`).get(productId) as ListingProduct | undefined) ?? null;
  }

  /** Every cached product, by name. */
  products(): ListingProduct[] {
    return this.db.prepare(`SELECT ${PRODUCT_COLUMNS} FROM products ORDER BY name, product_id`).all() as ListingProduct[];
  }

  steps(productId: string): ListingStepRecord[] {
    const rows = this.db.prepare('SELECT * FROM listing_steps WHERE product_id = ?').all(productId) as (Omit<ListingStepRecord, 'done'> & { done: number })[];
    return rows.map((row) => ({ ...row, done: row.done === 1 }));
  }

  /** Every product's ticked steps, by product. */
  allSteps(): Map<string, ListingStepRecord[]> {
    const byProduct = new Map<string, ListingStepRecord[]>();
    const rows = this.db.prepare('SELECT * FROM listing_steps').all() as (Omit<ListingStepRecord, 'done'> & { done: number })[];
    for (const row of rows) {
      const list = byProduct.get(row.product_id) ?? [];
      list.push({ ...row, done: row.done === 1 });
      byProduct.set(row.product_id, list);
    }
    return byProduct;
  }

  writeStep(record: ListingStepRecord): void {
    this.db
      .prepare(
        `INSERT INTO listing_steps (product_id, step, done, done_on, note, updated_at) VALUES (@product_id, @step, @done, @done_on, @note, @updated_at)
         ON CONFLICT (product_id, step) DO UPDATE SET done = excluded.done, done_on = excluded.done_on, note = excluded.note, updated_at = excluded.updated_at`,
      )
      .run({ ...record, done: record.done ? 1 : 0 });
  }

  addCheck(check: GuideCheckRecord): void {
    this.db
      .prepare(
        `INSERT INTO listing_guide_checks (product_id, kind, file_name, size, extracted, passed, result_json, checked_at)
         VALUES (@product_id, @kind, @file_name, @size, @extracted, @passed, @result_json, @checked_at)`,
      )
      .run({
        product_id: check.product_id,
        kind: check.kind,
        file_name: check.file_name,
        size: check.size,
        extracted: check.extracted ? 1 : 0,
        passed: check.passed ? 1 : 0,
        result_json: JSON.stringify(check.result),
        checked_at: check.checked_at,
      });
  }

  /** A product's checks, newest first (the first is the last result). */
  checks(productId: string, limit = HISTORY_LIMIT): unknown[] {
    const rows = this.db
      .prepare('SELECT result_json FROM listing_guide_checks WHERE product_id = ? ORDER BY checked_at DESC, id DESC LIMIT ?')
      .pluck()
      .all(productId, limit) as string[];
    return rows.map((json) => JSON.parse(json) as unknown);
  }

  /** Each product's last check: whether it passed, and when. */
  lastChecks(): Map<string, { passed: boolean; checkedAt: number }> {
    const rows = this.db
      .prepare(
        `SELECT product_id, passed, checked_at FROM listing_guide_checks c
         WHERE id = (SELECT id FROM listing_guide_checks WHERE product_id = c.product_id ORDER BY checked_at DESC, id DESC LIMIT 1)`,
      )
      .all() as { product_id: string; passed: number; checked_at: number }[];
    return new Map(rows.map((row) => [row.product_id, { passed: row.passed === 1, checkedAt: row.checked_at }]));
  }
}

const PRODUCT_COLUMNS = 'product_id AS productId, name, product_type AS productType, access_type AS accessType, status';
