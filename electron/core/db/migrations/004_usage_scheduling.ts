import type { Migration } from '../migration';

/**
 * Usage outbox scheduling and proof: when a record may first be sent (its window's opening plus
 * this install's start offset), where it came from, and which records each upload attempt carried.
 */
export const migration004: Migration = {
  version: 4,
  name: 'usage scheduling and attempt records',
  sql: `
ALTER TABLE usage_records ADD COLUMN eligible_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE usage_records ADD COLUMN source TEXT NOT NULL DEFAULT 'manual';
ALTER TABLE usage_records ADD COLUMN source_file TEXT;
CREATE INDEX usage_records_sendable ON usage_records (state, eligible_at, window_closes_at);
CREATE INDEX usage_records_by_window ON usage_records (window_opens_at);

ALTER TABLE upload_attempts ADD COLUMN outcome TEXT;

CREATE TABLE upload_attempt_records (
  attempt_id INTEGER NOT NULL REFERENCES upload_attempts (id),
  record_id  INTEGER NOT NULL REFERENCES usage_records (id),
  PRIMARY KEY (attempt_id, record_id)
) WITHOUT ROWID;
CREATE INDEX upload_attempt_records_by_record ON upload_attempt_records (record_id);
`,
};
