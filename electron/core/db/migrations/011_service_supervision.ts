import type { Migration } from '../migration';

/**
 * 服务监管: the flows (synced from a source that lists them, or started here), every step, action and
 * answer in a timeline, the seller's actions queued until the source takes them (License activation
 * included), and the proof files kept in the data folder.
 */
export const migration011: Migration = {
  version: 11,
  name: 'service supervision',
  sql: `
CREATE TABLE supervision_flows (
  flow_id         TEXT PRIMARY KEY,
  order_id        TEXT NOT NULL,
  product_id      TEXT,
  product_name    TEXT NOT NULL,
  flow_type       TEXT NOT NULL CHECK (flow_type IN ('license_online_code', 'license_2_0', 'professional_service', 'app_orchestration')),
  step            TEXT NOT NULL,
  turn            TEXT CHECK (turn IN ('seller', 'customer', 'huawei')),
  step_entered_at INTEGER NOT NULL,
  rejections      INTEGER NOT NULL DEFAULT 0,
  status          TEXT NOT NULL CHECK (status IN ('in_progress', 'appealing', 'completed')),
  accepted_at     INTEGER,
  license_code    TEXT,
  origin          TEXT NOT NULL CHECK (origin IN ('source', 'local')),
  updated_at      INTEGER NOT NULL
);
CREATE INDEX supervision_flows_by_updated ON supervision_flows (updated_at);
CREATE INDEX supervision_flows_by_order ON supervision_flows (order_id);
CREATE INDEX supervision_flows_by_license ON supervision_flows (license_code);

CREATE TABLE supervision_actions (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  flow_id    TEXT,
  action     TEXT NOT NULL,
  payload    TEXT NOT NULL,
  state      TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'recorded')),
  answer     TEXT,
  error      TEXT,
  created_at INTEGER NOT NULL,
  sent_at    INTEGER
);
CREATE INDEX supervision_actions_by_state ON supervision_actions (state, id);
CREATE INDEX supervision_actions_by_flow ON supervision_actions (flow_id, created_at);

CREATE TABLE supervision_events (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  flow_id   TEXT NOT NULL,
  at        INTEGER NOT NULL,
  actor     TEXT NOT NULL CHECK (actor IN ('seller', 'customer', 'huawei', 'sandbox', 'api')),
  kind      TEXT NOT NULL CHECK (kind IN ('step', 'rejected', 'action')),
  step      TEXT,
  action_id INTEGER REFERENCES supervision_actions (id),
  note      TEXT
);
CREATE INDEX supervision_events_by_flow ON supervision_events (flow_id, at);

CREATE TABLE supervision_files (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  flow_id     TEXT NOT NULL,
  file_name   TEXT NOT NULL,
  stored_name TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  size        INTEGER NOT NULL,
  uploaded_at INTEGER NOT NULL,
  UNIQUE (flow_id, sha256)
);
`,
};
