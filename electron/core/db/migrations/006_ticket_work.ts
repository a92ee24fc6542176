import type { Migration } from '../migration';

/**
 * 客户工单 work done offline: replies and closes queued until the source takes them, and which
 * products the main account has authorized to a sub-account (their tickets move to that queue).
 */
export const migration006: Migration = {
  version: 6,
  name: 'ticket actions and product authorizations',
  sql: `
CREATE TABLE ticket_actions (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_id  TEXT NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('reply', 'close')),
  body       TEXT,
  state      TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'failed')),
  error      TEXT,
  created_at INTEGER NOT NULL,
  sent_at    INTEGER
);
CREATE INDEX ticket_actions_queued ON ticket_actions (state, id);

CREATE TABLE product_authorizations (
  product_id  TEXT PRIMARY KEY,
  sub_account TEXT NOT NULL,
  updated_at  INTEGER NOT NULL
);
`,
};
