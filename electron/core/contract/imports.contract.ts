import { z } from 'zod';
import { method } from './define';
import { reasonParamsSchema } from './errors';
import { fileNameSchema } from './lists.contract';
import { jobIdSchema } from './jobs.contract';

export const exportKindSchema = z.enum(['orders', 'transaction_details', 'bills']);

/**
 * Every bad row of an imported file, in one shape: its row number, the file's own column header,
 * what is wrong (in English for logs; `key` and `params` for the UI to word it).
 */
export const badRowSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  reason: z.string(),
  key: z.string().optional(),
  params: reasonParamsSchema.optional(),
});
export type BadRow = z.infer<typeof badRowSchema>;

export const importResultSchema = z.object({
  kind: exportKindSchema,
  /** The text encoding a CSV was read in (UTF-8, GB18030 (GBK), …); null for a workbook. */
  encoding: z.string().nullable(),
  rows: z.number().int(),
  imported: z.number().int(),
  problems: z.array(badRowSchema),
  refused: z.boolean(),
  needsMapping: z
    .object({
      headers: z.array(z.string()),
      missing: z.array(z.string()),
      mapping: z.record(z.string(), z.string().nullable()),
      /** Every field a column can map to, with the Seller Center's name for it (the mapping dialog's choices). */
      fields: z.array(z.object({ field: z.string(), label: z.string() })),
    })
    .nullable(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const importsContract = {
  'imports.sellerCenter': method({
    summary:
      'Imports a Seller Center export (orders, transaction details or bills; xlsx or csv) in one transaction; every bad row reported; progress as events under jobId.',
    input: z
      .object({
        kind: exportKindSchema,
        fileName: fileNameSchema,
        contentBase64: z.string().max(300 * 1024 * 1024),
        /** Column header → field, confirmed by the seller in the mapping dialog; remembered for this header set. */
        mapping: z.record(z.string(), z.string()).default({}),
        jobId: jobIdSchema.optional(),
      })
      .strict(),
    output: importResultSchema,
  }),
};
