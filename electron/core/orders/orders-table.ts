import type { z } from 'zod';
import { CoreError, type orderLineSchema, type orderRowSchema } from '../contract';
import { copyTable, multiRowInsert, positionalStatement, type SqliteDatabase } from '../db';

/**
 * One order as any source gives it (sync, Seller Center import, 刷新). A field the source does not
 * know is null and keeps what the cache has; a new order gets the stated default.
 */
export interface OrderRecord {
  order_id: string;
  /** default NEW */
  order_type: string | null;
  /** default completed (KooGallery's order query carries no status) */
  status: string | null;
  /** default general */
  product_type: string | null;
  product_name: string | null;
  customer_name: string | null;
  user_name: string | null;
  /** default 0 */
  amount_fen: number | null;
  created_at: number;
  paid_at: number | null;
  updated_at: number;
  lines: OrderLineRecord[];
}

export interface OrderLineRecord {
  order_line_id: string;
  product_id: string | null;
  product_name: string | null;
  sku_code: string | null;
  charging_mode: string;
  period_type: string | null;
  period_number: number | null;
  instance_id: string | null;
  expire_at: number | null;
  amount_fen: number | null;
}

/** The fields of an order and of its lines as a source lists them (the customer's names and the lines come apart). */
export const ORDER_FIELDS = [
  'order_id',
  'order_type',
  'status',
  'product_type',
  'product_name',
  'amount_fen',
  'created_at',
  'paid_at',
  'updated_at',
] as const satisfies readonly (keyof OrderRecord)[];
export const ORDER_LINE_FIELDS = [
  'order_line_id',
  'product_id',
  'product_name',
  'sku_code',
  'charging_mode',
  'period_type',
  'period_number',
  'instance_id',
  'expire_at',
  'amount_fen',
] as const satisfies readonly (keyof OrderLineRecord)[];

export type OrderSource = 'sandbox' | 'koogallery' | 'import' | 'api';

const SEARCH_INDEX = 'orders_search';

/** A new order, with the stated defaults for what the source left out. */
const INSERT_ORDER = `INTO orders (order_id, order_type, status, product_type, product_name, customer_name, user_name, amount_fen, created_at, paid_at, source, updated_at)
  VALUES (@order_id, COALESCE(@order_type, 'NEW'), COALESCE(@status, 'completed'), COALESCE(@product_type, 'general'), COALESCE(@product_name, ''),
    COALESCE(@customer_name, ''), COALESCE(@user_name, ''), COALESCE(@amount_fen, 0), @created_at, @paid_at, @source, @updated_at)`;
/** A new order line, likewise. */
const INSERT_LINE = `INTO order_lines (order_line_id, order_id, product_id, product_name, sku_code, charging_mode, period_type, period_number, instance_id, expire_at, amount_fen, updated_at)
  VALUES (@order_line_id, @order_id, COALESCE(@product_id, ''), COALESCE(@product_name, ''), @sku_code, @charging_mode, @period_type, @period_number,
    @instance_id, @expire_at, COALESCE(@amount_fen, 0), @updated_at)`;

/** Orders (and lines) per INSERT statement when a bulk load fills empty tables. */
const ORDERS_PER_INSERT = 25;
/** An order's columns as a multi-row insert takes them from the record, and a line's (its order's id and time added). */
const ORDER_ROW = [
  'order_id',
  'order_type',
  'status',
  'product_type',
  'product_name',
  'customer_name',
  'user_name',
  'amount_fen',
  'created_at',
  'paid_at',
  'updated_at',
] as const satisfies readonly (keyof OrderRecord)[];
const LINE_ROW = [...ORDER_LINE_FIELDS, 'order_id', 'updated_at'] as const;
const SEARCHED = 'order_id, customer_name, user_name, product_name';

/**
 * The `orders`, `order_lines` and `orders_search` tables: every statement that touches them, one
 * upsert policy for every source, and the upkeep of the order search (FTS5 trigram over order
 * number, customer, user and product name, external content = orders). A single order is reindexed
 * in its own transaction; a bulk load marks the index stale in its transactions and rebuilds it in
 * one pass when done (a start after a crash rebuilds it too). The upserts read `@name` again only
 * where `excluded.name` holds a default instead of what was sent (one value fewer bound per row).
 */
export class OrdersTable {
  private readonly upsertOrder;
  private readonly upsertLine;
  private readonly indexed;

  constructor(private readonly db: SqliteDatabase) {
    this.upsertOrder = positionalStatement(
      db,
      `INSERT ${INSERT_ORDER}
       ON CONFLICT (order_id) DO UPDATE SET order_type = COALESCE(@order_type, order_type), status = COALESCE(@status, status),
         product_type = COALESCE(@product_type, product_type), product_name = COALESCE(@product_name, product_name),
         customer_name = COALESCE(@customer_name, customer_name), user_name = COALESCE(@user_name, user_name),
         amount_fen = COALESCE(@amount_fen, amount_fen), paid_at = COALESCE(excluded.paid_at, paid_at), source = excluded.source, updated_at = excluded.updated_at`,
    );
    this.upsertLine = positionalStatement(
      db,
      `INSERT ${INSERT_LINE}
       ON CONFLICT (order_line_id) DO UPDATE SET product_id = COALESCE(@product_id, product_id), product_name = COALESCE(@product_name, product_name),
         sku_code = COALESCE(excluded.sku_code, sku_code), charging_mode = excluded.charging_mode, period_type = COALESCE(excluded.period_type, period_type),
         period_number = COALESCE(excluded.period_number, period_number), instance_id = COALESCE(excluded.instance_id, instance_id),
         expire_at = COALESCE(excluded.expire_at, expire_at), amount_fen = COALESCE(@amount_fen, amount_fen), updated_at = excluded.updated_at`,
    );
    this.indexed = db.prepare(`SELECT rowid, ${SEARCHED} FROM orders WHERE order_id = ?`);
  }

  /** One order, its search entry kept in step, in one transaction (刷新). */
  upsert(order: OrderRecord, source: OrderSource): void {
    this.db.transaction(() => {
      const before = this.indexed.get(order.order_id) as Record<string, unknown> | undefined;
      if (before)
        this.db
          .prepare(
            `INSERT INTO orders_search (orders_search, rowid, ${SEARCHED}) VALUES ('delete', @rowid, @order_id, @customer_name, @user_name, @product_name)`,
          )
          .run(before);
      this.write(order, source);
      this.db
        .prepare(`INSERT INTO orders_search (rowid, ${SEARCHED}) VALUES (@rowid, @order_id, @customer_name, @user_name, @product_name)`)
        .run(this.indexed.get(order.order_id));
    })();
  }

  /**
   * A writer for many orders, a batch per call inside the caller's transaction (a sync page, an
   * import's batch): each call marks the search index stale, in that transaction; call
   * `rebuildSearchIfStale` when the load is done. Into tables a bulk load found empty, a batch's
   * orders and then their lines are inserted 25 to a statement, through the upsert only for a group
   * in which one was already written (multiRowInsert): the import's staging thread took 200,000
   * orders in 2.3-3.0 s instead of 3.5-4.6 s, one insert per order and per line.
   */
  bulkWriter(source: OrderSource, intoEmpty = false): (orders: readonly OrderRecord[]) => void {
    const markStale = this.markStaleStatement();
    if (!intoEmpty)
      return (orders) => {
        markStale.run(SEARCH_INDEX);
        for (const order of orders) this.write(order, source);
      };
    const insertOrders = multiRowInsert(this.db, `INSERT OR IGNORE ${INSERT_ORDER}`, ORDERS_PER_INSERT);
    const insertLines = multiRowInsert(this.db, `INSERT OR IGNORE ${INSERT_LINE}`, ORDERS_PER_INSERT);
    return (orders) => {
      markStale.run(SEARCH_INDEX);
      const orderRows = orders.map((order) => ORDER_ROW.map((field) => order[field]));
      insertOrders.runRows(ORDER_ROW, orderRows, { source }, this.upsertOrder);
      const lineRows = orders.flatMap((order) =>
        order.lines.map((line) => [...ORDER_LINE_FIELDS.map((field) => line[field]), order.order_id, order.updated_at]),
      );
      insertLines.runRows(LINE_ROW, lineRows, undefined, this.upsertLine);
    };
  }

  /**
   * Moves in the orders and lines staged in `schema` (an attached scratch database, see
   * ImportStaging) into tables a bulk load found empty, inside the caller's transaction; the search
   * index is marked stale, as by a bulk writer. The lines may be copied with foreign keys not
   * enforced (`withoutForeignKeys`): each was staged with its order, and any that has none fails the copy.
   */
  copyFrom(schema: string): void {
    this.markStaleStatement().run(SEARCH_INDEX);
    copyTable(this.db, 'orders', schema);
    copyTable(this.db, 'order_lines', schema);
    const orphan = this.db.prepare(`SELECT rowid FROM pragma_foreign_key_check('order_lines') LIMIT 1`).pluck().get();
    if (orphan !== undefined) throw new Error(`order line ${String(orphan)} (rowid) was staged without its order; nothing was imported`);
  }

  /** Rebuilds the search index if a bulk load (or a crash in the middle of one) left it behind; says whether it did. */
  rebuildSearchIfStale(): boolean {
    const stale = this.db.prepare('SELECT 1 FROM stale_search_indexes WHERE index_name = ?').get(SEARCH_INDEX) !== undefined;
    if (stale) {
      this.db.transaction(() => {
        this.db.prepare(`INSERT INTO orders_search (orders_search) VALUES ('rebuild')`).run();
        this.db.prepare('DELETE FROM stale_search_indexes WHERE index_name = ?').run(SEARCH_INDEX);
      })();
    }
    return stale;
  }

  private markStaleStatement() {
    return this.db.prepare('INSERT OR IGNORE INTO stale_search_indexes (index_name) VALUES (?)');
  }

  withLines(orderId: string): { order: OrderRow; lines: OrderLine[] } {
    const order = this.db.prepare(`SELECT ${ORDER_COLUMNS} FROM orders WHERE order_id = ?`).get(orderId) as OrderRow | undefined;
    if (!order) throw new CoreError('NOT_FOUND', `Order ${orderId} is not in the local cache`, { reason: 'order.notInCache', params: { orderId } });
    const lines = this.db.prepare(`SELECT ${LINE_COLUMNS} FROM order_lines WHERE order_id = ? ORDER BY order_line_id`).all(orderId) as OrderLine[];
    return { order, lines };
  }

  /** Pay-per-use order lines with an instance: the instances usage can be reported for. */
  payPerUseInstances(): { instanceId: string; productName: string; customerName: string }[] {
    return this.db
      .prepare(
        `SELECT l.instance_id AS instanceId, l.product_name AS productName, o.customer_name AS customerName
         FROM order_lines l JOIN orders o ON o.order_id = l.order_id
         WHERE l.instance_id IS NOT NULL AND l.charging_mode IN ('ON_DEMAND', 'ON_DEMAND_PKG')
         ORDER BY o.created_at DESC LIMIT 5000`,
      )
      .all() as { instanceId: string; productName: string; customerName: string }[];
  }

  private write(order: OrderRecord, source: OrderSource): void {
    this.upsertOrder(order, { source });
    const ofOrder = { order_id: order.order_id, updated_at: order.updated_at };
    for (const line of order.lines) this.upsertLine(line, ofOrder);
  }
}

/** The columns a page row carries, named as the contract names them. */
export const ORDER_COLUMNS = `order_id AS orderId, order_type AS orderType, status, product_type AS productType, product_name AS productName,
  customer_name AS customerName, user_name AS userName, amount_fen AS amountFen, created_at AS createdAt, paid_at AS paidAt`;

const LINE_COLUMNS = `order_line_id AS orderLineId, product_id AS productId, product_name AS productName, sku_code AS skuCode, charging_mode AS chargingMode,
  period_type AS periodType, period_number AS periodNumber, instance_id AS instanceId, expire_at AS expireAt, amount_fen AS amountFen`;

export type OrderRow = z.infer<typeof orderRowSchema>;
export type OrderLine = z.infer<typeof orderLineSchema>;
