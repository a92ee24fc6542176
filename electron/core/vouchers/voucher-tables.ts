import type { VoucherCategory } from '../conventions';
import type { SqliteDatabase } from '../db';

export type VoucherSubmission = 'draft' | 'submitted' | 'published' | 'rejected';

/** A 代金券 as stored (and as a source lists it, in the sandbox's field names; `status` there is the submission). */
export interface VoucherRecord {
  voucher_id: string;
  name: string;
  voucher_type: 'full_reduction';
  threshold_fen: number;
  discount_fen: number;
  category: VoucherCategory;
  valid_from: number;
  valid_until: number;
  stopped_at: number | null;
  submission: VoucherSubmission;
  reason: string | null;
  origin: 'source' | 'local';
  updated_at: number;
  /** The products (and specs, or every spec when null) it applies to. */
  scope: { product_id: string; sku_code: string | null }[];
}

export const VOUCHER_FIELDS = [
  'voucher_id',
  'name',
  'voucher_type',
  'threshold_fen',
  'discount_fen',
  'category',
  'valid_from',
  'valid_until',
  'stopped_at',
  'submission',
  'reason',
  'origin',
  'updated_at',
] as const satisfies readonly (keyof VoucherRecord)[];

/** The `vouchers` and `voucher_scopes` tables: every statement that touches them. */
export class VoucherTables {
  constructor(private readonly db: SqliteDatabase) {}

  voucher(voucherId: string): Omit<VoucherRecord, 'scope'> | null {
    return (this.db.prepare('SELECT * FROM vouchers WHERE voucher_id = ?').get(voucherId) as Omit<VoucherRecord, 'scope'> | undefined) ?? null;
  }

  /** Writes a voucher and its scope (the scope replaced whole). */
  write({ scope, ...voucher }: VoucherRecord): void {
    this.db
      .prepare(
        `INSERT INTO vouchers (${VOUCHER_FIELDS.join(', ')}) VALUES (${VOUCHER_FIELDS.map((c) => '@' + c).join(', ')})
         ON CONFLICT (voucher_id) DO UPDATE SET ${VOUCHER_FIELDS.slice(1)
           .map((c) => `${c} = excluded.${c}`)
           .join(', ')}`,
      )
      .run(voucher);
    this.db.prepare('DELETE FROM voucher_scopes WHERE voucher_id = ?').run(voucher.voucher_id);
    const add = this.db.prepare('INSERT OR IGNORE INTO voucher_scopes (voucher_id, product_id, sku_code) VALUES (?, ?, ?)');
    for (const s of scope) add.run(voucher.voucher_id, s.product_id, s.sku_code ?? '');
  }

  setSubmission(voucherId: string, submission: VoucherSubmission, reason: string | null, now: number): void {
    this.db.prepare('UPDATE vouchers SET submission = ?, reason = ?, updated_at = ? WHERE voucher_id = ?').run(submission, reason, now, voucherId);
  }

  stop(voucherId: string, now: number): void {
    this.db.prepare('UPDATE vouchers SET stopped_at = ?, updated_at = ? WHERE voucher_id = ?').run(now, now, voucherId);
  }
}
