import type { SyncResource } from '../contract';
import type { BulkLoads } from '../db';
import { itemsOfRows, type ItemRows } from '../marketplace';
import { ORDER_FIELDS, ORDER_LINE_FIELDS, type OrderRecord, type OrdersTable } from '../orders';
import { PRODUCT_FIELDS, type ProductRecord, type ProductsTable } from '../products';
import { TICKET_FIELDS, TICKET_MESSAGE_FIELDS, type TicketMessageRecord, type TicketRecord, type TicketsTable } from '../tickets';
import type { TransactionDetailsTable } from '../transaction-details';

/** The review lists' cache tables a sync writes. */
export interface ReviewTables {
  orders: OrdersTable;
  details: TransactionDetailsTable;
  tickets: TicketsTable;
  products: ProductsTable;
}

/** One list item as a list endpoint returns it. */
export type ListItem = Record<string, unknown>;
type Item = ListItem;

export interface PageWriter {
  /** Writes one page's items, inside the page's transaction. */
  write(rows: ItemRows): void;
  /** After the last page (or a cancel): what a bulk load leaves to do (the order search, the indexes). */
  finish(): void | Promise<void>;
}

/** A writer for one run of one list: the source it comes from, and whether the run starts from the beginning. */
export type PageWriterFactory = (source: 'sandbox' | 'koogallery', fromStart: boolean) => PageWriter;

/** Every list a sync fills, each with its writer: a capability with a list adds its entry in the composition root. */
export type SyncWriters = Record<SyncResource, PageWriterFactory>;

/** Writes each item of a page, as an object, with `write`; nothing left to do after the last page. */
export function itemWriter(write: (item: ListItem) => void, finish: () => void | Promise<void> = () => undefined): PageWriter {
  return { write: (rows) => itemsOfRows(rows).forEach(write), finish };
}

/**
 * The review lists' items in the shape of the sandbox's list endpoints (the reference list API; a
 * future connector maps to it), turned into the tables' records and written with the tables' one upsert.
 */
export function reviewListWriters(tables: ReviewTables, bulkLoads: BulkLoads): Pick<SyncWriters, 'orders' | 'transaction_details' | 'tickets' | 'products'> {
  return {
    orders: (source, fromStart) => {
      const bulk = fromStart ? ['orders', 'order_lines'].filter((table) => bulkLoads.begin(table)) : [];
      const write = tables.orders.bulkWriter(source, bulk.length > 0);
      return {
        write: (rows) => write(itemsOfRows(rows).map(orderRecord)),
        finish: async () => {
          tables.orders.rebuildSearchIfStale();
          for (const table of bulk) await bulkLoads.finish(table);
        },
      };
    },
    transaction_details: (source, fromStart) => {
      // a first sync may bring a million rows: into an empty table they load without indexes, built at the end
      const bulk = fromStart && bulkLoads.begin('transaction_details');
      return {
        write: tables.details.rowsWriter(source, bulk),
        finish: () => (bulk ? bulkLoads.finish('transaction_details') : undefined),
      };
    },
    tickets: () => {
      const write = tables.tickets.bulkWriter();
      return itemWriter((item) => write(ticketRecord(item)));
    },
    products: (source) => {
      const write = tables.products.bulkWriter(source);
      return itemWriter((item) => write(pick<ProductRecord>(item, PRODUCT_FIELDS)));
    },
  };
}

/** Exactly the record's fields, a missing one as null (the statements bind every field by name). */
export function pick<R>(item: Item, keys: readonly string[]): R {
  const record: Item = {};
  for (const key of keys) record[key] = item[key] ?? null;
  return record as R;
}

function orderRecord(item: Item): OrderRecord {
  const customer = (item.customer ?? {}) as Item;
  return {
    ...pick<Omit<OrderRecord, 'customer_name' | 'user_name' | 'lines'>>(item, ORDER_FIELDS),
    customer_name: (customer.customer_name as string | undefined) ?? null,
    user_name: (customer.user_name as string | undefined) ?? null,
    lines: ((item.lines ?? []) as Item[]).map((line) => pick(line, ORDER_LINE_FIELDS)),
  };
}

/** A ticket with its conversation (messages the source does not list: null, the cached ones stay). */
function ticketRecord(item: Item): TicketRecord {
  return {
    ...pick<Omit<TicketRecord, 'messages'>>(item, TICKET_FIELDS),
    messages: Array.isArray(item.messages) ? (item.messages as Item[]).map((m) => pick<TicketMessageRecord>(m, TICKET_MESSAGE_FIELDS)) : null,
  };
}
