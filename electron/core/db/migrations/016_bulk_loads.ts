import type { Migration } from '../migration';

/**
 * Bulk loads (a first sync into an empty table) set the table's indexes and triggers aside and
 * record them here until they are built again. `transaction_details_by_time` goes: its column leads
 * `transaction_details_by_time_id`, which serves every query it served. The 交易金额 index, which a
 * first sync used to drop by itself, is built if a crash left it out.
 */
export const migration016: Migration = {
  version: 16,
  name: 'bulk loads',
  sql: `
CREATE TABLE bulk_loads (
  table_name TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('index', 'trigger')),
  name       TEXT NOT NULL,
  sql        TEXT NOT NULL,
  PRIMARY KEY (table_name, name)
);
DROP INDEX IF EXISTS transaction_details_by_time;
CREATE INDEX IF NOT EXISTS transaction_details_by_amount ON transaction_details (amount_fen, detail_id);
`,
};
