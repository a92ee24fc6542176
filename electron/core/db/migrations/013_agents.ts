import type { Migration } from '../migration';

/**
 * 注册Agents: the seller's registrations (kept here; the real one is made in Seller Center), the
 * request each backend is checked with (never its secret headers: those are in the OS keychain), and
 * every check's result.
 */
export const migration013: Migration = {
  version: 13,
  name: 'agents registrations and backend checks',
  sql: `
CREATE TABLE agents_registrations (
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
  state           TEXT NOT NULL CHECK (state IN ('ready', 'submitted', 'registered')),
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);

CREATE TABLE agents_checks (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  registration_id TEXT,
  backend_url     TEXT NOT NULL,
  at              INTEGER NOT NULL,
  passed          INTEGER NOT NULL,
  result          TEXT NOT NULL
);
CREATE INDEX agents_checks_by_backend ON agents_checks (backend_url, at);
`,
};
