import type { z } from 'zod';
import type { ticketFiltersSchema, ticketRowSchema } from '../contract';
import { between, dateField, equals, reviewListExport, textField, type Condition, type ReviewList } from '../lists';

type TicketFilters = z.infer<typeof ticketFiltersSchema>;
type TicketRow = z.infer<typeof ticketRowSchema>;

/** 客户工单, most recently updated first. */
export const TICKET_LIST: ReviewList<TicketFilters, TicketRow> = {
  table: 'tickets',
  columns: `ticket_id AS ticketId, title, status, priority, product_id AS productId, product_name AS productName, customer_name AS customerName, assignee,
    waiting_on_me AS waitingOnMe, sla_due_at AS slaDueAt, created_at AS createdAt, updated_at AS updatedAt`,
  id: { field: 'ticketId', column: 'ticket_id' },
  // no SLA (closed long ago, or the source gave none) sorts after every deadline
  sortable: { updatedAt: { column: 'updated_at' }, slaDueAt: { column: 'sla_due_at', nullsAs: 8.64e15 }, createdAt: { column: 'created_at' } },
  defaultSort: { field: 'updatedAt', direction: 'desc' },
  fromDb: (row) => ({ ...row, waitingOnMe: row.waitingOnMe === 1 }) as TicketRow,
  conditions(filters) {
    const conditions: Condition[] = [];
    if (filters.waitingOnMe !== undefined) equals(conditions, 'waiting_on_me', filters.waitingOnMe ? 1 : 0);
    equals(conditions, 'status', filters.status);
    equals(conditions, 'priority', filters.priority);
    equals(conditions, 'product_id', filters.productId);
    // 已超时 (before now), 4小时内到期 (before now + 4 h): a ticket without an SLA is never due
    between(conditions, 'sla_due_at', undefined, filters.slaDueBefore);
    return conditions;
  },
};

export const TICKETS_EXPORT = reviewListExport(TICKET_LIST, '客户工单', [
  textField('工单号', 'ticket_id', 20),
  textField('标题', 'title', 36),
  textField('状态', 'status', 10, 'ticketStatus'),
  textField('优先级', 'priority', 8, 'ticketPriority'),
  textField('商品名称', 'product_name', 28),
  textField('客户名称', 'customer_name', 28),
  textField('处理人', 'assignee', 12, { main: '主账号' }),
  textField('待我处理', 'waiting_on_me', 9, { 1: '是', 0: '否' }),
  dateField('SLA到期时间', 'sla_due_at'),
  dateField('创建时间', 'created_at'),
  dateField('更新时间', 'updated_at'),
]);
