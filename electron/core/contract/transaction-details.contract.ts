import { z } from 'zod';
import { method } from './define';
import { countSchema, pageOf, pagingInput as paging, productTypeSchema as productType, sortInput, vocabEnum } from './lists.contract';

export const detailRowSchema = z.object({
  detailId: z.string(),
  orderId: z.string(),
  orderLineId: z.string().nullable(),
  productType,
  productName: z.string(),
  customerAccount: z.string(),
  chargingMode: z.string(),
  billingPeriod: z.string(),
  transactionAt: z.number().int(),
  billingStatus: vocabEnum('billingStatus'),
  supervisionStatus: z.string().nullable(),
  amountFen: z.number().int(),
  settlementAmountFen: z.number().int(),
  opsFeeRatio: z.string().nullable(),
});

export const detailFiltersSchema = z
  .object({
    productType: productType.optional(),
    orderId: z.string().trim().max(64).optional(),
    billingPeriod: z
      .string()
      .regex(/^\d{4}-\d{2}$/)
      .optional(),
    customerAccount: z.string().trim().max(128).optional(),
    transactionFrom: z.number().int().optional(),
    transactionTo: z.number().int().optional(),
    billingStatus: detailRowSchema.shape.billingStatus.optional(),
    supervisionStatus: z.string().max(32).optional(),
  })
  .strict();

export const transactionDetailsContract = {
  'transactionDetails.page': method({
    summary: '交易明细: one page, newest first.',
    input: z.object({ filters: detailFiltersSchema.default({}), ...paging, sort: sortInput(['transactionAt', 'amountFen']) }).strict(),
    output: pageOf(detailRowSchema),
  }),
  'transactionDetails.totals': method({
    summary: '合计 of the transaction details that match: rows, 交易金额, 结算金额 and 运营管理费, in fen.',
    input: z.object({ filters: detailFiltersSchema.default({}) }).strict(),
    output: z.object({ rows: z.number().int(), amountFen: z.number().int(), settlementAmountFen: z.number().int(), opsFeeFen: z.number().int() }),
  }),
  'transactionDetails.count': method({
    summary: 'How many transaction details match.',
    input: z.object({ filters: detailFiltersSchema.default({}) }).strict(),
    output: countSchema,
  }),
};
