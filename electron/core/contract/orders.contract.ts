import { z } from 'zod';
import { method } from './define';
import { countSchema, pageOf, pagingInput as paging, productTypeSchema as productType, sortInput, vocabEnum } from './lists.contract';

export const orderRowSchema = z.object({
  orderId: z.string(),
  orderType: z.string(),
  status: vocabEnum('orderStatus'),
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
  chargingMode: vocabEnum('chargingMode'),
  periodType: z.string().nullable(),
  periodNumber: z.number().int().nullable(),
  instanceId: z.string().nullable(),
  expireAt: z.number().int().nullable(),
  amountFen: z.number().int(),
});

export const ordersContract = {
  'orders.page': method({
    summary: '订单列表: one page, newest first.',
    input: z.object({ filters: orderFiltersSchema.default({}), ...paging, sort: sortInput(['createdAt', 'amountFen']) }).strict(),
    output: pageOf(orderRowSchema),
  }),
  'orders.count': method({
    summary: 'How many orders match (exact up to 1,000,000).',
    input: z.object({ filters: orderFiltersSchema.default({}) }).strict(),
    output: countSchema,
  }),
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
};
