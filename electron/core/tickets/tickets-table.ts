import type { SqliteDatabase } from '../db';
import { TICKET_LIST } from './ticket-list';

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
  /** The customer's problem statement; null: the source does not say (the cached one stays). */
  description: string | null;
  /** The conversation as the source has it; null: the source does not list it. */
  messages: TicketMessageRecord[] | null;
}

/** One message of a ticket's conversation, as the source lists it. */
export interface TicketMessageRecord {
  message_id: string;
  author: 'customer' | 'seller' | 'system';
  body: string;
  sent_at: number;
}

/** A ticket message record's fields. */
export const TICKET_MESSAGE_FIELDS = ['message_id', 'author', 'body', 'sent_at'] as const satisfies readonly (keyof TicketMessageRecord)[];

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
  'description',
] as const satisfies readonly (keyof TicketRecord)[];

export type TicketAction = { id: number; ticketId: string; action: 'reply' | 'close'; body: string | null };

/** A reply or close the seller made here, with where it is on its way to the source. */
export interface LocalTicketAction {
  id: number;
  action: 'reply' | 'close';
  body: string | null;
  state: 'queued' | 'sent' | 'failed';
  error: string | null;
  createdAt: number;
  sentAt: number | null;
}

export interface SourceTicketMessage {
  messageId: string;
  author: TicketMessageRecord['author'];
  body: string;
  sentAt: number;
}

/**
 * The `tickets`, `ticket_messages`, `ticket_actions` and `product_authorizations` tables: every
 * statement that touches them. A reply or close made here wins over an older state from the source
 * (the conversation and description still follow the source), and a product authorized to a
 * sub-account keeps its open tickets in that queue.
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
         .map((c) => (c === 'description' ? `${c} = COALESCE(excluded.${c}, ${c})` : `${c} = excluded.${c}`))
         .join(', ')}
       WHERE NOT EXISTS (SELECT 1 FROM ticket_actions a WHERE a.ticket_id = excluded.ticket_id AND a.created_at > excluded.updated_at)`,
    );
    // a local reply or close keeps the row's state, not the customer's words
    const describe = this.db.prepare('UPDATE tickets SET description = @description WHERE ticket_id = @ticket_id AND description IS NOT @description');
    const message = this.db.prepare(
      `INSERT INTO ticket_messages (ticket_id, message_id, author, body, sent_at) VALUES (@ticket_id, @message_id, @author, @body, @sent_at)
       ON CONFLICT (ticket_id, message_id) DO UPDATE SET author = excluded.author, body = excluded.body, sent_at = excluded.sent_at
       WHERE author IS NOT excluded.author OR body IS NOT excluded.body OR sent_at IS NOT excluded.sent_at`,
    );
    const authorized = this.db.prepare('SELECT sub_account FROM product_authorizations WHERE product_id = ?').pluck();
    return ({ messages, ...ticket }) => {
      const subAccount = ticket.product_id ? (authorized.get(ticket.product_id) as string | undefined) : undefined;
      const row = { ...ticket, waiting_on_me: ticket.waiting_on_me ? 1 : 0, ...(subAccount && ticket.status !== 'closed' ? { assignee: subAccount } : {}) };
      if (upsert.run(row).changes === 0 && ticket.description !== null) describe.run(row);
      for (const m of messages ?? []) message.run({ ticket_id: ticket.ticket_id, ...m });
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

  /** One ticket as the list shows it, with its description; null when it is not cached. */
  ticket(ticketId: string): Record<string, unknown> | null {
    const row = this.db.prepare(`SELECT ${TICKET_LIST.columns}, description FROM tickets WHERE ticket_id = ?`).get(ticketId) as
      Record<string, unknown> | undefined;
    return row ?? null;
  }

  /** The conversation as the source gave it, oldest first. */
  messages(ticketId: string): SourceTicketMessage[] {
    return this.db
      .prepare(`SELECT message_id AS messageId, author, body, sent_at AS sentAt FROM ticket_messages WHERE ticket_id = ? ORDER BY sent_at, message_id`)
      .all(ticketId) as SourceTicketMessage[];
  }

  /** The seller's replies and closes made here for one ticket, oldest first, in whatever state. */
  localActions(ticketId: string): LocalTicketAction[] {
    return this.db
      .prepare(
        `SELECT id, action, body, state, error, created_at AS createdAt, sent_at AS sentAt FROM ticket_actions WHERE ticket_id = ? ORDER BY created_at, id`,
      )
      .all(ticketId) as LocalTicketAction[];
  }

  /** The products cached tickets are about (a product without a name in any ticket is named by its id). */
  products(): { productId: string; productName: string }[] {
    return this.db
      .prepare(
        `SELECT product_id AS productId, COALESCE(MAX(product_name), product_id) AS productName FROM tickets WHERE product_id IS NOT NULL GROUP BY product_id`,
      )
      .all() as { productId: string; productName: string }[];
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

  /** 待我处理: open tickets waiting on the seller, and how many are past their SLA at `now`. */
  waitingOnMe(now: number): { count: number; overdue: number } {
    return this.db
      .prepare(`SELECT COUNT(*) AS count, COALESCE(SUM(sla_due_at < ?), 0) AS overdue FROM tickets WHERE waiting_on_me = 1 AND status != 'closed'`)
      .get(now) as { count: number; overdue: number };
  }
}
