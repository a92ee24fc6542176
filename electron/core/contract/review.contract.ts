import { z } from 'zod';
import { method } from './define';

const productType = z.enum(['general', 'joint_operation', 'curated_certified', 'huawei_self_service']);
const pageKey = z.object({ time: z.number().int(), id: z.string() });
const paging = {
  limit: z.number().int().min(1).max(500).default(100),
  /** Continue after this row (keyset); takes precedence over offset. */
  after: pageKey.nullable().default(null),
  /** Jump to this row index (used when the scrollbar is dragged far). */
  offset: z.number().int().min(0).max(10_000_000).default(0),
};
const countSchema = z.object({ count: z.number().int(), exact: z.boolean() });

export const orderRowSchema = z.object({
  orderId: z.string(),
  orderType: z.string(),
  status: z.enum(['pending_payment', 'processing', 'cancelled', 'completed']),
  productType,
  productName: z.string(),
  customerName: z.string(),
  userName: z.string(),
  amountFen: z.number().int(),
  createdAt: z.number().int(),
  paidAt: z.number().int().nullable(),
});

export const orderFiltersSchema = z
  .object({
    productType: productType.optional(),
    status: orderRowSchema.shape.status.optional(),
    orderId: z.string().trim().max(64).optional(),
    customerName: z.string().trim().max(128).optional(),
    userName: z.string().trim().max(128).optional(),
    productName: z.string().trim().max(128).optional(),
    createdFrom: z.number().int().optional(),
    createdTo: z.number().int().optional(),
    /** Chinese substring search over order number, customer, user and product name. */
    search: z.string().trim().max(64).optional(),
  })
  .strict();

export const orderLineSchema = z.object({
  orderLineId: z.string(),
  productId: z.string(),
  productName: z.string(),
  skuCode: z.string().nullable(),
  chargingMode: z.enum(['PERIOD', 'ONE_TIME', 'ON_DEMAND', 'ON_DEMAND_PKG']),
  periodType: z.string().nullable(),
  periodNumber: z.number().int().nullable(),
  instanceId: z.string().nullable(),
  expireAt: z.number().int().nullable(),
  amountFen: z.number().int(),
});

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
  billingStatus: z.enum(['billed', 'unbilled']),
  supervisionStatus: z.string().nullable(),
  amountFen: z.number().int(),
  settlementAmountFen: z.number().int(),
  opsFeeRatio: z.string().nullable(),
});

export const detailFiltersSchema = z
  .object({
    productType: productType.optional(),
    orderId: z.string().trim().max(64).optional(),
    billingPeriod: z.string().regex(/^\d{4}-\d{2}$/).optional(),
    customerAccount: z.string().trim().max(128).optional(),
    transactionFrom: z.number().int().optional(),
    transactionTo: z.number().int().optional(),
    billingStatus: detailRowSchema.shape.billingStatus.optional(),
    supervisionStatus: z.string().max(32).optional(),
  })
  .strict();

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
  .object({ productType: productType.optional(), billingPeriod: z.string().regex(/^\d{4}-\d{2}$/).optional(), status: z.string().trim().max(32).optional() })
  .strict();

export const ticketRowSchema = z.object({
  ticketId: z.string(),
  title: z.string(),
  status: z.string(),
  priority: z.string(),
  productName: z.string().nullable(),
  customerName: z.string(),
  assignee: z.string().nullable(),
  waitingOnMe: z.boolean(),
  slaDueAt: z.number().int().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});

export const ticketFiltersSchema = z
  .object({ waitingOnMe: z.boolean().optional(), status: z.string().max(32).optional(), priority: z.string().max(16).optional() })
  .strict();

const receptionHours = z.object({
  days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  from: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  to: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/),
});

const pageOf = <T extends z.ZodType>(row: T) => z.object({ rows: z.array(row), next: pageKey.nullable() });

export const reviewContract = {
  'orders.page': method({ summary: '订单列表: one page, newest first.', input: z.object({ filters: orderFiltersSchema.default({}), ...paging }).strict(), output: pageOf(orderRowSchema) }),
  'orders.count': method({ summary: 'How many orders match (exact up to 1,000,000).', input: z.object({ filters: orderFiltersSchema.default({}) }).strict(), output: countSchema }),
  'orders.get': method({
    summary: 'One order with its lines, for the detail drawer.',
    input: z.object({ orderId: z.string().min(1).max(64) }).strict(),
    output: z.object({ order: orderRowSchema, lines: z.array(orderLineSchema) }),
  }),
  'orders.refresh': method({
    summary: '从云商店刷新: reads one order through the order query API and updates the cache.',
    input: z.object({ orderId: z.string().min(1).max(64) }).strict(),
    output: z.object({ order: orderRowSchema, lines: z.array(orderLineSchema) }),
  }),
  'transactionDetails.page': method({ summary: '交易明细: one page, newest first.', input: z.object({ filters: detailFiltersSchema.default({}), ...paging }).strict(), output: pageOf(detailRowSchema) }),
  'transactionDetails.count': method({ summary: 'How many transaction details match.', input: z.object({ filters: detailFiltersSchema.default({}) }).strict(), output: countSchema }),
  'bills.page': method({ summary: '账单 (imported from Seller Center): one page, newest billing period first.', input: z.object({ filters: billFiltersSchema.default({}), ...paging }).strict(), output: pageOf(billRowSchema) }),
  'bills.count': method({ summary: 'How many bills match.', input: z.object({ filters: billFiltersSchema.default({}) }).strict(), output: countSchema }),
  'tickets.reply': method({
    summary: 'Replies to a ticket; the ticket changes at once and the reply is queued until the source takes it.',
    input: z.object({ ticketId: z.string().min(1).max(64), text: z.string().trim().min(1, 'reply text is required').max(2000) }).strict(),
    output: z.object({ queued: z.number().int() }),
  }),
  'tickets.close': method({
    summary: 'Closes a ticket (queued like a reply).',
    input: z.object({ ticketId: z.string().min(1).max(64) }).strict(),
    output: z.object({ queued: z.number().int() }),
  }),
  'tickets.flushActions': method({
    summary: 'Sends queued replies and closes now.',
    input: z.object({}).strict(),
    output: z.object({ sent: z.number().int(), waiting: z.number().int() }),
  }),
  'tickets.authorizeProduct': method({
    summary: "Authorizes a product's tickets to a sub-account (null: the main account); its open tickets move to that queue.",
    input: z.object({ productId: z.string().min(1).max(64), subAccount: z.string().trim().min(1).max(64).nullable() }).strict(),
    output: z.object({ moved: z.number().int() }),
  }),
  'tickets.receptionHours': method({ summary: '工单接待 hours.', input: z.object({}).strict(), output: receptionHours }),
  'tickets.setReceptionHours': method({
    summary: '工单接待: days and hours, at least 5 × 8 hours a week.',
    input: receptionHours.strict(),
    output: receptionHours,
  }),
  'tickets.page': method({ summary: '客户工单: one page, most recently updated first.', input: z.object({ filters: ticketFiltersSchema.default({}), ...paging }).strict(), output: pageOf(ticketRowSchema) }),
};
