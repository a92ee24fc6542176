import { z } from 'zod';
import { OFFER_STATES, PLANNING_STATES, REQUIREMENT_STATES, VOUCHER_CATEGORIES, VOUCHER_STATES } from '../conventions';
import { method } from './define';
import { fileNameSchema, pageOf, pagingInput as paging, sortInput } from './lists.contract';

/** What 销售管理's sections share: an item's history, the local path's submission sheet, a product to pick. */
export const historyEntrySchema = z.object({
  at: z.number().int(),
  /** Who: the seller here, the sandbox's answer, the real API's answer. */
  actor: z.enum(['seller', 'sandbox', 'api']),
  /** What changed: created, edited, accepted, converted, submitted, queued, approved, rejected, withdrawn, stopped … */
  change: z.string(),
  detail: z.string().nullable(),
});

/** The local path (no KooGallery API): the values in Seller Center's field order and where to enter them. */
export const submissionSheetSchema = z.object({ menuPath: z.string(), fields: z.array(z.object({ label: z.string(), value: z.string() })) });

export const productChoiceSchema = z.object({
  productId: z.string(),
  name: z.string(),
  productType: z.string(),
  onSale: z.boolean(),
  skus: z.array(z.object({ skuCode: z.string(), name: z.string() })),
});

/** Sent to the source and answered by it (the sandbox), or prepared here and submitted in Seller Center (local). */
const salesPath = z.enum(['act', 'local']);
const id = z.string().trim().min(1).max(64);
const instant = z.number().int().min(946_684_800_000).max(4_102_444_800_000);
const share = z.number().min(0).max(1);
const name = (max: number) => z.string().trim().min(1).max(max);
const outcomeInput = z.object({ outcome: z.enum(['approved', 'rejected']), reason: z.string().trim().max(500).optional() });

// ── 客户需求 and Private Offer ────────────────────────────────────────────────────────────────────

export const requirementRowSchema = z.object({
  requirementId: z.string(),
  providerName: z.string(),
  customerName: z.string(),
  customerAccount: z.string().nullable(),
  productId: z.string(),
  productName: z.string(),
  /** 已失效 once it has waited 待接收 more than 5 days. */
  state: z.enum(REQUIREMENT_STATES),
  expectedShare: z.number(),
  maxShare: z.number(),
  createdAt: z.number().int(),
  /** When a 待接收 requirement lapses; null once accepted (or lapsed). */
  lapsesAt: z.number().int().nullable(),
  origin: z.enum(['source', 'local']),
  updatedAt: z.number().int(),
});

export const requirementFiltersSchema = z
  .object({
    state: z.enum(REQUIREMENT_STATES).optional(),
    productId: z.string().max(64).optional(),
    /** Only 待接收 requirements lapsing within 24 hours. */
    lapsingSoon: z.literal(true).optional(),
  })
  .strict();

export const offerRowSchema = z.object({
  offerId: z.string(),
  name: z.string(),
  customerName: z.string(),
  customerAccount: z.string().nullable(),
  productId: z.string(),
  productName: z.string(),
  skuCode: z.string().nullable(),
  /** The fraction of the list price the customer pays (0.85 = 8.5折); null when a price is set. */
  discountRate: z.number().nullable(),
  priceFen: z.number().int().nullable(),
  validFrom: z.number().int(),
  validUntil: z.number().int(),
  requirementId: z.string().nullable(),
  providerName: z.string().nullable(),
  share: z.number().nullable(),
  /** 已过期 once past its validity. */
  state: z.enum(OFFER_STATES),
  reason: z.string().nullable(),
  origin: z.enum(['source', 'local']),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});

export const offerFiltersSchema = z
  .object({
    state: z.enum(OFFER_STATES).optional(),
    productId: z.string().max(64).optional(),
    /** Only offers from a customer requirement (true) or created directly (false). */
    fromRequirement: z.boolean().optional(),
    /** Only 已提交/已通过 offers whose validity ends within 7 days. */
    expiringSoon: z.literal(true).optional(),
  })
  .strict();

export const offerInputSchema = z
  .object({
    name: name(100),
    customerName: name(200),
    customerAccount: z.string().trim().max(64).optional(),
    productId: id,
    skuCode: z.string().trim().max(64).optional(),
    discountRate: z.number().gt(0).lt(1).optional(),
    priceFen: z.number().int().min(1).max(100_000_000_000).optional(),
    validFrom: instant,
    validUntil: instant,
    /** From a customer requirement (需求转化中): its provider then gets the share. */
    requirementId: id.optional(),
    share: share.optional(),
    /** Send it now (queued when offline); otherwise it stays a draft. */
    submit: z.boolean().default(true),
  })
  .strict()
  .refine((o) => (o.discountRate === undefined) !== (o.priceFen === undefined), {
    message: 'either a discount or a price',
    path: ['discountRate'],
    params: { reason: 'discountOrPrice' },
  })
  .refine((o) => o.validFrom < o.validUntil, { message: 'the validity starts before it ends', path: ['validUntil'], params: { reason: 'periodOrder' } });

// ── 代金券 ────────────────────────────────────────────────────────────────────────────────────

export const voucherRowSchema = z.object({
  voucherId: z.string(),
  name: z.string(),
  voucherType: z.literal('full_reduction'),
  thresholdFen: z.number().int(),
  discountFen: z.number().int(),
  category: z.enum(VOUCHER_CATEGORIES),
  scope: z.array(z.object({ productId: z.string(), productName: z.string().nullable(), skuCode: z.string().nullable() })),
  validFrom: z.number().int(),
  validUntil: z.number().int(),
  stoppedAt: z.number().int().nullable(),
  /** 未开始 / 进行中 / 已结束 from the dates, 已停止 once stopped. */
  state: z.enum(VOUCHER_STATES),
  /** Where the submission is: a draft, sent (审核中), published, or refused with the reason. */
  submission: z.enum(['draft', 'submitted', 'published', 'rejected']),
  reason: z.string().nullable(),
  origin: z.enum(['source', 'local']),
  updatedAt: z.number().int(),
});

export const voucherFiltersSchema = z
  .object({
    state: z.enum(VOUCHER_STATES).optional(),
    submission: z.enum(['draft', 'submitted', 'published', 'rejected']).optional(),
    category: z.enum(VOUCHER_CATEGORIES).optional(),
    /** Only vouchers starting or ending within 7 days. */
    thisWeek: z.literal(true).optional(),
  })
  .strict();

export const voucherInputSchema = z
  .object({
    name: name(60),
    /** Only 满减券 (full_reduction); any other type is refused with 云商店当前仅支持满减券. */
    voucherType: z.string().trim().min(1).max(32),
    thresholdFen: z.number().int().min(1).max(100_000_000_000),
    discountFen: z.number().int().max(100_000_000_000),
    category: z.enum(VOUCHER_CATEGORIES),
    scope: z
      .array(z.object({ productId: id, skuCode: z.string().trim().min(1).max(64).optional() }).strict())
      .min(1)
      .max(200),
    validFrom: instant,
    validUntil: instant,
    submit: z.boolean().default(true),
  })
  .strict();

// ── 商业规划 ─────────────────────────────────────────────────────────────────────────────────

export const planYearSchema = z.object({ year: z.number().int(), gmvFen: z.number().int().nullable(), projects: z.number().int().nullable() });

export const planRowSchema = z.object({
  productId: z.string(),
  productName: z.string(),
  /** 当年及后两年, in order. */
  years: z.array(planYearSchema),
  approval: z.enum(PLANNING_STATES),
  reason: z.string().nullable(),
  submittedAt: z.number().int().nullable(),
  origin: z.enum(['source', 'local']),
  updatedAt: z.number().int(),
});

export const planFiltersSchema = z.object({ approval: z.enum(PLANNING_STATES).optional() }).strict();

/** One product's plan as submitted: GMV in fen (≥ 0) and a whole number of projects (≥ 0) for each of the three years. */
export const planInputSchema = z
  .object({
    productId: id,
    years: z
      .array(
        z
          .object({
            year: z.number().int().min(2000).max(2100),
            gmvFen: z.number().int().min(0).max(1_000_000_000_000_00).nullable(),
            projects: z.number().int().min(0).max(1_000_000).nullable(),
          })
          .strict(),
      )
      .max(3),
  })
  .strict();

export const salesToolsContract = {
  'requirements.page': method({
    summary: '客户需求: requirements from customer service providers, newest first, with the time left to accept.',
    input: z.object({ filters: requirementFiltersSchema.default({}), ...paging, sort: sortInput(['createdAt', 'updatedAt']) }).strict(),
    output: pageOf(requirementRowSchema),
  }),
  'requirements.get': method({
    summary: 'One requirement with its history and the offers made from it.',
    input: z.object({ requirementId: id }).strict(),
    output: z.object({ requirement: requirementRowSchema, history: z.array(historyEntrySchema), offers: z.array(offerRowSchema), path: salesPath }),
  }),
  'requirements.accept': method({
    summary: '接收: only a 待接收 requirement not yet lapsed (5 days).',
    input: z.object({ requirementId: id }).strict(),
    output: z.object({ requirement: requirementRowSchema, queued: z.number().int() }),
  }),
  'requirements.convert': method({
    summary: '转化: an accepted requirement becomes 需求转化中, ready for its offer.',
    input: z.object({ requirementId: id }).strict(),
    output: z.object({ requirement: requirementRowSchema, queued: z.number().int() }),
  }),
  'requirements.record': method({
    summary: 'Records a requirement received in Seller Center (the real source lists none).',
    input: z
      .object({
        requirementId: id,
        providerName: name(200),
        customerName: name(200),
        customerAccount: z.string().trim().max(64).optional(),
        productId: id,
        expectedShare: share,
        maxShare: share,
        createdAt: instant,
      })
      .strict()
      .refine((r) => r.expectedShare <= r.maxShare, {
        message: 'the expected share is at most the maximum share',
        path: ['expectedShare'],
        params: { reason: 'shareAboveMaximum' },
      }),
    output: requirementRowSchema,
  }),
  'offers.page': method({
    summary: '商家优惠 (Private Offer): offers, newest first.',
    input: z.object({ filters: offerFiltersSchema.default({}), ...paging, sort: sortInput(['createdAt', 'validUntil']) }).strict(),
    output: pageOf(offerRowSchema),
  }),
  'offers.get': method({
    summary: 'One offer with its history and, on the local path, its submission sheet.',
    input: z.object({ offerId: id }).strict(),
    output: z.object({ offer: offerRowSchema, history: z.array(historyEntrySchema), sheet: submissionSheetSchema.nullable(), path: salesPath }),
  }),
  'offers.products': method({
    summary: 'The 联营 products an offer can be for (Private Offer仅限联营商品可以创建), with their specs.',
    input: z.object({}).strict(),
    output: z.array(productChoiceSchema),
  }),
  'offers.create': method({
    summary: 'Creates a Private Offer, directly or from a requirement 需求转化中; refused for any product that is not 联营.',
    input: offerInputSchema,
    output: z.object({ offer: offerRowSchema, queued: z.number().int() }),
  }),
  'offers.submit': method({
    summary: 'Submits a draft offer (queued when offline; on the local path it is marked ready for Seller Center).',
    input: z.object({ offerId: id }).strict(),
    output: z.object({ offer: offerRowSchema, queued: z.number().int() }),
  }),
  'offers.withdraw': method({
    summary: '撤回: a submitted or accepted offer.',
    input: z.object({ offerId: id }).strict(),
    output: z.object({ offer: offerRowSchema, queued: z.number().int() }),
  }),
  'offers.recordOutcome': method({
    summary: "Local path: records Seller Center's answer to an offer submitted there.",
    input: outcomeInput.extend({ offerId: id }).strict(),
    output: offerRowSchema,
  }),
  'vouchers.page': method({
    summary: '代金券: vouchers, newest first, with 未开始 / 进行中 / 已结束 / 已停止.',
    input: z.object({ filters: voucherFiltersSchema.default({}), ...paging, sort: sortInput(['validFrom', 'updatedAt']) }).strict(),
    output: pageOf(voucherRowSchema),
  }),
  'vouchers.get': method({
    summary: 'One voucher with its history and, on the local path, its submission sheet.',
    input: z.object({ voucherId: id }).strict(),
    output: z.object({ voucher: voucherRowSchema, history: z.array(historyEntrySchema), sheet: submissionSheetSchema.nullable(), path: salesPath }),
  }),
  'vouchers.products': method({
    summary: 'The on-sale products of a category (通用商品 or 联营商品) a voucher can apply to, with their specs.',
    input: z.object({ category: z.enum(VOUCHER_CATEGORIES) }).strict(),
    output: z.array(productChoiceSchema),
  }),
  'vouchers.create': method({
    summary: '发布代金券: a 满减券 for chosen on-sale products or specs of one category; every rule checked first.',
    input: voucherInputSchema,
    output: z.object({ voucher: voucherRowSchema, queued: z.number().int() }),
  }),
  'vouchers.submit': method({
    summary: 'Submits a draft voucher (queued when offline; on the local path it is marked ready for Seller Center).',
    input: z.object({ voucherId: id }).strict(),
    output: z.object({ voucher: voucherRowSchema, queued: z.number().int() }),
  }),
  'vouchers.stop': method({
    summary: '停止: a published voucher that has not ended.',
    input: z.object({ voucherId: id }).strict(),
    output: z.object({ voucher: voucherRowSchema, queued: z.number().int() }),
  }),
  'vouchers.recordOutcome': method({
    summary: "Local path: records Seller Center's answer to a voucher submitted there.",
    input: outcomeInput.extend({ voucherId: id }).strict(),
    output: voucherRowSchema,
  }),
  'planning.page': method({
    summary: '商业规划: each product with its plan for this year and the next two, and the approval.',
    input: z.object({ filters: planFiltersSchema.default({}), ...paging, sort: sortInput(['updatedAt']) }).strict(),
    output: pageOf(planRowSchema),
  }),
  'planning.get': method({
    summary: "One product's plan with its history and, on the local path, its submission sheet.",
    input: z.object({ productId: id }).strict(),
    output: z.object({ plan: planRowSchema, history: z.array(historyEntrySchema), sheet: submissionSheetSchema.nullable(), path: salesPath }),
  }),
  'planning.submit': method({
    summary: '商业规划设置 / 单商品设置: several products at once, all three years required; nothing is saved unless every plan is valid.',
    input: z.object({ plans: z.array(planInputSchema).min(1).max(500) }).strict(),
    output: z.object({ message: z.string(), plans: z.array(planRowSchema), queued: z.number().int() }),
  }),
  'planning.recordOutcome': method({
    summary: "Local path: records Seller Center's approval of a product's plan.",
    input: outcomeInput.extend({ productId: id }).strict(),
    output: planRowSchema,
  }),
  'planning.readFile': method({
    summary: 'Reads plans from an XLSX/CSV (one row per product, GMV and projects per year); every bad cell listed, none applied when any is bad.',
    input: z.object({ fileName: fileNameSchema, contentBase64: z.string().max(50 * 1024 * 1024) }).strict(),
    output: z.object({
      plans: z.array(z.object({ productId: z.string(), productName: z.string(), years: z.array(planYearSchema) })),
      problems: z.array(
        z.object({ row: z.number().int(), column: z.string(), reason: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }),
      ),
    }),
  }),
  'sales.flushSubmissions': method({
    summary: 'Sends the queued 销售管理 submissions now (they are also sent when the source comes back).',
    input: z.object({}).strict(),
    output: z.object({ sent: z.number().int(), waiting: z.number().int() }),
  }),
};
