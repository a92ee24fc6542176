import { z } from 'zod';
import { method } from './define';
import { vocabEnum } from './lists.contract';

/** One Beijing month of 商家总览's charts, oldest first. */
export const overviewMonthSchema = z.object({
  month: z.string(),
  /** 交易金额: the order amounts of orders paid in the month (by payment time, whatever their later status), in fen. */
  amountFen: z.number().int(),
  /** 支付成功订单数: orders with a payment time in the month. */
  paidOrders: z.number().int(),
  /** 商品浏览量, where the source lists it; null: not provided (see `traffic.reason`). */
  pageViews: z.number().int().nullable(),
  /** 独立访客数, likewise. */
  visitors: z.number().int().nullable(),
});

/** A to-do: how many things wait, how many of them are already late, and the page that lists them. */
export const todoSchema = z.object({
  /** Which to-do: tickets.waiting, usage.atRisk, usage.anomalies, and those later sections register. */
  key: z.string(),
  count: z.number().int(),
  /** Of `count`, how many are past their deadline (tickets past SLA); null where that has no meaning. */
  overdue: z.number().int().nullable(),
  /** The page that lists them, with the filters that select exactly them. */
  link: z.object({ section: z.string(), filters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])) }),
});
export type Todo = z.infer<typeof todoSchema>;

export const overviewSchema = z.object({
  asOf: z.number().int(),
  seller: z.object({
    name: z.string().nullable(),
    /** The interconnection key (Key值) masked: its first and last 4 characters; null when none is stored. */
    keyMasked: z.string().nullable(),
    /** 商业信息认证 */
    certification: vocabEnum('certification').nullable(),
    /** 服务协议签署 */
    agreement: vocabEnum('agreement').nullable(),
    /** Where the name and states come from: the source's profile (the sandbox lists it), 设置 (KooGallery has no API for them), or nowhere yet. */
    from: z.enum(['source', 'settings', 'none']),
  }),
  months: z.array(overviewMonthSchema),
  /** Whether 商品浏览量 and 独立访客数 are known, and why not: the source has no such list (KooGallery), or it has not been synced yet. */
  traffic: z.object({ available: z.boolean(), reason: z.enum(['noApi', 'notSynced']).nullable() }),
  todos: z.array(todoSchema),
});
export type Overview = z.infer<typeof overviewSchema>;

export const overviewContract = {
  'overview.get': method({
    summary: '商家总览 in one call, from the local cache (works offline): the seller, the last 12 Beijing months and the to-dos.',
    input: z.object({}).strict(),
    output: overviewSchema,
  }),
  'overview.revealKey': method({
    summary: "The interconnection key in full, for 显示 on 商家总览 (the current source's: the keychain's, or the sandbox's demo key).",
    input: z.object({}).strict(),
    output: z.object({ key: z.string() }),
  }),
};
