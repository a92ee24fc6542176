import type { z } from 'zod';
import { CoreError, receptionHoursSchema, type ReceptionHours, type TicketMessage, type ticketDetailSchema } from '../contract';
import type { Connector } from '../marketplace';
import type { KeyValues } from '../settings';
import { TICKET_LIST } from './ticket-list';
import type { LocalTicketAction, SourceTicketMessage, TicketsTable } from './tickets-table';

const RECEPTION_KEY = 'tickets.receptionHours';
const DEFAULT_RECEPTION: ReceptionHours = { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' };
/** How much earlier than the seller's own clock the source may date a reply it took (clocks differ). */
const SOURCE_CLOCK_SKEW_MS = 10 * 60_000;
const byName = new Intl.Collator('zh-CN');

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

  /**
   * 工单详情: the ticket, the source's conversation, and the seller's own replies and closes made
   * here — queued, failed, or sent. A sent one is shown once: when the source's conversation already
   * has it (the same words from the seller, or a close, dated no earlier than it was made), only
   * the source's message stays.
   */
  conversation(ticketId: string): { ticket: z.infer<typeof ticketDetailSchema>; messages: TicketMessage[] } {
    const row = this.tickets.ticket(ticketId);
    if (!row) throw notInCache(ticketId);
    const { description, ...listed } = row;
    const ticket = { ...TICKET_LIST.fromDb!(listed), description: (description as string | null) ?? null };
    const source = this.tickets.messages(ticketId);
    const echoed = new Set<SourceTicketMessage>();
    const echoOf = (action: LocalTicketAction) =>
      source.find(
        (m) =>
          !echoed.has(m) &&
          m.sentAt >= action.createdAt - SOURCE_CLOCK_SKEW_MS &&
          (action.action === 'reply' ? m.author === 'seller' && m.body === action.body : m.author === 'system'),
      );
    const local: TicketMessage[] = [];
    for (const action of this.tickets.localActions(ticketId)) {
      const echo = action.state === 'sent' ? echoOf(action) : undefined;
      if (echo) {
        echoed.add(echo);
        continue;
      }
      local.push({
        messageId: `local-${action.action}-${action.id}`,
        author: action.action === 'reply' ? 'seller' : 'system',
        body: action.action === 'reply' ? (action.body ?? '') : '',
        sentAt: action.createdAt,
        state: action.state === 'sent' ? 'delivered' : action.state,
        error: action.state === 'failed' ? action.error : null,
      });
    }
    const delivered = source.map((m): TicketMessage => ({ ...m, state: 'delivered', error: null }));
    // stable: at the same moment the source's message comes first
    const messages = [...delivered, ...local].sort((a, b) => a.sentAt - b.sentAt);
    return { ticket, messages };
  }

  /** The products cached tickets are about, by name as a Chinese reader sorts them. */
  products(): { productId: string; productName: string }[] {
    return this.tickets.products().sort((a, b) => byName.compare(a.productName, b.productName) || (a.productId < b.productId ? -1 : 1));
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
    if (status === null) throw notInCache(ticketId);
    if (status === 'closed') throw new CoreError('CONFLICT', `Ticket ${ticketId} is already closed`, { reason: 'ticket.closed', params: { ticketId } });
  }
}

function notInCache(ticketId: string): CoreError {
  return new CoreError('NOT_FOUND', `Ticket ${ticketId} is not in the local cache`, { reason: 'ticket.notInCache', params: { ticketId } });
}
