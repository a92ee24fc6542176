import type { SqliteDatabase } from '../db';

/** One ticket as the source lists it. */
export interface TicketRecord {
  ticket_id: string;
  title: string;
  status: string;
  priority: string;
  product_id: string | null;
  product_name: string | null;
  customer_name: string;
  assignee: string | null;
  waiting_on_me: boolean;
  sla_due_at: number | null;
  created_at: number;
  updated_at: number;
}

/** A ticket record's fields, in the table's column order. */
export const TICKET_FIELDS = [
  'ticket_id',
  'title',
  'status',
  'priority',
  'product_id',
  'product_name',
  'customer_name',
  'assignee',
  'waiting_on_me',
  'sla_due_at',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof TicketRecord)[];

export type TicketAction = { id: number; ticketId: string; action: 'reply' | 'close'; body: string | null };

/**
 * The `tickets`, `ticket_actions` and `product_authorizations` tables: every statement that touches
 * them. A reply or close made here wins over an older state from the source, and a product
 * authorized to a sub-account keeps its open tickets in that queue.
 */
export class TicketsTable {
  constructor(private readonly db: SqliteDatabase) {}

  /** A writer for many tickets from the source, inside the caller's transactions (a sync page). */
  bulkWriter(): (ticket: TicketRecord) => void {
    const columns = TICKET_FIELDS;
    const upsert = this.db.prepare(
      `INSERT INTO tickets (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})
       ON CONFLICT (ticket_id) DO UPDATE SET ${columns
         .slice(1)
         .map((c) => `${c} = excluded.${c}`)
         .join(', ')}
       WHERE NOT EXISTS (SELECT 1 FROM ticket_actions a WHERE a.ticket_id = excluded.ticket_id AND a.created_at > excluded.updated_at)`,
    );
    const authorized = this.db.prepare('SELECT sub_account FROM product_authorizations WHERE product_id = ?').pluck();
    return (ticket) => {
      const subAccount = ticket.product_id ? (authorized.get(ticket.product_id) as string | undefined) : undefined;
      upsert.run({ ...ticket, waiting_on_me: ticket.waiting_on_me ? 1 : 0, ...(subAccount && ticket.status !== 'closed' ? { assignee: subAccount } : {}) });
    };
  }

  status(ticketId: string): string | null {
    return (this.db.prepare('SELECT status FROM tickets WHERE ticket_id = ?').pluck().get(ticketId) as string | undefined) ?? null;
  }

  /** Queues a reply or close and applies it to the local ticket, in one transaction. */
  queueAction(ticketId: string, action: 'reply' | 'close', body: string | null, now: number): void {
    const change = action === 'close' ? `status = 'closed'` : `status = CASE status WHEN 'closed' THEN status ELSE 'awaiting_customer' END`;
    this.db.transaction(() => {
      this.db.prepare(`INSERT INTO ticket_actions (ticket_id, action, body, state, created_at) VALUES (?, ?, ?, 'queued', ?)`).run(ticketId, action, body, now);
      this.db.prepare(`UPDATE tickets SET ${change}, waiting_on_me = 0, updated_at = ? WHERE ticket_id = ?`).run(now, ticketId);
    })();
  }

  queuedActions(): TicketAction[] {
    return this.db.prepare(`SELECT id, ticket_id AS ticketId, action, body FROM ticket_actions WHERE state = 'queued' ORDER BY id`).all() as TicketAction[];
  }

  queuedCount(): number {
    return this.db.prepare(`SELECT COUNT(*) FROM ticket_actions WHERE state = 'queued'`).pluck().get() as number;
  }

  markSent(id: number, now: number): void {
    this.db.prepare(`UPDATE ticket_actions SET state = 'sent', sent_at = ? WHERE id = ?`).run(now, id);
  }

  markFailed(id: number, error: string): void {
    this.db.prepare(`UPDATE ticket_actions SET state = 'failed', error = ? WHERE id = ?`).run(error, id);
  }

  /** Authorizes a product's tickets to a sub-account (null: back to the main account); open tickets move at once. */
  authorizeProduct(productId: string, subAccount: string | null, now: number): number {
    return this.db.transaction(() => {
      if (subAccount) {
        this.db
          .prepare(
            `INSERT INTO product_authorizations (product_id, sub_account, updated_at) VALUES (?, ?, ?)
            ON CONFLICT (product_id) DO UPDATE SET sub_account = excluded.sub_account, updated_at = excluded.updated_at`,
          )
          .run(productId, subAccount, now);
      } else this.db.prepare('DELETE FROM product_authorizations WHERE product_id = ?').run(productId);
      return this.db
        .prepare(`UPDATE tickets SET assignee = ?, updated_at = ? WHERE product_id = ? AND status != 'closed'`)
        .run(subAccount ?? 'main', now, productId).changes;
    })();
  }
}
