import type { SqliteDatabase } from '../db';

/** One of the seller's products as the source lists it, with its specs when the source gives them. */
export interface ProductRecord {
  product_id: string;
  name: string;
  product_type: string;
  access_type: string | null;
  status: string | null;
  updated_at: number;
  /** The product's specs (规格); null: the source does not say (the cached ones stay). */
  skus: { sku_code: string; name: string }[] | null;
}

export const PRODUCT_FIELDS = [
  'product_id',
  'name',
  'product_type',
  'access_type',
  'status',
  'updated_at',
  'skus',
] as const satisfies readonly (keyof ProductRecord)[];

/** A product as the sales tools pick it: its type (通用/联营 …), whether it is on sale, its specs. */
export interface ProductChoice {
  productId: string;
  name: string;
  productType: string;
  onSale: boolean;
  skus: { skuCode: string; name: string }[];
}

/** The `products` and `product_skus` tables: every statement that touches them. */
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
    const clearSkus = this.db.prepare('DELETE FROM product_skus WHERE product_id = ?');
    const addSku = this.db.prepare('INSERT INTO product_skus (product_id, sku_code, name) VALUES (?, ?, ?)');
    return ({ skus, ...product }) => {
      upsert.run({ ...product, source });
      if (!skus) return;
      clearSkus.run(product.product_id);
      for (const sku of skus) addSku.run(product.product_id, sku.sku_code, sku.name);
    };
  }

  /** One product with its specs; null when it is not cached. */
  choice(productId: string): ProductChoice | null {
    return this.choices('WHERE p.product_id = @productId', { productId })[0] ?? null;
  }

  /** Products of a type (通用商品, 联营商品 …), by name; `onSaleOnly` keeps those on sale. */
  ofType(productType: string, onSaleOnly: boolean): ProductChoice[] {
    const onSale = onSaleOnly ? ` AND p.status = 'on_sale'` : '';
    return this.choices(`WHERE p.product_type = @productType${onSale}`, { productType });
  }

  private choices(where: string, params: Record<string, unknown>): ProductChoice[] {
    const rows = this.db
      .prepare(
        `SELECT p.product_id AS productId, p.name, p.product_type AS productType, p.status,
           (SELECT json_group_array(json_object('skuCode', s.sku_code, 'name', s.name)) FROM product_skus s WHERE s.product_id = p.product_id) AS skus
         FROM products p ${where} ORDER BY p.name, p.product_id`,
      )
      .all(params) as { productId: string; name: string; productType: string; status: string | null; skus: string }[];
    return rows.map(({ status, skus, ...row }) => ({ ...row, onSale: status === 'on_sale', skus: JSON.parse(skus) as ProductChoice['skus'] }));
  }
}
