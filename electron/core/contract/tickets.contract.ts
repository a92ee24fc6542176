import { z } from 'zod';
import { method } from './define';
import { pageOf, pagingInput as paging, sortInput } from './lists.contract';

export const ticketRowSchema = z.object({
  ticketId: z.string(),
  title: z.string(),
  status: z.string(),
  priority: z.string(),
  productId: z.string().nullable(),
  productName: z.string().nullable(),
  customerName: z.string(),
  assignee: z.string().nullable(),
  waitingOnMe: z.boolean(),
  slaDueAt: z.number().int().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});

export const ticketFiltersSchema = z
  .object({
    waitingOnMe: z.boolean().optional(),
    status: z.string().max(32).optional(),
    priority: z.string().max(16).optional(),
    productId: z.string().max(64).optional(),
    /** Only tickets whose SLA ends before this time (已超时: now; 4小时内到期: now + 4 h); tickets without an SLA never match. */
    slaDueBefore: z.number().int().optional(),
  })
  .strict();

/** One ticket with the customer's problem statement (工单详情). */
export const ticketDetailSchema = ticketRowSchema.extend({ description: z.string().nullable() });

/**
 * One message of a ticket's conversation: the source's (delivered), or a reply or close the seller
 * made here (queued until the source takes it, failed with the source's error). A local close is a
 * `system` message with an empty body, for the page to word.
 */
export const ticketMessageSchema = z.object({
  messageId: z.string(),
  author: z.enum(['customer', 'seller', 'system']),
  body: z.string(),
  sentAt: z.number().int(),
  state: z.enum(['delivered', 'queued', 'failed']),
  error: z.string().nullable(),
});
export type TicketMessage = z.infer<typeof ticketMessageSchema>;

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** 工单接待: the ISO weekdays (1 = Monday … 7 = Sunday) and the daily hours the seller receives tickets. */
export const receptionHoursSchema = z.object({
  days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  from: z.string().regex(HH_MM, 'expected HH:mm'),
  to: z.string().regex(new RegExp(`${HH_MM.source}|^24:00$`), 'expected HH:mm'),
});
export type ReceptionHours = z.infer<typeof receptionHoursSchema>;

/** Seller Center's rule (koogallery-api.md §4.8): at least 5 days a week, at least 8 hours each day (5 × 8). */
export const RECEPTION_MIN_DAYS = 5;
export const RECEPTION_MIN_HOURS_PER_DAY = 8;

/** Why reception hours break the 5 × 8 rule (the field and the reason), or null when they keep it. */
export function receptionHoursProblem(hours: ReceptionHours): { field: 'days' | 'to'; message: string; params: Record<string, string | number> } | null {
  const days = new Set(hours.days).size;
  if (days < RECEPTION_MIN_DAYS) {
    return {
      field: 'days',
      message: `工单接待 needs at least ${RECEPTION_MIN_DAYS} days a week with at least ${RECEPTION_MIN_HOURS_PER_DAY} hours each (5 × 8); ${days} day(s) chosen`,
      params: { reason: 'receptionDays', days },
    };
  }
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const daily = Number((Math.max(0, minutes(hours.to) - minutes(hours.from)) / 60).toFixed(2));
  if (daily < RECEPTION_MIN_HOURS_PER_DAY) {
    return {
      field: 'to',
      message: `工单接待 needs at least ${RECEPTION_MIN_HOURS_PER_DAY} hours each day (5 × 8); ${hours.from}–${hours.to} is ${daily} hours`,
      params: { reason: 'receptionHours', from: hours.from, to: hours.to, hours: daily },
    };
  }
  return null;
}

const receptionHoursInput = receptionHoursSchema.strict().superRefine((hours, ctx) => {
  const problem = receptionHoursProblem(hours);
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message, params: problem.params });
});

export const ticketsContract = {
  'tickets.reply': method({
    summary: 'Replies to a ticket; the ticket changes at once and the reply is queued until the source takes it.',
    input: z.object({ ticketId: z.string().min(1).max(64), text: z.string().trim().min(1, 'reply text is required').max(2000) }).strict(),
    output: z.object({ queued: z.number().int() }),
  }),
  'tickets.close': method({
    summary: 'Closes a ticket (queued like a reply).',
    input: z.object({ ticketId: z.string().min(1).max(64) }).strict(),
    output: z.object({ queued: z.number().int() }),
  }),
  'tickets.flushActions': method({
    summary: 'Sends queued replies and closes now.',
    input: z.object({}).strict(),
    output: z.object({ sent: z.number().int(), waiting: z.number().int() }),
  }),
  'tickets.authorizeProduct': method({
    summary: "Authorizes a product's tickets to a sub-account (null: the main account); its open tickets move to that queue.",
    input: z.object({ productId: z.string().min(1).max(64), subAccount: z.string().trim().min(1).max(64).nullable() }).strict(),
    output: z.object({ moved: z.number().int() }),
  }),
  'tickets.receptionHours': method({ summary: '工单接待 hours.', input: z.object({}).strict(), output: receptionHoursSchema }),
  'tickets.setReceptionHours': method({
    summary: '工单接待: days and hours, at least 5 × 8 hours a week.',
    input: receptionHoursInput,
    output: receptionHoursSchema,
  }),
  'tickets.get': method({
    summary: 'One ticket with its description and its conversation, oldest first, including replies and closes still on their way.',
    input: z.object({ ticketId: z.string().min(1).max(64) }).strict(),
    output: z.object({ ticket: ticketDetailSchema, messages: z.array(ticketMessageSchema) }),
  }),
  'tickets.products': method({
    summary: 'The products cached tickets are about, by name (the product filter).',
    input: z.object({}).strict(),
    output: z.array(z.object({ productId: z.string(), productName: z.string() })),
  }),
  'tickets.page': method({
    summary: '客户工单: one page, most recently updated first.',
    input: z.object({ filters: ticketFiltersSchema.default({}), ...paging, sort: sortInput(['updatedAt', 'slaDueAt', 'createdAt']) }).strict(),
    output: pageOf(ticketRowSchema),
  }),
};
