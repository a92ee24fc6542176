import type { Migration } from '../migration';

/**
 * The specs (SKUs) of each product, which vouchers and offers can name. 销售管理: 客户需求 and Private Offers, 代金券 (with the products and specs each applies to), 商业规划
 * (one row per product and year), the history of every item (who changed what, when), and the
 * submissions the seller made waiting for the source to take them.
 */
export const migration012: Migration = {
  version: 12,
  name: 'sales tools',
  sql: `
CREATE TABLE product_skus (
  product_id TEXT NOT NULL REFERENCES products (product_id) ON DELETE CASCADE,
  sku_code   TEXT NOT NULL,
  name       TEXT NOT NULL,
  PRIMARY KEY (product_id, sku_code)
);

CREATE TABLE requirements (
  requirement_id   TEXT PRIMARY KEY,
  provider_name    TEXT NOT NULL,
  customer_name    TEXT NOT NULL,
  customer_account TEXT,
  product_id       TEXT NOT NULL,
  product_name     TEXT NOT NULL,
  state            TEXT NOT NULL CHECK (state IN ('to_accept', 'accepted', 'converting', 'offer_created', 'lapsed')),
  expected_share   REAL NOT NULL,
  max_share        REAL NOT NULL,
  created_at       INTEGER NOT NULL,
  origin           TEXT NOT NULL CHECK (origin IN ('source', 'local')),
  updated_at       INTEGER NOT NULL
);
CREATE INDEX requirements_by_updated ON requirements (updated_at);

CREATE TABLE offers (
  offer_id         TEXT PRIMARY KEY,
  name             TEXT NOT NULL,
  customer_name    TEXT NOT NULL,
  customer_account TEXT,
  product_id       TEXT NOT NULL,
  product_name     TEXT NOT NULL,
  sku_code         TEXT,
  discount_rate    REAL,
  price_fen        INTEGER,
  valid_from       INTEGER NOT NULL,
  valid_until      INTEGER NOT NULL,
  requirement_id   TEXT,
  provider_name    TEXT,
  share            REAL,
  state            TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'accepted', 'rejected', 'expired', 'withdrawn')),
  reason           TEXT,
  origin           TEXT NOT NULL CHECK (origin IN ('source', 'local')),
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL
);
CREATE INDEX offers_by_updated ON offers (updated_at);

CREATE TABLE vouchers (
  voucher_id    TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  voucher_type  TEXT NOT NULL CHECK (voucher_type IN ('full_reduction')),
  threshold_fen INTEGER NOT NULL,
  discount_fen  INTEGER NOT NULL,
  category      TEXT NOT NULL CHECK (category IN ('general', 'joint_operation')),
  valid_from    INTEGER NOT NULL,
  valid_until   INTEGER NOT NULL,
  stopped_at    INTEGER,
  submission    TEXT NOT NULL CHECK (submission IN ('draft', 'submitted', 'published', 'rejected')),
  reason        TEXT,
  origin        TEXT NOT NULL CHECK (origin IN ('source', 'local')),
  updated_at    INTEGER NOT NULL
);
CREATE INDEX vouchers_by_updated ON vouchers (updated_at);

CREATE TABLE voucher_scopes (
  voucher_id TEXT NOT NULL REFERENCES vouchers (voucher_id) ON DELETE CASCADE,
  product_id TEXT NOT NULL,
  sku_code   TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (voucher_id, product_id, sku_code)
);

CREATE TABLE business_plans (
  product_id   TEXT PRIMARY KEY,
  product_name TEXT NOT NULL,
  approval     TEXT NOT NULL CHECK (approval IN ('to_fill', 'pending_approval', 'approved', 'rejected')),
  reason       TEXT,
  submitted_at INTEGER,
  origin       TEXT NOT NULL CHECK (origin IN ('source', 'local')),
  updated_at   INTEGER NOT NULL
);
CREATE INDEX business_plans_by_updated ON business_plans (updated_at);

CREATE TABLE business_plan_years (
  product_id TEXT NOT NULL REFERENCES business_plans (product_id) ON DELETE CASCADE,
  year       INTEGER NOT NULL,
  gmv_fen    INTEGER,
  projects   INTEGER,
  PRIMARY KEY (product_id, year)
);

CREATE TABLE sales_history (
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  section TEXT NOT NULL CHECK (section IN ('requirement', 'offer', 'voucher', 'plan')),
  item_id TEXT NOT NULL,
  at      INTEGER NOT NULL,
  actor   TEXT NOT NULL CHECK (actor IN ('seller', 'sandbox', 'api')),
  change  TEXT NOT NULL,
  detail  TEXT
);
CREATE INDEX sales_history_by_item ON sales_history (section, item_id, at);

CREATE TABLE sales_submissions (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  section    TEXT NOT NULL CHECK (section IN ('requirement', 'offer', 'voucher', 'plan')),
  item_id    TEXT NOT NULL,
  action     TEXT NOT NULL,
  payload    TEXT NOT NULL,
  state      TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
  answer     TEXT,
  error      TEXT,
  created_at INTEGER NOT NULL,
  sent_at    INTEGER
);
CREATE INDEX sales_submissions_by_state ON sales_submissions (state, id);
`,
};
