import type { SqliteDatabase } from '../db';

/** One of the seller's products as the source lists it. */
export interface ProductRecord {
  product_id: string;
  name: string;
  product_type: string;
  access_type: string | null;
  status: string | null;
  updated_at: number;
}

export const PRODUCT_FIELDS = ['product_id', 'name', 'product_type', 'access_type', 'status', 'updated_at'] as const satisfies readonly (keyof ProductRecord)[];

/** The `products` table: every statement that touches it. */
export class ProductsTable {
  constructor(private readonly db: SqliteDatabase) {}

  /** A writer for many products from a source, inside the caller's transactions (a sync page). */
  bulkWriter(source: string): (product: ProductRecord) => void {
    const upsert = this.db.prepare(
      `INSERT INTO products (product_id, name, product_type, access_type, status, source, updated_at)
       VALUES (@product_id, @name, @product_type, @access_type, @status, @source, @updated_at)
       ON CONFLICT (product_id) DO UPDATE SET name = excluded.name, product_type = excluded.product_type, access_type = excluded.access_type,
         status = excluded.status, source = excluded.source, updated_at = excluded.updated_at`,
    );
    return (product) => upsert.run({ ...product, source });
  }
}
