import type { z } from 'zod';
import {
  appealGrounds,
  APPEAL_AFTER_REJECTIONS,
  APPEAL_AFTER_WAITING_MS,
  completionDeadline,
  completionOverdue,
  COMPLETION_WITHIN_MS,
  type SupervisionStatus,
  type SupervisionStep,
} from '../conventions';
import type { SupervisionFlow, supervisionFiltersSchema } from '../contract';
import { equals, type Condition, type ReviewList } from '../lists';

/** The page's filters, the time they are judged at, and (inside the core) one flow by id. */
export type SupervisionListFilters = z.infer<typeof supervisionFiltersSchema> & { now: number; flowId?: string };
type StoredRow = Omit<SupervisionFlow, 'completionDeadline' | 'completionOverdue' | 'appealGrounds'>;

/**
 * The rules of conventions/supervision.ts as SQL over `supervision_flows f LEFT JOIN orders o`, so
 * filters and to-dos count what the rows say (the same constants, the same boundaries: strictly more
 * than 5 days, more than 3 rejections, more than 3 hours).
 */
export const APPEALABLE_SQL = `(f.status = 'in_progress' AND (f.rejections > ${APPEAL_AFTER_REJECTIONS}
  OR (f.turn = 'customer' AND f.step_entered_at < @now - ${APPEAL_AFTER_WAITING_MS})))`;
export const COMPLETION_OVERDUE_SQL = `(f.accepted_at IS NOT NULL AND f.accepted_at < @now - ${COMPLETION_WITHIN_MS}
  AND COALESCE(o.status, CASE f.status WHEN 'completed' THEN 'completed' ELSE 'processing' END) != 'completed')`;
export const FLOWS_WITH_ORDERS = 'supervision_flows f LEFT JOIN orders o ON o.order_id = f.order_id';

/** 服务监管, most recently changed first. */
export const SUPERVISION_LIST: ReviewList<SupervisionListFilters, StoredRow> = {
  table: FLOWS_WITH_ORDERS,
  columns: `f.flow_id AS flowId, f.order_id AS orderId, f.product_id AS productId, f.product_name AS productName, f.flow_type AS flowType,
    f.step, f.turn, f.step_entered_at AS stepEnteredAt, f.rejections, f.status, f.accepted_at AS acceptedAt, f.license_code AS licenseCode,
    f.origin, o.status AS orderStatus, o.created_at AS orderCreatedAt, f.updated_at AS updatedAt`,
  id: { field: 'flowId', column: 'f.flow_id' },
  sortable: { updatedAt: { column: 'f.updated_at' }, stepEnteredAt: { column: 'f.step_entered_at' } },
  defaultSort: { field: 'updatedAt', direction: 'desc' },
  conditions(filters) {
    const conditions: Condition[] = [];
    equals(conditions, 'f.flow_type', filters.flowType, 'flowType');
    equals(conditions, 'f.turn', filters.turn, 'turn');
    equals(conditions, 'f.status', filters.status, 'status');
    equals(conditions, 'f.step', filters.step, 'step');
    equals(conditions, 'f.order_id', filters.orderId, 'orderId');
    equals(conditions, 'f.flow_id', filters.flowId, 'flowId');
    if (filters.appealable) conditions.push({ sql: APPEALABLE_SQL, params: { now: filters.now } });
    if (filters.completionOverdue) conditions.push({ sql: COMPLETION_OVERDUE_SQL, params: { now: filters.now } });
    return conditions;
  },
};

/** A stored row with what depends on the time: the completion deadline, whether it is overdue, the grounds for 申诉. */
export function withDeadlines(row: StoredRow, now: number): SupervisionFlow {
  const orderCompleted = row.orderStatus === 'completed' || (row.orderStatus === null && row.status === 'completed');
  return {
    ...row,
    completionDeadline: completionDeadline(row.acceptedAt),
    completionOverdue: completionOverdue(row.acceptedAt, orderCompleted, now),
    appealGrounds: appealGrounds(
      { status: row.status as SupervisionStatus, step: row.step as SupervisionStep, stepEnteredAt: row.stepEnteredAt, rejections: row.rejections },
      now,
    ),
  };
}
