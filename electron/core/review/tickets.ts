import type { z } from 'zod';
import type { ticketFiltersSchema, ticketRowSchema } from '../contract/review.contract';
import type { SqliteDatabase } from '../db';
import { equals, pageSql, type Condition, type PageKey } from './keyset';

type TicketFilters = z.infer<typeof ticketFiltersSchema>;
type TicketRow = z.infer<typeof ticketRowSchema>;

const COLUMNS = `ticket_id AS ticketId, title, status, priority, product_name AS productName, customer_name AS customerName, assignee,
  waiting_on_me AS waitingOnMe, sla_due_at AS slaDueAt, created_at AS createdAt, updated_at AS updatedAt`;

export function ticketsPage(db: SqliteDatabase, filters: TicketFilters, limit: number, after: PageKey | null, offset: number) {
  const conditions: Condition[] = [];
  if (filters.waitingOnMe !== undefined) equals(conditions, 'waiting_on_me', filters.waitingOnMe ? 1 : 0);
  equals(conditions, 'status', filters.status);
  equals(conditions, 'priority', filters.priority);
  const { sql, params } = pageSql({ table: 'tickets', columns: COLUMNS, timeColumn: 'updated_at', idColumn: 'ticket_id', conditions, limit, after, offset });
  const rows = (db.prepare(sql).all(params) as (Omit<TicketRow, 'waitingOnMe'> & { waitingOnMe: number })[]).map((row) => ({ ...row, waitingOnMe: row.waitingOnMe === 1 }));
  const last = rows.at(-1);
  return { rows, next: rows.length === limit && last ? { time: last.updatedAt, id: last.ticketId } : null };
}
