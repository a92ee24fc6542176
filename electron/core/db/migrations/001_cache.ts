import type { Migration } from '../migration';

/**
 * The re-syncable cache: products, orders and their lines, transaction details (交易明细), customer
 * tickets (客户工单), sync cursors and settings. Money is integer fen; times are UTC epoch ms.
 */
export const migration001: Migration = {
  version: 1,
  name: 'cache tables',
  sql: `
CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value_json TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE products (
  product_id   TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  product_type TEXT NOT NULL CHECK (product_type IN ('general', 'joint_operation', 'curated_certified', 'huawei_self_service')),
  access_type  TEXT,
  status       TEXT,
  source       TEXT NOT NULL,
  updated_at   INTEGER NOT NULL
);

CREATE TABLE orders (
  order_id      TEXT PRIMARY KEY,
  order_type    TEXT NOT NULL CHECK (order_type IN ('NEW', 'TRIAL', 'TRIAL_TO_FORMAL', 'UNSUBSCRIBE', 'RENEW', 'CHANGE')),
  status        TEXT NOT NULL CHECK (status IN ('pending_payment', 'processing', 'cancelled', 'completed')),
  product_type  TEXT NOT NULL,
  product_name  TEXT NOT NULL,
  customer_name TEXT NOT NULL,
  user_name     TEXT NOT NULL,
  amount_fen    INTEGER NOT NULL,
  currency      TEXT NOT NULL DEFAULT 'CNY',
  created_at    INTEGER NOT NULL,
  paid_at       INTEGER,
  source        TEXT NOT NULL,
  updated_at    INTEGER NOT NULL
);
CREATE INDEX orders_by_created ON orders (created_at);
CREATE INDEX orders_by_status ON orders (status, created_at);
CREATE INDEX orders_by_product_type ON orders (product_type, created_at);
CREATE INDEX orders_by_updated ON orders (updated_at);

CREATE TABLE order_lines (
  order_line_id TEXT PRIMARY KEY,
  order_id      TEXT NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
  product_id    TEXT NOT NULL,
  product_name  TEXT NOT NULL,
  sku_code      TEXT,
  charging_mode TEXT NOT NULL CHECK (charging_mode IN ('PERIOD', 'ONE_TIME', 'ON_DEMAND', 'ON_DEMAND_PKG')),
  period_type   TEXT,
  period_number INTEGER,
  instance_id   TEXT,
  expire_at     INTEGER,
  amount_fen    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);
CREATE INDEX order_lines_by_order ON order_lines (order_id);

CREATE TABLE transaction_details (
  detail_id             TEXT PRIMARY KEY,
  order_id              TEXT NOT NULL,
  order_line_id         TEXT,
  product_type          TEXT NOT NULL,
  product_name          TEXT NOT NULL,
  customer_account      TEXT NOT NULL,
  charging_mode         TEXT NOT NULL,
  billing_period        TEXT NOT NULL,
  transaction_at        INTEGER NOT NULL,
  billing_status        TEXT NOT NULL CHECK (billing_status IN ('billed', 'unbilled')),
  supervision_status    TEXT,
  amount_fen            INTEGER NOT NULL,
  settlement_amount_fen INTEGER NOT NULL,
  ops_fee_ratio         TEXT,
  source                TEXT NOT NULL,
  updated_at            INTEGER NOT NULL
);
CREATE INDEX transaction_details_by_time ON transaction_details (transaction_at);
CREATE INDEX transaction_details_by_order ON transaction_details (order_id);
CREATE INDEX transaction_details_by_period ON transaction_details (billing_period, transaction_at);
CREATE INDEX transaction_details_by_product_type ON transaction_details (product_type, transaction_at);

CREATE TABLE tickets (
  ticket_id     TEXT PRIMARY KEY,
  title         TEXT NOT NULL,
  status        TEXT NOT NULL,
  priority      TEXT NOT NULL,
  product_id    TEXT,
  product_name  TEXT,
  customer_name TEXT NOT NULL,
  assignee      TEXT,
  waiting_on_me INTEGER NOT NULL DEFAULT 0,
  sla_due_at    INTEGER,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);
CREATE INDEX tickets_by_status ON tickets (status, updated_at);
CREATE INDEX tickets_waiting_on_me ON tickets (waiting_on_me, sla_due_at);

CREATE TABLE sync_cursors (
  resource         TEXT PRIMARY KEY CHECK (resource IN ('orders', 'transaction_details', 'tickets', 'products')),
  cursor           TEXT,
  last_synced_at   INTEGER,
  complete_through INTEGER
);
`,
};
