import type { Migration } from '../migration';

/**
 * 商品上架检查: each product's ticked steps (海顿测试, 联营Kit对接, 自动化部署对接) with a date and a note, and
 * every user-guide check with its result (the last one per product is what the page shows).
 * 消息接收管理: each message category's channels and receivers as the source lists them or the
 * seller set them (changed here, awaiting entry in Seller Center), with their history.
 */
export const migration014: Migration = {
  version: 14,
  name: 'listing readiness and message receivers',
  sql: `
CREATE TABLE listing_steps (
  product_id TEXT NOT NULL,
  step       TEXT NOT NULL CHECK (step IN ('haydn_test', 'kit_integration', 'auto_deploy')),
  done       INTEGER NOT NULL CHECK (done IN (0, 1)),
  -- the Beijing calendar day it was done (YYYY-MM-DD), as the seller gives it
  done_on    TEXT,
  note       TEXT,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (product_id, step)
);

CREATE TABLE listing_guide_checks (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  product_id  TEXT NOT NULL,
  kind        TEXT NOT NULL,
  file_name   TEXT NOT NULL,
  size        INTEGER NOT NULL,
  extracted   INTEGER NOT NULL CHECK (extracted IN (0, 1)),
  passed      INTEGER NOT NULL CHECK (passed IN (0, 1)),
  result_json TEXT NOT NULL,
  checked_at  INTEGER NOT NULL
);
CREATE INDEX listing_guide_checks_by_product ON listing_guide_checks (product_id, checked_at);

CREATE TABLE receiver_categories (
  category_code    TEXT PRIMARY KEY,
  category_name    TEXT NOT NULL,
  channels_json    TEXT NOT NULL,
  origin           TEXT NOT NULL CHECK (origin IN ('source', 'local')),
  -- when the seller last changed it here; null once it matches Seller Center (listed by the source or entered there)
  local_changes_at INTEGER,
  updated_at       INTEGER NOT NULL
);

CREATE TABLE receivers (
  receiver_id   TEXT PRIMARY KEY,
  category_code TEXT NOT NULL REFERENCES receiver_categories (category_code) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  name          TEXT NOT NULL,
  email         TEXT,
  mobile        TEXT,
  updated_at    INTEGER NOT NULL
);
CREATE INDEX receivers_by_category ON receivers (category_code, position);

CREATE TABLE receiver_history (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  category_code TEXT NOT NULL,
  at            INTEGER NOT NULL,
  actor         TEXT NOT NULL CHECK (actor IN ('seller', 'sandbox', 'api')),
  change        TEXT NOT NULL,
  detail        TEXT
);
CREATE INDEX receiver_history_by_category ON receiver_history (category_code, at);
`,
};
