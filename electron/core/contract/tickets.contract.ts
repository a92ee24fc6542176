import { z } from 'zod';
import { method } from './define';
import { pageOf, pagingInput as paging } from './lists.contract';

export const ticketRowSchema = z.object({
  ticketId: z.string(),
  title: z.string(),
  status: z.string(),
  priority: z.string(),
  productName: z.string().nullable(),
  customerName: z.string(),
  assignee: z.string().nullable(),
  waitingOnMe: z.boolean(),
  slaDueAt: z.number().int().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});

export const ticketFiltersSchema = z
  .object({ waitingOnMe: z.boolean().optional(), status: z.string().max(32).optional(), priority: z.string().max(16).optional() })
  .strict();

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
export function receptionHoursProblem(hours: ReceptionHours): { field: 'days' | 'to'; message: string } | null {
  const days = new Set(hours.days).size;
  if (days < RECEPTION_MIN_DAYS)
    return {
      field: 'days',
      message: `工单接待 needs at least ${RECEPTION_MIN_DAYS} days a week with at least ${RECEPTION_MIN_HOURS_PER_DAY} hours each (5 × 8); ${days} day(s) chosen`,
    };
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const daily = minutes(hours.to) - minutes(hours.from);
  if (daily < RECEPTION_MIN_HOURS_PER_DAY * 60) {
    return {
      field: 'to',
      message: `工单接待 needs at least ${RECEPTION_MIN_HOURS_PER_DAY} hours each day (5 × 8); ${hours.from}–${hours.to} is ${Number((Math.max(0, daily) / 60).toFixed(2))} hours`,
    };
  }
  return null;
}

const receptionHoursInput = receptionHoursSchema.strict().superRefine((hours, ctx) => {
  const problem = receptionHoursProblem(hours);
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
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
  'tickets.page': method({
    summary: '客户工单: one page, most recently updated first.',
    input: z.object({ filters: ticketFiltersSchema.default({}), ...paging }).strict(),
    output: pageOf(ticketRowSchema),
  }),
};
