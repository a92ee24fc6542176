import type { Migration } from '../migration';

/**
 * Full-text indexes rebuilt after a bulk load (the order search) are marked stale in the same
 * transaction as the rows that outdate them, so a crash between the rows and the rebuild is
 * repaired at the next start instead of leaving search silently behind the cache.
 */
export const migration008: Migration = {
  version: 8,
  name: 'stale search indexes',
  sql: `
CREATE TABLE stale_search_indexes (
  index_name TEXT PRIMARY KEY
) WITHOUT ROWID;
`,
};
