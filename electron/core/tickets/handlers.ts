import type { HandlersFor, ticketsContract } from '../contract';
import type { SqliteDatabase } from '../db';
import { readPage } from '../lists';
import { TICKET_LIST } from './ticket-list';
import type { TicketWork } from './ticket-work';

export interface TicketHandlerDeps {
  db: SqliteDatabase;
  work: TicketWork;
  /** Sends queued replies and closes (a shared job: one at a time, whoever asks). */
  flush: () => Promise<{ sent: number; waiting: number }>;
}

export function ticketHandlers({ db, work, flush }: TicketHandlerDeps): HandlersFor<typeof ticketsContract> {
  return {
    'tickets.page': (request) => readPage(db, TICKET_LIST, request),
    'tickets.get': ({ ticketId }) => work.conversation(ticketId),
    'tickets.products': () => work.products(),
    'tickets.reply': ({ ticketId, text }) => work.reply(ticketId, text),
    'tickets.close': ({ ticketId }) => work.close(ticketId),
    'tickets.flushActions': () => flush(),
    'tickets.authorizeProduct': ({ productId, subAccount }) => work.authorizeProduct(productId, subAccount),
    'tickets.receptionHours': () => work.receptionHours(),
    'tickets.setReceptionHours': (hours) => work.setReceptionHours(hours),
  };
}

/** Sending queued replies and closes: one at a time, whoever asks (a call, reconnecting). */
export const TICKET_FLUSH_JOB = 'tickets:flush';
