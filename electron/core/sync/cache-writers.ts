import type { SqliteDatabase } from '../db';
import type { SyncResource } from '../contract/status.contract';

type Item = Record<string, unknown>;

/**
 * Idempotent upserts of list items into the cache, one prepared statement set per resource. The
 * shapes are the sandbox list endpoints' (the reference list API); a future connector maps to them.
 */
export function cacheWriter(db: SqliteDatabase, resource: SyncResource, source: string): (items: Item[]) => void {
  const write = WRITERS[resource](db, source);
  return (items) => {
    for (const item of items) write(item);
  };
}

const WRITERS: Record<SyncResource, (db: SqliteDatabase, source: string) => (item: Item) => void> = {
  products: (db, source) => {
    const upsert = db.prepare(
      `INSERT INTO products (product_id, name, product_type, access_type, status, source, updated_at)
       VALUES (@product_id, @name, @product_type, @access_type, @status, @source, @updated_at)
       ON CONFLICT (product_id) DO UPDATE SET name = excluded.name, product_type = excluded.product_type, access_type = excluded.access_type,
         status = excluded.status, source = excluded.source, updated_at = excluded.updated_at`,
    );
    return (item) => upsert.run({ ...pick(item, ['product_id', 'name', 'product_type', 'access_type', 'status', 'updated_at']), source });
  },
  orders: (db, source) => {
    const upsertOrder = db.prepare(
      `INSERT INTO orders (order_id, order_type, status, product_type, product_name, customer_name, user_name, amount_fen, created_at, paid_at, source, updated_at)
       VALUES (@order_id, @order_type, @status, @product_type, @product_name, @customer_name, @user_name, @amount_fen, @created_at, @paid_at, @source, @updated_at)
       ON CONFLICT (order_id) DO UPDATE SET order_type = excluded.order_type, status = excluded.status, product_type = excluded.product_type,
         product_name = excluded.product_name, customer_name = excluded.customer_name, user_name = excluded.user_name, amount_fen = excluded.amount_fen,
         paid_at = excluded.paid_at, source = excluded.source, updated_at = excluded.updated_at`,
    );
    const upsertLine = db.prepare(
      `INSERT INTO order_lines (order_line_id, order_id, product_id, product_name, sku_code, charging_mode, period_type, period_number, instance_id, expire_at, amount_fen, updated_at)
       VALUES (@order_line_id, @order_id, @product_id, @product_name, @sku_code, @charging_mode, @period_type, @period_number, @instance_id, @expire_at, @amount_fen, @updated_at)
       ON CONFLICT (order_line_id) DO UPDATE SET product_id = excluded.product_id, product_name = excluded.product_name, sku_code = excluded.sku_code,
         charging_mode = excluded.charging_mode, period_type = excluded.period_type, period_number = excluded.period_number, instance_id = excluded.instance_id,
         expire_at = excluded.expire_at, amount_fen = excluded.amount_fen, updated_at = excluded.updated_at`,
    );
    return (item) => {
      const customer = (item.customer ?? {}) as Item;
      upsertOrder.run({
        ...pick(item, ['order_id', 'order_type', 'status', 'product_type', 'product_name', 'amount_fen', 'created_at', 'paid_at', 'updated_at']),
        customer_name: customer.customer_name ?? '',
        user_name: customer.user_name ?? '',
        source,
      });
      for (const line of (item.lines ?? []) as Item[]) {
        upsertLine.run({
          ...pick(line, ['order_line_id', 'product_id', 'product_name', 'sku_code', 'charging_mode', 'period_type', 'period_number', 'instance_id', 'expire_at', 'amount_fen']),
          order_id: item.order_id,
          updated_at: item.updated_at,
        });
      }
    };
  },
  transaction_details: (db, source) => {
    const columns = ['detail_id', 'order_id', 'order_line_id', 'product_type', 'product_name', 'customer_account', 'charging_mode', 'billing_period', 'transaction_at', 'billing_status', 'supervision_status', 'amount_fen', 'settlement_amount_fen', 'ops_fee_ratio', 'updated_at'];
    const upsert = db.prepare(
      `INSERT INTO transaction_details (${columns.join(', ')}, source) VALUES (${columns.map((c) => '@' + c).join(', ')}, @source)
       ON CONFLICT (detail_id) DO UPDATE SET ${columns.slice(1).map((c) => `${c} = excluded.${c}`).join(', ')}, source = excluded.source`,
    );
    return (item) => upsert.run({ ...pick(item, columns), source });
  },
  tickets: (db) => {
    const columns = ['ticket_id', 'title', 'status', 'priority', 'product_id', 'product_name', 'customer_name', 'assignee', 'waiting_on_me', 'sla_due_at', 'created_at', 'updated_at'];
    // a product authorized to a sub-account keeps its tickets in that queue; a reply or close made
    // here wins over an older state from the source
    const upsert = db.prepare(
      `INSERT INTO tickets (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})
       ON CONFLICT (ticket_id) DO UPDATE SET ${columns.slice(1).map((c) => `${c} = excluded.${c}`).join(', ')}
       WHERE NOT EXISTS (SELECT 1 FROM ticket_actions a WHERE a.ticket_id = excluded.ticket_id AND a.created_at > excluded.updated_at)`,
    );
    const authorized = db.prepare('SELECT sub_account FROM product_authorizations WHERE product_id = ?').pluck();
    return (item) => {
      const subAccount = item.product_id ? (authorized.get(item.product_id) as string | undefined) : undefined;
      upsert.run({ ...pick(item, columns), waiting_on_me: item.waiting_on_me ? 1 : 0, ...(subAccount && item.status !== 'closed' ? { assignee: subAccount } : {}) });
    };
  },
};

function pick(item: Item, keys: string[]): Item {
  const out: Item = {};
  for (const key of keys) out[key] = item[key] ?? null;
  return out;
}
