import type { z } from 'zod';
import type { ticketFiltersSchema, ticketRowSchema } from '../contract/review.contract';
import { equals, type Condition, type ReviewList } from './keyset';

type TicketFilters = z.infer<typeof ticketFiltersSchema>;
type TicketRow = z.infer<typeof ticketRowSchema>;

/** 客户工单, most recently updated first. */
export const TICKET_LIST: ReviewList<TicketFilters, TicketRow> = {
  table: 'tickets',
  columns: `ticket_id AS ticketId, title, status, priority, product_name AS productName, customer_name AS customerName, assignee,
    waiting_on_me AS waitingOnMe, sla_due_at AS slaDueAt, created_at AS createdAt, updated_at AS updatedAt`,
  timeColumn: 'updated_at',
  idColumn: 'ticket_id',
  key: (row) => ({ time: row.updatedAt, id: row.ticketId }),
  fromDb: (row) => ({ ...row, waitingOnMe: row.waitingOnMe === 1 }) as TicketRow,
  conditions(filters) {
    const conditions: Condition[] = [];
    if (filters.waitingOnMe !== undefined) equals(conditions, 'waiting_on_me', filters.waitingOnMe ? 1 : 0);
    equals(conditions, 'status', filters.status);
    equals(conditions, 'priority', filters.priority);
    return conditions;
  },
};
