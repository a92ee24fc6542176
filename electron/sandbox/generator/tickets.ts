import type { SandboxOrder } from './orders';
import { TICKET_TITLES } from './names';
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
  return {
    ticket_id: `TK${compactDate(createdAt)}${String(index).padStart(6, '0')}`,
    title: rng.pick(TICKET_TITLES),
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
}

function compactDate(epochMs: number): string {
  return beijingDate(epochMs).replace(/-/g, '');
}
