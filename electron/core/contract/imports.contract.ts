import { z } from 'zod';
import { method } from './define';

export const exportKindSchema = z.enum(['orders', 'transaction_details', 'bills']);

export const importResultSchema = z.object({
  kind: exportKindSchema,
  rows: z.number().int(),
  imported: z.number().int(),
  problems: z.array(z.object({ row: z.number().int(), column: z.string(), reason: z.string() })),
  refused: z.boolean(),
  needsMapping: z
    .object({ headers: z.array(z.string()), missing: z.array(z.string()), mapping: z.record(z.string(), z.string().nullable()) })
    .nullable(),
});

/** A job id the caller picks, so it can follow the job's progress events and cancel it while the call runs. */
export const jobIdSchema = z.string().regex(/^[A-Za-z0-9:_-]{1,64}$/, 'letters, digits, ":", "_" or "-", at most 64');

export const importsContract = {
  'imports.sellerCenter': method({
    summary: 'Imports a Seller Center export (orders, transaction details or bills; xlsx or csv) in one transaction; every bad row reported; progress as events under jobId.',
    input: z
      .object({
        kind: exportKindSchema,
        fileName: z.string().min(1).max(255),
        contentBase64: z.string().max(300 * 1024 * 1024),
        /** Column header → field, confirmed by the seller in the mapping dialog; remembered for this header set. */
        mapping: z.record(z.string(), z.string()).default({}),
        jobId: jobIdSchema.optional(),
      })
      .strict(),
    output: importResultSchema,
  }),
  'jobs.cancel': method({
    summary: 'Cancels a running import or export by its job id; what it had done is undone.',
    input: z.object({ jobId: jobIdSchema }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  }),
};
