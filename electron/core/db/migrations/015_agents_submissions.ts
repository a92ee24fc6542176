import type { Migration } from '../migration';

/**
 * 注册Agents registrations go through the 销售管理 submission queue when the source takes them (the
 * sandbox does), so `agents` joins the sections of `sales_history` and `sales_submissions`; a
 * registration the source refused says why. SQLite cannot widen a CHECK in place: the three tables are
 * rebuilt with their rows.
 */
export const migration015: Migration = {
  version: 15,
  name: 'agents registrations submitted through the sales queue',
  sql: `
CREATE TABLE sales_history_new (
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  section TEXT NOT NULL CHECK (section IN ('requirement', 'offer', 'voucher', 'plan', 'agents')),
  item_id TEXT NOT NULL,
  at      INTEGER NOT NULL,
  actor   TEXT NOT NULL CHECK (actor IN ('seller', 'sandbox', 'api')),
  change  TEXT NOT NULL,
  detail  TEXT
);
INSERT INTO sales_history_new SELECT id, section, item_id, at, actor, change, detail FROM sales_history;
DROP TABLE sales_history;
ALTER TABLE sales_history_new RENAME TO sales_history;
CREATE INDEX sales_history_by_item ON sales_history (section, item_id, at);

CREATE TABLE sales_submissions_new (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  section    TEXT NOT NULL CHECK (section IN ('requirement', 'offer', 'voucher', 'plan', 'agents')),
  item_id    TEXT NOT NULL,
  action     TEXT NOT NULL,
  payload    TEXT NOT NULL,
  state      TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
  answer     TEXT,
  error      TEXT,
  created_at INTEGER NOT NULL,
  sent_at    INTEGER
);
INSERT INTO sales_submissions_new SELECT id, section, item_id, action, payload, state, answer, error, created_at, sent_at FROM sales_submissions;
DROP TABLE sales_submissions;
ALTER TABLE sales_submissions_new RENAME TO sales_submissions;
CREATE INDEX sales_submissions_by_state ON sales_submissions (state, id);

CREATE TABLE agents_registrations_new (
  registration_id TEXT PRIMARY KEY,
  product_id      TEXT,
  product_name    TEXT NOT NULL,
  backend_url     TEXT NOT NULL,
  auth_mode       TEXT NOT NULL CHECK (auth_mode IN ('aksk', 'self_managed')),
  region          TEXT NOT NULL,
  method          TEXT NOT NULL DEFAULT 'POST',
  headers         TEXT NOT NULL DEFAULT '[]',
  body            TEXT,
  secret_headers  TEXT NOT NULL DEFAULT '[]',
  state           TEXT NOT NULL CHECK (state IN ('ready', 'submitted', 'registered', 'refused')),
  refusal         TEXT,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);
INSERT INTO agents_registrations_new (registration_id, product_id, product_name, backend_url, auth_mode, region, method, headers, body, secret_headers, state, created_at, updated_at)
  SELECT registration_id, product_id, product_name, backend_url, auth_mode, region, method, headers, body, secret_headers, state, created_at, updated_at FROM agents_registrations;
DROP TABLE agents_registrations;
ALTER TABLE agents_registrations_new RENAME TO agents_registrations;
`,
};
