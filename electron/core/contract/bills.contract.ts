import { z } from 'zod';
import { method } from './define';
import { countSchema, pageOf, pagingInput as paging, productTypeSchema as productType, sortInput } from './lists.contract';

export const billRowSchema = z.object({
  billId: z.string(),
  billingPeriod: z.string(),
  periodStart: z.number().int(),
  productType,
  amountFen: z.number().int(),
  settlementAmountFen: z.number().int().nullable(),
  status: z.string(),
  generatedAt: z.number().int().nullable(),
});

export const billFiltersSchema = z
  .object({
    productType: productType.optional(),
    billingPeriod: z
      .string()
      .regex(/^\d{4}-\d{2}$/)
      .optional(),
    status: z.string().trim().max(32).optional(),
  })
  .strict();

export const billsContract = {
  'bills.page': method({
    summary: '账单 (imported from Seller Center): one page, newest billing period first.',
    input: z.object({ filters: billFiltersSchema.default({}), ...paging, sort: sortInput(['periodStart', 'amountFen']) }).strict(),
    output: pageOf(billRowSchema),
  }),
  'bills.count': method({ summary: 'How many bills match.', input: z.object({ filters: billFiltersSchema.default({}) }).strict(), output: countSchema }),
};
