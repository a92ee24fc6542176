import type { SandboxOrder } from './orders';
import {
  TICKET_CUSTOMER_FOLLOW_UPS,
  TICKET_CUSTOMER_THANKS,
  TICKET_SELLER_PROGRESS,
  TICKET_SELLER_QUESTIONS,
  TICKET_SYSTEM_CLOSES,
  TICKET_TOPICS,
} from './names';
import { Rng } from './random';
import { beijingDate } from '../../core/conventions';

/** KooGallery's seller ticket states are not public [UNCONFIRMED]; these follow Seller Center's 工单 pages. */
export type TicketStatus = 'pending' | 'processing' | 'awaiting_customer' | 'closed';

export interface SandboxTicket {
  ticket_id: string;
  title: string;
  status: TicketStatus;
  priority: 'high' | 'medium' | 'low';
  product_id: string;
  product_name: string;
  customer_name: string;
  /** 主账号, or the sub-account the product is authorized to (its tickets move to that queue). */
  assignee: string;
  waiting_on_me: boolean;
  sla_due_at: number;
  created_at: number;
  updated_at: number;
  /** The customer's problem statement (the conversation's first message). */
  description: string;
  /** The conversation, oldest first, between created_at and updated_at. */
  messages: SandboxTicketMessage[];
}

export interface SandboxTicketMessage {
  message_id: string;
  author: 'customer' | 'seller' | 'system';
  body: string;
  sent_at: number;
}

const SLA_HOURS = { high: 4, medium: 24, low: 72 } as const;

export function generateTicket(seed: string, index: number, order: SandboxOrder, start: number, step: number, now: number): SandboxTicket {
  const rng = new Rng(seed, 'ticket', index);
  const createdAt = start + index * step + Math.floor(rng.next() * step * 0.5);
  const ageDays = (now - createdAt) / 86_400_000;
  const status: TicketStatus =
    ageDays > 14
      ? 'closed'
      : rng.weighted<TicketStatus>([
          ['pending', 3],
          ['processing', 3],
          ['awaiting_customer', 2],
          ['closed', 4],
        ]);
  const priority = rng.weighted<SandboxTicket['priority']>([
    ['high', 1],
    ['medium', 3],
    ['low', 2],
  ]);
  const topic = rng.pick(TICKET_TOPICS);
  const ticket = {
    ticket_id: `TK${compactDate(createdAt)}${String(index).padStart(6, '0')}`,
    title: topic.title,
    status,
    priority,
    product_id: order.lines[0]!.product_id,
    product_name: order.product_name,
    customer_name: order.customer.customer_name,
    assignee: rng.chance(0.25) ? `sub_ops_${rng.int(1, 3)}` : 'main',
    waiting_on_me: status === 'pending' || status === 'processing',
    sla_due_at: createdAt + SLA_HOURS[priority] * 3_600_000,
    created_at: createdAt,
    // the last change falls inside the ticket's slot, so updated_at grows with the index
    updated_at: start + (index + 1) * step - 1,
  };
  // its own stream, so the conversation does not move any other field
  const messages = conversation(new Rng(seed, 'ticket-conversation', index), ticket, topic, order);
  return { ...ticket, description: messages[0]!.body, messages };
}

/**
 * Who writes, in order, by the ticket's state: C the customer's description, F a customer follow-up,
 * T the customer's thanks, A the seller's answer, P the seller still working on it, Q the seller's
 * question, Y the marketplace closing it. Pending tickets end with the customer, tickets awaiting
 * the customer with the seller; closed ones often with the marketplace.
 */
type TicketTopic = (typeof TICKET_TOPICS)[number];

const PATTERNS: Record<TicketStatus, readonly (readonly [string, number])[]> = {
  pending: [
    ['C', 3],
    ['CF', 2],
    ['CQF', 2],
    ['CAF', 2],
    ['CPFQF', 1],
  ],
  processing: [
    ['CP', 3],
    ['CFP', 2],
    ['CQFP', 2],
    ['CAF', 1],
  ],
  awaiting_customer: [
    ['CQ', 3],
    ['CA', 3],
    ['CFQ', 1],
    ['CPFA', 2],
    ['CQFA', 1],
  ],
  closed: [
    ['CATY', 3],
    ['CAY', 2],
    ['CAT', 2],
    ['CPAY', 1],
    ['CQFAY', 1],
  ],
};

function conversation(
  rng: Rng,
  ticket: { ticket_id: string; status: TicketStatus; created_at: number; updated_at: number },
  topic: TicketTopic,
  order: SandboxOrder,
): SandboxTicketMessage[] {
  const pattern = rng.weighted(PATTERNS[ticket.status]);
  const span = ticket.updated_at - ticket.created_at;
  const last = pattern.length - 1;
  return [...pattern].map((kind, k) => {
    // the first at creation, the last at the ticket's last change, the others inside their own share of the time between
    const sentAt = k === 0 ? ticket.created_at : k === last ? ticket.updated_at : ticket.created_at + Math.floor((span * (k - 0.4 + 0.8 * rng.next())) / last);
    const [author, body] = message(kind, rng, topic, order);
    return { message_id: `${ticket.ticket_id}-${String(k + 1).padStart(2, '0')}`, author, body, sent_at: sentAt };
  });
}

function message(kind: string, rng: Rng, topic: TicketTopic, order: SandboxOrder): [SandboxTicketMessage['author'], string] {
  switch (kind) {
    case 'C':
      return ['customer', rng.pick(topic.descriptions).replace('{product}', order.product_name).replace('{order}', order.order_id)];
    case 'F':
      return ['customer', rng.pick(TICKET_CUSTOMER_FOLLOW_UPS)];
    case 'T':
      return ['customer', rng.pick(TICKET_CUSTOMER_THANKS)];
    case 'A':
      return ['seller', rng.pick(topic.answers)];
    case 'P':
      return ['seller', rng.pick(TICKET_SELLER_PROGRESS)];
    case 'Q':
      return ['seller', rng.pick(TICKET_SELLER_QUESTIONS)];
    default:
      return ['system', rng.pick(TICKET_SYSTEM_CLOSES)];
  }
}

function compactDate(epochMs: number): string {
  return beijingDate(epochMs).replace(/-/g, '');
}
