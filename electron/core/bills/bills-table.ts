import { copyTable, type SqliteDatabase } from '../db';

/** One bill (账单) as Seller Center's export gives it; KooGallery has no bill API. */
export interface BillRecord {
  bill_id: string;
  billing_period: string;
  /** The billing month's first instant (Beijing time): the key of newest-first pages. */
  period_start: number;
  product_type: string;
  amount_fen: number;
  settlement_amount_fen: number | null;
  status: string;
  generated_at: number | null;
}

/** The `bills` table: every statement that writes it. A re-imported bill takes the file's values. */
export class BillsTable {
  private readonly upsert;

  constructor(private readonly db: SqliteDatabase) {
    this.upsert = db.prepare(
      `INSERT INTO bills (bill_id, billing_period, period_start, product_type, amount_fen, settlement_amount_fen, status, generated_at, source, updated_at)
       VALUES (@bill_id, @billing_period, @period_start, @product_type, @amount_fen, @settlement_amount_fen, @status, @generated_at, 'import', @updated_at)
       ON CONFLICT (bill_id) DO UPDATE SET billing_period = excluded.billing_period, period_start = excluded.period_start, product_type = excluded.product_type,
         amount_fen = excluded.amount_fen, settlement_amount_fen = excluded.settlement_amount_fen, status = excluded.status,
         generated_at = excluded.generated_at, updated_at = excluded.updated_at`,
    );
  }

  /** A writer for the bills of one import, inside its transaction; `updatedAt` is the import's time. */
  bulkWriter(updatedAt: number): (bill: BillRecord) => void {
    return (bill) => this.upsert.run({ ...bill, updated_at: updatedAt });
  }

  /** Moves in the bills staged in `schema` (an attached scratch database) into a table a bulk load found empty. */
  copyFrom(schema: string): void {
    copyTable(this.db, 'bills', schema);
  }
}
