import type { SqliteDatabase } from '../db';

/**
 * Upkeep of the order search index (FTS5 trigram over order number, customer, user and product
 * name, external content = the orders table). Bulk loads rebuild it in one pass; until then it is
 * marked stale in the loads' own transactions, and a start after a crash rebuilds it.
 */
const INDEX = 'orders_search';
const SEARCHED = 'order_id, customer_name, user_name, product_name';

/** Call inside the transaction that writes orders without reindexing them. */
export function markOrderSearchStale(db: SqliteDatabase): void {
  db.prepare('INSERT OR IGNORE INTO stale_search_indexes (index_name) VALUES (?)').run(INDEX);
}

/** Rebuilds the index from the orders table in one pass, and clears the stale mark with it. */
export function rebuildOrderSearch(db: SqliteDatabase): void {
  db.transaction(() => {
    db.prepare(`INSERT INTO orders_search (orders_search) VALUES ('rebuild')`).run();
    db.prepare('DELETE FROM stale_search_indexes WHERE index_name = ?').run(INDEX);
  })();
}

/** Rebuilds the index if a load (or a crash in the middle of one) left it behind; says whether it did. */
export function rebuildOrderSearchIfStale(db: SqliteDatabase): boolean {
  const stale = db.prepare('SELECT 1 FROM stale_search_indexes WHERE index_name = ?').get(INDEX) !== undefined;
  if (stale) rebuildOrderSearch(db);
  return stale;
}

/** Writes one order (`write`) and keeps its entry in the index in step, in one transaction. */
export function writeOrderReindexed(db: SqliteDatabase, orderId: string, write: () => void): void {
  const indexed = db.prepare(`SELECT rowid, ${SEARCHED} FROM orders WHERE order_id = ?`);
  db.transaction(() => {
    const before = indexed.get(orderId) as Record<string, unknown> | undefined;
    if (before) db.prepare(`INSERT INTO orders_search (orders_search, rowid, ${SEARCHED}) VALUES ('delete', @rowid, @order_id, @customer_name, @user_name, @product_name)`).run(before);
    write();
    const after = indexed.get(orderId) as Record<string, unknown>;
    db.prepare(`INSERT INTO orders_search (rowid, ${SEARCHED}) VALUES (@rowid, @order_id, @customer_name, @user_name, @product_name)`).run(after);
  })();
}
