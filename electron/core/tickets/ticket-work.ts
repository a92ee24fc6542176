import { z } from 'zod';
import { CoreError } from '../contract/errors';
import type { SqliteDatabase } from '../db';
import type { Connector } from '../marketplace/connector';

export const receptionHoursSchema = z
  .object({
    /** ISO weekdays the seller receives tickets (1 = Monday … 7 = Sunday). */
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    from: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm'),
    to: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:mm'),
  })
  .refine((hours) => weeklyMinutes(hours) >= 40 * 60, { message: '工单接待 must cover at least 5 days × 8 hours a week (40 hours)' });
export type ReceptionHours = z.infer<typeof receptionHoursSchema>;

const DEFAULT_RECEPTION: ReceptionHours = { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' };

/**
 * Ticket work that must not wait for the network: a reply or close changes the local ticket at once
 * and is queued; the queue is sent when the source can take it. KooGallery has no ticket API
 * (koogallery-api.md §3.6): with the real source the queue waits for the seller to act in Seller Center.
 */
export class TicketWork {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => number,
  ) {}

  reply(ticketId: string, text: string): { queued: number } {
    this.requireOpen(ticketId);
    return this.queue(ticketId, 'reply', text, `status = CASE status WHEN 'closed' THEN status ELSE 'awaiting_customer' END, waiting_on_me = 0`);
  }

  close(ticketId: string): { queued: number } {
    this.requireOpen(ticketId);
    return this.queue(ticketId, 'close', null, `status = 'closed', waiting_on_me = 0`);
  }

  /** Authorizes a product's tickets to a sub-account (null: back to the main account); open tickets move at once. */
  authorizeProduct(productId: string, subAccount: string | null): { moved: number } {
    return this.db.transaction(() => {
      if (subAccount) {
        this.db.prepare(`INSERT INTO product_authorizations (product_id, sub_account, updated_at) VALUES (?, ?, ?)
          ON CONFLICT (product_id) DO UPDATE SET sub_account = excluded.sub_account, updated_at = excluded.updated_at`).run(productId, subAccount, this.now());
      } else this.db.prepare('DELETE FROM product_authorizations WHERE product_id = ?').run(productId);
      const moved = this.db.prepare(`UPDATE tickets SET assignee = ?, updated_at = ? WHERE product_id = ? AND status != 'closed'`).run(subAccount ?? 'main', this.now(), productId).changes;
      return { moved };
    })();
  }

  receptionHours(): ReceptionHours {
    const row = this.db.prepare(`SELECT value_json FROM settings WHERE key = 'tickets.receptionHours'`).get() as { value_json: string } | undefined;
    const parsed = row ? receptionHoursSchema.safeParse(JSON.parse(row.value_json)) : null;
    return parsed?.success ? parsed.data : DEFAULT_RECEPTION;
  }

  setReceptionHours(hours: ReceptionHours): ReceptionHours {
    this.db.prepare(`INSERT INTO settings (key, value_json, updated_at) VALUES ('tickets.receptionHours', ?, ?)
      ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`).run(JSON.stringify(hours), this.now());
    return hours;
  }

  queuedCount(): number {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM ticket_actions WHERE state = 'queued'`).get() as { n: number }).n;
  }

  /** Sends queued actions in order; stops at the first that cannot be sent (it is retried next time). */
  async flush(connector: Connector | null): Promise<{ sent: number; waiting: number }> {
    if (!connector?.capabilities.ticketActions) return { sent: 0, waiting: this.queuedCount() };
    const queued = this.db.prepare(`SELECT id, ticket_id AS ticketId, action, body FROM ticket_actions WHERE state = 'queued' ORDER BY id`).all() as { id: number; ticketId: string; action: 'reply' | 'close'; body: string | null }[];
    let sent = 0;
    for (const action of queued) {
      const outcome = await connector.sendTicketAction(action.ticketId, action.action, action.body);
      if (outcome.class === 'ok') {
        this.db.prepare(`UPDATE ticket_actions SET state = 'sent', sent_at = ? WHERE id = ?`).run(this.now(), action.id);
        sent++;
      } else if (outcome.class === 'permanent') {
        this.db.prepare(`UPDATE ticket_actions SET state = 'failed', error = ? WHERE id = ?`).run(`${outcome.code ?? ''} ${outcome.message}`.trim(), action.id);
      } else break;
    }
    return { sent, waiting: this.queuedCount() };
  }

  private queue(ticketId: string, action: 'reply' | 'close', body: string | null, change: string): { queued: number } {
    this.db.transaction(() => {
      this.db.prepare(`INSERT INTO ticket_actions (ticket_id, action, body, state, created_at) VALUES (?, ?, ?, 'queued', ?)`).run(ticketId, action, body, this.now());
      this.db.prepare(`UPDATE tickets SET ${change}, updated_at = ? WHERE ticket_id = ?`).run(this.now(), ticketId);
    })();
    return { queued: this.queuedCount() };
  }

  private requireOpen(ticketId: string): void {
    const ticket = this.db.prepare('SELECT status FROM tickets WHERE ticket_id = ?').get(ticketId) as { status: string } | undefined;
    if (!ticket) throw new CoreError('NOT_FOUND', `Ticket ${ticketId} is not in the local cache`);
    if (ticket.status === 'closed') throw new CoreError('CONFLICT', `Ticket ${ticketId} is already closed`);
  }
}

function weeklyMinutes(hours: { days: number[]; from: string; to: string }): number {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return new Set(hours.days).size * Math.max(0, minutes(hours.to) - minutes(hours.from));
}
