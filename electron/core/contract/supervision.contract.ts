import { z } from 'zod';
import { method } from './define';
import { fileNameSchema, pageOf, pagingInput as paging, sortInput, vocabEnum } from './lists.contract';

const flowId = z.string().min(1).max(64);
const note = z.string().trim().max(2000);

/** One 服务监管 flow as the list shows it, with its deadlines worked out at the time of the call. */
export const supervisionFlowSchema = z.object({
  flowId: z.string(),
  orderId: z.string(),
  productId: z.string().nullable(),
  productName: z.string(),
  flowType: vocabEnum('supervisionFlowType'),
  step: vocabEnum('supervisionStep'),
  /** Whose turn it is; null once completed. */
  turn: vocabEnum('supervisionTurn').nullable(),
  stepEnteredAt: z.number().int(),
  /** How many times the customer rejected (驳回). */
  rejections: z.number().int(),
  status: vocabEnum('supervisionStatus'),
  /** The customer's 确认验收 (or the automatic acceptance); null before it. */
  acceptedAt: z.number().int().nullable(),
  licenseCode: z.string().nullable(),
  /** Synced from the source, or started here (the real source lists no flows). */
  origin: z.enum(['source', 'local']),
  /** The order's state in the cache (处理中 until supervision ends); null: the order is not cached. */
  orderStatus: vocabEnum('orderStatus').nullable(),
  /** The order's time (a License's 实际生效时间 may not be earlier); null: the order is not cached. */
  orderCreatedAt: z.number().int().nullable(),
  /** 3 hours after the acceptance: the order should be 已完成 by then. */
  completionDeadline: z.number().int().nullable(),
  completionOverdue: z.boolean(),
  /** Why 申诉 is open (more than 5 days on the customer's step, more than 3 rejections); empty: not open. */
  appealGrounds: z.array(z.enum(['customer_waited', 'rejections'])),
  updatedAt: z.number().int(),
});
export type SupervisionFlow = z.infer<typeof supervisionFlowSchema>;

export const supervisionFiltersSchema = z
  .object({
    flowType: vocabEnum('supervisionFlowType').optional(),
    turn: vocabEnum('supervisionTurn').optional(),
    status: vocabEnum('supervisionStatus').optional(),
    step: vocabEnum('supervisionStep').optional(),
    /** Only flows accepted more than 3 hours ago whose order is not 已完成. */
    completionOverdue: z.literal(true).optional(),
    /** Only flows where 申诉 is open now. */
    appealable: z.literal(true).optional(),
    orderId: z.string().max(64).optional(),
  })
  .strict();

/** One entry of a flow's timeline: a step entered, a seller action (with where it is on its way), an answer. */
export const supervisionEventSchema = z.object({
  at: z.number().int(),
  /** Who: the seller here, the customer or Huawei Cloud (recorded by the seller or synced), the sandbox, the API. */
  actor: z.enum(['seller', 'customer', 'huawei', 'sandbox', 'api']),
  kind: z.enum(['step', 'rejected', 'action']),
  step: vocabEnum('supervisionStep').nullable(),
  action: vocabEnum('supervisionAction').nullable(),
  note: z.string().nullable(),
  /** A seller action's delivery: queued offline, sent, refused by the source, or recorded (done in Seller Center by hand). */
  delivery: z.enum(['queued', 'sending', 'sent', 'failed', 'recorded']).nullable(),
  error: z.string().nullable(),
});

export const proofFileSchema = z.object({
  fileId: z.number().int(),
  fileName: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  uploadedAt: z.number().int(),
});

/** Whether an action can be taken now, and the reason key when not. */
export const actionOpenSchema = z.object({ action: vocabEnum('supervisionAction'), open: z.boolean(), reason: z.string().nullable() });

export const supervisionDetailSchema = z.object({
  flow: supervisionFlowSchema,
  steps: z.array(vocabEnum('supervisionStep')),
  timeline: z.array(supervisionEventSchema),
  files: z.array(proofFileSchema),
  actions: z.array(actionOpenSchema),
  /** How this source takes the seller's actions: sent to it (the sandbox), or done in Seller Center and recorded here. */
  path: z.enum(['act', 'local']),
});

/** What an action leaves: the flow after it and how many actions wait for the source. */
const actionResult = z.object({ flow: supervisionFlowSchema, queued: z.number().int() });

/** License answers: the marketplace's `code` (92020000 success) with its message, or null while the call waits offline. */
export const licenseAnswerSchema = z.object({
  /** The marketplace answered 92020000. A refused signature, a bad code or any other code is not ok. */
  ok: z.boolean(),
  code: z.string().nullable(),
  message: z.string(),
  status: vocabEnum('licenseStatus').nullable(),
  /** Activation: the estimated expiry; heartbeat: null. */
  expireTime: z.number().int().nullable(),
  activateTime: z.number().int().nullable(),
  /** The activation is queued: the source cannot be reached; it is sent once when it can. */
  queued: z.boolean(),
  flow: supervisionFlowSchema.nullable(),
});

const license = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((code) => /^[\x21-\x7e]+$/.test(code), { message: 'a license code: letters, digits and symbols, no spaces', params: { reason: 'licenseCode' } });

export const supervisionContract = {
  'supervision.page': method({
    summary: '服务监管: flows, most recently changed first, with whose turn it is, deadlines and 申诉.',
    input: z.object({ filters: supervisionFiltersSchema.default({}), ...paging, sort: sortInput(['updatedAt', 'stepEnteredAt']) }).strict(),
    output: pageOf(supervisionFlowSchema),
  }),
  'supervision.get': method({
    summary: 'One flow: its steps, timeline (who did what when), proof files and which actions are open now.',
    input: z.object({ flowId }).strict(),
    output: supervisionDetailSchema,
  }),
  'supervision.start': method({
    summary: 'Starts a flow here for an order (the real source lists none): from the cached order, or by hand with its product name.',
    input: z
      .object({
        orderId: z.string().trim().min(1).max(64),
        flowType: vocabEnum('supervisionFlowType'),
        productName: z.string().trim().min(1).max(200).optional(),
        licenseCode: license.optional(),
      })
      .strict(),
    output: supervisionFlowSchema,
  }),
  'supervision.confirmRequirement': method({
    summary: '确认需求 (人工服务), at the 确认需求 step.',
    input: z.object({ flowId, note: note.optional() }).strict(),
    output: actionResult,
  }),
  'supervision.deliver': method({
    summary: '交付, at the 商家交付 step, with a note.',
    input: z.object({ flowId, note: note.min(1) }).strict(),
    output: actionResult,
  }),
  'supervision.uploadProof': method({
    summary: '上传交付凭证: a file kept in the data folder with its SHA-256 (rar/zip/doc/docx/pdf/ppt/pptx/jpg/png, at most 20 MB).',
    input: z.object({ flowId, fileName: fileNameSchema, contentBase64: z.string().max(28 * 1024 * 1024) }).strict(),
    output: actionResult.extend({ file: proofFileSchema }),
  }),
  'supervision.confirmComplete': method({
    summary: '确认服务完成, after the proof is uploaded.',
    input: z.object({ flowId, note: note.optional() }).strict(),
    output: actionResult,
  }),
  'supervision.appeal': method({
    summary: '申诉: only when the customer has kept the flow over 5 days or rejected more than 3 times.',
    input: z.object({ flowId, note: note.min(1) }).strict(),
    output: actionResult,
  }),
  'supervision.recordStep': method({
    summary: "Records the customer's or Huawei Cloud's step of a flow started here (passed, or 驳回), as Seller Center shows it.",
    input: z.object({ flowId, outcome: z.enum(['passed', 'rejected']), note: note.optional() }).strict(),
    output: actionResult,
  }),
  'supervision.activateLicense': method({
    summary: '激活授权码 through the License API (v1, or v2 batch): the answer carries the marketplace code (92020000 success).',
    input: z
      .object({
        license,
        /** 实际生效时间 (UTC instant, ms); not earlier than the order time. */
        realEffectTime: z.number().int().min(0).max(4_102_444_800_000).optional(),
        version: z.enum(['v1', 'v2']).default('v1'),
        /** The flow the code belongs to (found by its code when omitted). */
        flowId: flowId.optional(),
      })
      .strict(),
    output: licenseAnswerSchema,
  }),
  'supervision.queryLicense': method({
    summary: '查询授权码 (heartbeat): ALIVE / EXPIRED / RELEASED, with the marketplace code.',
    input: z.object({ license, version: z.enum(['v1', 'v2']).default('v1') }).strict(),
    output: licenseAnswerSchema,
  }),
  'supervision.flushActions': method({
    summary: 'Sends the queued actions now (they are also sent when the source comes back).',
    input: z.object({}).strict(),
    output: z.object({ sent: z.number().int(), waiting: z.number().int() }),
  }),
};
