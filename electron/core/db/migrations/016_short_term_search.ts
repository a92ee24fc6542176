import type { Migration } from '../migration';

/**
 * 1–2 character Chinese search terms (华为, 北京, 云) through an index: the trigram index cannot
 * answer fewer than 3 characters. `orders_search_chars` holds the customer, user and product names
 * with every CJK character its own token (unicode61), so "华为" is the phrase 华 为. Filled at the
 * next start (marked stale here), then kept with the order search.
 */
export const migration016: Migration = {
  version: 16,
  name: 'short Chinese search terms',
  sql: `
CREATE VIRTUAL TABLE orders_search_chars USING fts5(names, content = '', contentless_delete = 1, tokenize = 'unicode61');
INSERT OR IGNORE INTO stale_search_indexes (index_name) VALUES ('orders_search_chars');
`,
};
