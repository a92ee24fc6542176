import type { Migration } from '../migration';

/**
 * What the pages show since issue 13: why a resource's last sync failed (kept until a sync of it
 * succeeds, so a restart still says 同步出错), a ticket's problem description and its conversation
 * with the customer, and indexes for sorting the big lists by amount.
 */
export const migration009: Migration = {
  version: 9,
  name: 'sync errors, ticket conversations, amount sorting',
  sql: `
ALTER TABLE sync_cursors ADD COLUMN last_error_json TEXT;
ALTER TABLE sync_cursors ADD COLUMN last_error_at INTEGER;

ALTER TABLE tickets ADD COLUMN description TEXT;
CREATE TABLE ticket_messages (
  ticket_id  TEXT NOT NULL,
  message_id TEXT NOT NULL,
  author     TEXT NOT NULL CHECK (author IN ('customer', 'seller', 'system')),
  body       TEXT NOT NULL,
  sent_at    INTEGER NOT NULL,
  PRIMARY KEY (ticket_id, message_id)
) WITHOUT ROWID;

CREATE INDEX orders_by_amount ON orders (amount_fen, order_id);
CREATE INDEX transaction_details_by_amount ON transaction_details (amount_fen, detail_id);
CREATE INDEX tickets_by_sla ON tickets (waiting_on_me, sla_due_at, ticket_id);
`,
};
