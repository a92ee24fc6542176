import { z } from 'zod';
import { dateOfDayNumber, dayNumberOfDate, GUIDE_ITEMS, LISTING_KINDS, LISTING_STEPS } from '../conventions';
import { method } from './define';
import { reasonParamsSchema } from './errors';
import { fileNameSchema } from './lists.contract';

const kind = z.enum(LISTING_KINDS);
const step = z.enum(LISTING_STEPS);
const productId = z.string().trim().min(1).max(64);
const DAY = /^20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** A Beijing calendar day (zod runs the refinement even when the pattern failed: it checks the pattern again first). */
const day = z
  .string()
  .regex(DAY, 'expected a date such as 2026-11-24')
  .refine((date) => !DAY.test(date) || dateOfDayNumber(dayNumberOfDate(date)) === date, {
    message: 'a date that exists (no 31 April)',
    params: { reason: 'realDate' },
  });

/** The access-type matrix and the guide rules, as conventions/listing.ts states them. */
export const listingMatrixSchema = z.object({
  kinds: z.array(
    z.object({
      kind,
      /** 海顿测试, 联营Kit对接, 自动化部署对接 in the table's order; `applies` is the table's √. */
      steps: z.array(z.object({ step, applies: z.boolean(), note: z.string().nullable() })),
      /** What the kind's user guide must cover, each with the wording review uses when it is missing. */
      guideItems: z.array(z.object({ item: z.enum(GUIDE_ITEMS), message: z.string() })),
    }),
  ),
  guide: z.object({ extensions: z.array(z.string()), maxBytes: z.number().int(), readable: z.array(z.string()) }),
});

export const guideItemResultSchema = z.object({
  item: z.enum(GUIDE_ITEMS),
  /** null: the text could not be read, so the item was not checked. */
  covered: z.boolean().nullable(),
  /** A short piece of the guide around what covers the item. */
  evidence: z.string().nullable(),
  /** The seed's wording when the item is missing or not checked; null when covered. */
  message: z.string().nullable(),
});

/** One check of a user guide (使用指南 / 操作手册). */
export const guideCheckSchema = z.object({
  /** null when checked for a kind rather than a product (then it is not kept). */
  productId: z.string().nullable(),
  kind,
  fileName: z.string(),
  size: z.number().int(),
  checkedAt: z.number().int(),
  /** Whether its text was read (docx, pptx, pdf with text); doc/ppt/rar/zip are taken by type but not read. */
  extracted: z.boolean(),
  /** Why the text was not checked (listing.guideLegacyFormat, listing.guideArchive, listing.guideNoText); null when it was. */
  notChecked: z.object({ reason: z.string(), params: reasonParamsSchema }).nullable(),
  items: z.array(guideItemResultSchema),
  /** Every item covered (false when the text was not read). */
  passed: z.boolean(),
});

export const listingStepStateSchema = z.object({
  step,
  done: z.boolean(),
  /** The Beijing day it was done. */
  date: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: z.number().int().nullable(),
});

/** A product's readiness: its kind, the steps that kind goes through, and its last guide check. */
export const listingProductSchema = z.object({
  productId: z.string(),
  productName: z.string(),
  productType: z.string(),
  accessType: z.string().nullable(),
  /** null: the access type is not one the matrix covers (AI资产, 容器 …). */
  kind: kind.nullable(),
  /** Only the steps the kind goes through. */
  steps: z.array(listingStepStateSchema),
  guide: z.object({ passed: z.boolean(), checkedAt: z.number().int() }).nullable(),
  /** Every step done and the last guide check passed. */
  ready: z.boolean(),
});

export const listingContract = {
  'listing.matrix': method({
    summary: '商品上架检查: which of 海顿测试 / 联营Kit对接 / 自动化部署对接 each product kind goes through, and the user-guide rules.',
    input: z.object({}).strict(),
    output: listingMatrixSchema,
  }),
  'listing.products': method({
    summary: 'Every cached product with its kind, its steps (ticked or not) and its last guide check.',
    input: z.object({ kind: kind.optional() }).strict(),
    output: z.array(listingProductSchema),
  }),
  'listing.get': method({
    summary: "One product's readiness with its last guide check and their history, newest first.",
    input: z.object({ productId }).strict(),
    output: z.object({ product: listingProductSchema, guide: guideCheckSchema.nullable(), history: z.array(guideCheckSchema) }),
  }),
  'listing.tick': method({
    summary: 'Ticks (or unticks) a step the product goes through, with the day it was done (default: today, Beijing time) and a note.',
    input: z.object({ productId, step, done: z.boolean(), date: day.optional(), note: z.string().trim().max(500).optional() }).strict(),
    output: listingProductSchema,
  }),
  'listing.checkGuide': method({
    summary:
      'Checks a user guide: rar/zip/doc/docx/pdf/ppt/pptx up to 20 MB, else refused with the rule; the text of docx/pptx/pdf is read and checked for what review demands of the kind.',
    input: z
      .object({ productId: productId.optional(), kind: kind.optional(), fileName: fileNameSchema, contentBase64: z.string().max(30 * 1024 * 1024) })
      .strict()
      .refine((i) => i.productId !== undefined || i.kind !== undefined, {
        message: 'a product or a kind',
        path: ['productId'],
        params: { reason: 'productOrKind' },
      }),
    output: guideCheckSchema,
  }),
};
