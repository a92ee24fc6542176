import { z } from 'zod';
import { dateOfDayNumber, dayNumberOfDate } from '../conventions';
import { method } from './define';
import { productTypeSchema } from './lists.contract';

/** Reports cover 2000–2099: the cache holds KooGallery's years, and the calendar maths stays in range. */
const YEAR = z.number().int().min(2000).max(2099);
const DATE = z
  .string()
  .regex(/^20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected a date such as 2026-11-24')
  .refine((date) => dateOfDayNumber(dayNumberOfDate(date)) === date, { message: 'a date that exists (no 31 April)', params: { reason: 'realDate' } });

/** A report period in Beijing time: a month, a quarter, a year, or from one date to another (both included). */
export const reportPeriodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('month'), month: z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, 'expected a month such as 2026-11') }).strict(),
  z.object({ kind: z.literal('quarter'), year: YEAR, quarter: z.number().int().min(1).max(4) }).strict(),
  z.object({ kind: z.literal('year'), year: YEAR }).strict(),
  z
    .object({ kind: z.literal('range'), from: DATE, to: DATE })
    .strict()
    .refine((range) => range.from <= range.to, { message: 'the start must not be after the end', path: ['to'], params: { reason: 'rangeOrder' } }),
]);
export type ReportPeriod = z.infer<typeof reportPeriodSchema>;

/** One line of the report: paid orders (count, amount) and transaction details (count, 已出账, 待出账), in fen. */
export const figuresSchema = z.object({
  paidOrders: z.number().int(),
  orderAmountFen: z.number().int(),
  transactions: z.number().int(),
  billedFen: z.number().int(),
  unbilledFen: z.number().int(),
});
export type Figures = z.infer<typeof figuresSchema>;

export const storeFiguresSchema = z.object({
  /** The period as dates in Beijing time, both included. */
  period: z.object({ from: z.string(), to: z.string() }),
  /** When the figures were read (the cache as it was then). */
  asOf: z.number().int(),
  source: z.enum(['sandbox', 'koogallery']).nullable(),
  sellerName: z.string().nullable(),
  totals: figuresSchema,
  byMonth: z.array(figuresSchema.extend({ month: z.string() })),
  byProductType: z.array(figuresSchema.extend({ productType: productTypeSchema.or(z.string()) })),
  /** The top products by 交易额 (orders and transaction details together); the rest summed in one line with `productName` null. */
  byProduct: z.array(figuresSchema.extend({ productName: z.string().nullable(), products: z.number().int() })),
});
export type StoreFigures = z.infer<typeof storeFiguresSchema>;

export const storeFiguresContract = {
  'reports.storeFigures': method({
    summary: '云商店订单交易额/订单数 for a period: paid orders and transaction details by month, product type and product, from the local cache.',
    input: z.object({ period: reportPeriodSchema }).strict(),
    output: storeFiguresSchema,
  }),
};
