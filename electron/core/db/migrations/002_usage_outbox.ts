import type { Migration } from '../migration';

/**
 * Usage records (话单) and the proof of every upload attempt. A record's identity is
 * (instance_id, begin_at, end_at) — the marketplace's own duplicate key.
 */
export const migration002: Migration = {
  version: 2,
  name: 'usage outbox',
  sql: `
CREATE TABLE usage_records (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  metering_sn         TEXT NOT NULL UNIQUE,
  instance_id         TEXT NOT NULL,
  product_id          TEXT,
  begin_at            INTEGER NOT NULL,
  end_at              INTEGER NOT NULL,
  recorded_at         INTEGER NOT NULL,
  usage_value         TEXT NOT NULL,
  relate_pkg_instance TEXT,
  billing_cycle       TEXT NOT NULL CHECK (billing_cycle IN ('hourly', 'daily')),
  state               TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'accepted', 'rejected', 'anomaly', 'expired')),
  window_opens_at     INTEGER NOT NULL,
  window_closes_at    INTEGER NOT NULL,
  timeliness          TEXT CHECK (timeliness IN ('on_time', 'late', 'overdue')),
  lease_owner         TEXT,
  lease_until         INTEGER,
  attempts            INTEGER NOT NULL DEFAULT 0,
  next_attempt_at     INTEGER,
  last_error_code     TEXT,
  last_error_message  TEXT,
  accepted_at         INTEGER,
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL,
  UNIQUE (instance_id, begin_at, end_at)
);

CREATE TABLE upload_attempts (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  started_at   INTEGER NOT NULL,
  finished_at  INTEGER,
  ts           TEXT NOT NULL,
  nonce        TEXT NOT NULL,
  body_sha256  TEXT NOT NULL,
  record_count INTEGER NOT NULL,
  http_status  INTEGER,
  code         TEXT,
  message      TEXT
);
CREATE INDEX upload_attempts_by_time ON upload_attempts (started_at);
`,
};
