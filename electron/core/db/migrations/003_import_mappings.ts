import type { Migration } from '../migration';

/** Column mappings the seller confirmed for a Seller Center export, remembered per set of headers. */
export const migration003: Migration = {
  version: 3,
  name: 'import column mappings',
  sql: `
CREATE TABLE import_column_mappings (
  header_set_hash TEXT PRIMARY KEY,
  file_kind       TEXT NOT NULL CHECK (file_kind IN ('orders', 'transaction_details', 'bills', 'usage_records', 'sdr_list')),
  headers_json    TEXT NOT NULL,
  mapping_json    TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);
`,
};
