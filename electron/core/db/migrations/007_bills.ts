import type { Migration } from '../migration';

/**
 * 账单 (bills) from Seller Center's export: one row per bill. KooGallery has no bill API, so the
 * import is the only source. `period_start` (the billing month's first instant, Beijing time) keys
 * the newest-first pages.
 */
export const migration007: Migration = {
  version: 7,
  name: 'bills',
  sql: `
CREATE TABLE bills (
  bill_id               TEXT PRIMARY KEY,
  billing_period        TEXT NOT NULL,
  period_start          INTEGER NOT NULL,
  product_type          TEXT NOT NULL CHECK (product_type IN ('general', 'joint_operation', 'curated_certified', 'huawei_self_service')),
  amount_fen            INTEGER NOT NULL,
  settlement_amount_fen INTEGER,
  status                TEXT NOT NULL,
  generated_at          INTEGER,
  source                TEXT NOT NULL,
  updated_at            INTEGER NOT NULL
);
CREATE INDEX bills_by_period_id ON bills (period_start DESC, bill_id DESC);
CREATE INDEX bills_by_product_type ON bills (product_type, period_start);
CREATE INDEX bills_by_status ON bills (status, period_start);
`,
};
