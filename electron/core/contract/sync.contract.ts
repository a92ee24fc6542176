import { z } from 'zod';
import { method } from './define';
import { syncErrorSchema, syncResourceSchema } from './status.contract';

export const syncResultSchema = z.object({
  resource: syncResourceSchema,
  rows: z.number().int(),
  pages: z.number().int(),
  completed: z.boolean(),
  cancelled: z.boolean(),
  /** Why the run stopped early (the status bar shows it until a run succeeds). */
  error: syncErrorSchema.nullable(),
  /** Where the run's time went, in ms. */
  timings: z.object({ waitingForPagesMs: z.number(), waitingForCheckpointMs: z.number(), writingMs: z.number(), finishingMs: z.number() }),
});

export const syncContract = {
  'sync.run': method({
    summary: 'Syncs the given resources (default: all the source can list) from their stored cursors; progress arrives as events.',
    input: z.object({ resources: z.array(syncResourceSchema).min(1).optional() }).strict(),
    output: z.array(syncResultSchema),
  }),
  'sync.cancel': method({
    summary: 'Stops a running sync after the page in progress; the next run resumes from there.',
    input: z.object({ resource: syncResourceSchema.optional() }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  }),
};
