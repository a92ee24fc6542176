import { z } from 'zod';
import { method } from './define';

/** A job id the caller picks, so it can follow the job's progress events and cancel it while the call runs. */
export const jobIdSchema = z.string().regex(/^[A-Za-z0-9:_-]{1,64}$/, 'letters, digits, ":", "_" or "-", at most 64');

export const jobsContract = {
  'jobs.cancel': method({
    summary:
      'Cancels a running job by its id (an import, an export, a sync: sync:orders, …); what an import or export had done is undone, a sync keeps the pages it finished.',
    input: z.object({ jobId: jobIdSchema }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  }),
};
