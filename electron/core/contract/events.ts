import { z } from 'zod';
import { appStatusSchema, syncResourceSchema, usageQueueSummarySchema } from './status.contract';

/** Everything the core pushes to the UI without being asked, on the same channel as call results. */
export const coreEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), status: appStatusSchema }),
  z.object({
    type: z.literal('progress'),
    jobId: z.string(),
    label: z.string(),
    done: z.number().nonnegative(),
    total: z.number().nonnegative().nullable(),
    ratePerSecond: z.number().nonnegative().nullable(),
    etaMs: z.number().nonnegative().nullable(),
    finished: z.boolean(),
  }),
  z.object({
    type: z.literal('sync'),
    resource: syncResourceSchema,
    state: z.enum(['running', 'idle', 'error', 'cancelled']),
    message: z.string().nullable(),
  }),
  z.object({ type: z.literal('queue'), queue: usageQueueSummarySchema }),
  z.object({
    type: z.literal('notice'),
    level: z.enum(['info', 'warning', 'error']),
    /** An i18n key the UI translates, with values to fill in. */
    messageKey: z.string(),
    values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }),
]);
export type CoreEvent = z.infer<typeof coreEventSchema>;
export type CoreEventType = CoreEvent['type'];
