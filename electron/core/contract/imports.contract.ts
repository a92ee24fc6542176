import { z } from 'zod';
import { method } from './define';

export const importResultSchema = z.object({
  kind: z.enum(['orders', 'transaction_details']),
  rows: z.number().int(),
  imported: z.number().int(),
  problems: z.array(z.object({ row: z.number().int(), column: z.string(), reason: z.string() })),
  refused: z.boolean(),
  needsMapping: z
    .object({ headers: z.array(z.string()), missing: z.array(z.string()), mapping: z.record(z.string(), z.string().nullable()) })
    .nullable(),
});

export const importsContract = {
  'imports.sellerCenter': method({
    summary: 'Imports a Seller Center export (orders or transaction details, xlsx or csv) in one transaction; every bad row reported.',
    input: z
      .object({
        kind: z.enum(['orders', 'transaction_details']),
        fileName: z.string().min(1).max(255),
        contentBase64: z.string().max(300 * 1024 * 1024),
        /** Column header → field, confirmed by the seller in the mapping dialog; remembered for this header set. */
        mapping: z.record(z.string(), z.string()).default({}),
      })
      .strict(),
    output: importResultSchema,
  }),
};
