import { CoreError, receptionHoursSchema, type ReceptionHours } from '../contract';
import type { Connector } from '../marketplace';
import type { KeyValues } from '../settings';
import type { TicketsTable } from './tickets-table';

const RECEPTION_KEY = 'tickets.receptionHours';
const DEFAULT_RECEPTION: ReceptionHours = { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' };

/**
 * Ticket work that must not wait for the network: a reply or close changes the local ticket at once
 * and is queued; the queue is sent when the source can take it. KooGallery has no ticket API
 * (koogallery-api.md §3.6): with the real source the queue waits for the seller to act in Seller Center.
 */
export class TicketWork {
  constructor(
    private readonly tickets: TicketsTable,
    private readonly values: KeyValues,
    private readonly now: () => number,
  ) {}

  reply(ticketId: string, text: string): { queued: number } {
    this.requireOpen(ticketId);
    this.tickets.queueAction(ticketId, 'reply', text, this.now());
    return { queued: this.tickets.queuedCount() };
  }

  close(ticketId: string): { queued: number } {
    this.requireOpen(ticketId);
    this.tickets.queueAction(ticketId, 'close', null, this.now());
    return { queued: this.tickets.queuedCount() };
  }

  authorizeProduct(productId: string, subAccount: string | null): { moved: number } {
    return { moved: this.tickets.authorizeProduct(productId, subAccount, this.now()) };
  }

  receptionHours(): ReceptionHours {
    return this.values.get(RECEPTION_KEY, receptionHoursSchema) ?? DEFAULT_RECEPTION;
  }

  /** Already checked against the 5 × 8 rule by the contract. */
  setReceptionHours(hours: ReceptionHours): ReceptionHours {
    this.values.set({ [RECEPTION_KEY]: hours });
    return hours;
  }

  /** Sends queued actions in order; stops at the first that cannot be sent (it is retried next time). */
  async flush(connector: Connector | null): Promise<{ sent: number; waiting: number }> {
    if (!connector?.capabilities.ticketActions) return { sent: 0, waiting: this.tickets.queuedCount() };
    let sent = 0;
    for (const action of this.tickets.queuedActions()) {
      const outcome = await connector.sendTicketAction(action.ticketId, action.action, action.body);
      if (outcome.class === 'ok') {
        this.tickets.markSent(action.id, this.now());
        sent++;
      } else if (outcome.class === 'permanent') this.tickets.markFailed(action.id, `${outcome.code ?? ''} ${outcome.message}`.trim());
      else break;
    }
    return { sent, waiting: this.tickets.queuedCount() };
  }

  private requireOpen(ticketId: string): void {
    const status = this.tickets.status(ticketId);
    if (status === null) throw new CoreError('NOT_FOUND', `Ticket ${ticketId} is not in the local cache`);
    if (status === 'closed') throw new CoreError('CONFLICT', `Ticket ${ticketId} is already closed`);
  }
}
