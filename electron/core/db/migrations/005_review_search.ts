import type { Migration } from '../migration';

/**
 * Review pages at 1,000,000 rows: indexes for each filter's keyset order, and a trigram full-text
 * index over order number, customer, user and product name for Chinese substring search. The FTS
 * table is external-content and rebuilt after bulk loads (sync, import), never row by row.
 */
export const migration005: Migration = {
  version: 5,
  name: 'review indexes and order search',
  sql: `
CREATE INDEX orders_by_created_id ON orders (created_at DESC, order_id DESC);
CREATE INDEX orders_by_customer ON orders (customer_name);
CREATE INDEX transaction_details_by_time_id ON transaction_details (transaction_at DESC, detail_id DESC);
CREATE INDEX transaction_details_by_account ON transaction_details (customer_account, transaction_at);
CREATE INDEX transaction_details_by_billing ON transaction_details (billing_status, transaction_at);
CREATE INDEX tickets_by_updated ON tickets (updated_at DESC, ticket_id DESC);
CREATE VIRTUAL TABLE orders_search USING fts5(
  order_id, customer_name, user_name, product_name,
  content = 'orders', content_rowid = 'rowid', tokenize = 'trigram'
);
`,
};
