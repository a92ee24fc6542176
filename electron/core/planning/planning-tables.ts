import type { PlanningState } from '../conventions';
import type { SqliteDatabase } from '../db';

/** A product's business plan as stored (and as a source lists it, in the sandbox's field names; `approval` is the state). */
export interface PlanRecord {
  product_id: string;
  product_name: string;
  approval: PlanningState;
  reason: string | null;
  submitted_at: number | null;
  origin: 'source' | 'local';
  updated_at: number;
  /** GMV (fen) and projects for 当年及后两年; null where not filled. */
  years: { year: number; gmv_fen: number | null; projects: number | null }[];
}

export const PLAN_FIELDS = [
  'product_id',
  'product_name',
  'approval',
  'reason',
  'submitted_at',
  'origin',
  'updated_at',
] as const satisfies readonly (keyof PlanRecord)[];

/** The `business_plans` and `business_plan_years` tables: every statement that touches them. */
export class PlanningTables {
  constructor(private readonly db: SqliteDatabase) {}

  plan(productId: string): Omit<PlanRecord, 'years'> | null {
    return (this.db.prepare('SELECT * FROM business_plans WHERE product_id = ?').get(productId) as Omit<PlanRecord, 'years'> | undefined) ?? null;
  }

  /** Writes a plan and its years (the years replaced whole). */
  write({ years, ...plan }: PlanRecord): void {
    this.db
      .prepare(
        `INSERT INTO business_plans (${PLAN_FIELDS.join(', ')}) VALUES (${PLAN_FIELDS.map((c) => '@' + c).join(', ')})
         ON CONFLICT (product_id) DO UPDATE SET ${PLAN_FIELDS.slice(1)
           .map((c) => `${c} = excluded.${c}`)
           .join(', ')}`,
      )
      .run(plan);
    this.db.prepare('DELETE FROM business_plan_years WHERE product_id = ?').run(plan.product_id);
    const add = this.db.prepare('INSERT INTO business_plan_years (product_id, year, gmv_fen, projects) VALUES (?, ?, ?, ?)');
    for (const y of years) add.run(plan.product_id, y.year, y.gmv_fen, y.projects);
  }

  setApproval(productId: string, approval: PlanningState, reason: string | null, now: number): void {
    this.db.prepare('UPDATE business_plans SET approval = ?, reason = ?, updated_at = ? WHERE product_id = ?').run(approval, reason, now, productId);
  }

  /** Every product with a plan row (the products 商业规划 applies to), by id. */
  products(): Map<string, string> {
    const rows = this.db.prepare('SELECT product_id AS id, product_name AS name FROM business_plans').all() as { id: string; name: string }[];
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
