import type { SyncResource } from '../contract';
import type { OrderRecord, OrdersTable } from '../orders';
import type { ProductRecord, ProductsTable } from '../products';
import type { TicketRecord, TicketsTable } from '../tickets';
import type { DetailRecord, TransactionDetailsTable } from '../transaction-details';

/** The cache tables a sync writes. */
export interface SyncTables {
  orders: OrdersTable;
  details: TransactionDetailsTable;
  tickets: TicketsTable;
  products: ProductsTable;
}

type Item = Record<string, unknown>;

export interface PageWriter {
  /** Writes one page's items, inside the page's transaction. */
  write(items: Item[]): void;
  /** After the last page (or a cancel): what a bulk load leaves to do (the order search). */
  finish(): void;
}

/**
 * List items in the shape of the sandbox's list endpoints (the reference list API; a future
 * connector maps to it), turned into the tables' records and written with the tables' one upsert.
 */
export function pageWriter(tables: SyncTables, resource: SyncResource, source: 'sandbox' | 'koogallery'): PageWriter {
  switch (resource) {
    case 'orders': {
      const write = tables.orders.bulkWriter(source);
      return { write: (items) => items.forEach((item) => write(orderRecord(item))), finish: () => void tables.orders.rebuildSearchIfStale() };
    }
    case 'transaction_details': {
      const write = tables.details.bulkWriter(source);
      return { write: (items) => items.forEach((item) => write(pick<DetailRecord>(item, DETAIL_KEYS))), finish: () => undefined };
    }
    case 'tickets': {
      const write = tables.tickets.bulkWriter();
      return { write: (items) => items.forEach((item) => write(pick<TicketRecord>(item, TICKET_KEYS))), finish: () => undefined };
    }
    case 'products': {
      const write = tables.products.bulkWriter(source);
      return { write: (items) => items.forEach((item) => write(pick<ProductRecord>(item, PRODUCT_KEYS))), finish: () => undefined };
    }
  }
}

const ORDER_KEYS = ['order_id', 'order_type', 'status', 'product_type', 'product_name', 'amount_fen', 'created_at', 'paid_at', 'updated_at'] as const;
const LINE_KEYS = [
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
] as const;
const DETAIL_KEYS = [
  'detail_id',
  'order_id',
  'order_line_id',
  'product_type',
  'product_name',
  'customer_account',
  'charging_mode',
  'billing_period',
  'transaction_at',
  'billing_status',
  'supervision_status',
  'amount_fen',
  'settlement_amount_fen',
  'ops_fee_ratio',
  'updated_at',
] as const;
const TICKET_KEYS = [
  'ticket_id',
  'title',
  'status',
  'priority',
  'product_id',
  'product_name',
  'customer_name',
  'assignee',
  'waiting_on_me',
  'sla_due_at',
  'created_at',
  'updated_at',
] as const;
const PRODUCT_KEYS = ['product_id', 'name', 'product_type', 'access_type', 'status', 'updated_at'] as const;

/** Exactly the record's fields, a missing one as null (the statements bind every field by name). */
function pick<R>(item: Item, keys: readonly string[]): R {
  const record: Item = {};
  for (const key of keys) record[key] = item[key] ?? null;
  return record as R;
}

function orderRecord(item: Item): OrderRecord {
  const customer = (item.customer ?? {}) as Item;
  return {
    ...pick<Omit<OrderRecord, 'customer_name' | 'user_name' | 'lines'>>(item, ORDER_KEYS),
    customer_name: (customer.customer_name as string | undefined) ?? null,
    user_name: (customer.user_name as string | undefined) ?? null,
    lines: ((item.lines ?? []) as Item[]).map((line) => pick(line, LINE_KEYS)),
  };
}
