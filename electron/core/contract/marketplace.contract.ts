import { z } from 'zod';
import { method } from './define';

/** What a list-capable source can list page by page (the sandbox does; KooGallery publishes no list API). */
export const LIST_RESOURCES = [
  'orders',
  'transaction_details',
  'tickets',
  'products',
  'supervision',
  'requirements',
  'offers',
  'vouchers',
  'planning',
  'receivers',
  /** 商家总览: the seller's name, 商业信息认证 and 服务协议签署 states (one item). */
  'seller_profile',
  /** 商家总览: 商品浏览量 and 独立访客数 by Beijing-time month. */
  'store_traffic',
] as const;
export type ListResource = (typeof LIST_RESOURCES)[number];
export const listResourceSchema = z.enum(LIST_RESOURCES);

export const capabilitiesSchema = z.object({
  source: z.enum(['sandbox', 'koogallery']).nullable(),
  pushUsage: z.boolean(),
  queryOrder: z.boolean(),
  license: z.boolean(),
  /** Resources the source lists page by page; the rest come from Seller Center export files. */
  lists: z.array(listResourceSchema),
  /** Ticket replies and closes can be sent (KooGallery publishes no ticket API). */
  ticketActions: z.boolean(),
  /** 服务监管 actions can be sent (KooGallery publishes no supervision API: they are done in Seller Center and recorded). */
  supervisionActions: z.boolean(),
  /** 销售管理 submissions can be sent (KooGallery publishes no API for them: submitted in Seller Center by hand). */
  salesActions: z.boolean(),
});

export const credentialsStatusSchema = z.object({
  configured: z.boolean(),
  /** Last 4 characters of the AK, so the seller can tell which key is stored; never the secret itself. */
  akHint: z.string().nullable(),
});

const secret = (name: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${name} is required`)
    .max(max, `${name} is at most ${max} characters`)
    .regex(/^[\x21-\x7e]+$/, `${name} is letters, digits and symbols only, without spaces (as Seller Center shows it)`);

export const marketplaceContract = {
  'marketplace.capabilities': method({
    summary: 'What the current data source can do, so pages can say what it cannot instead of failing.',
    input: z.object({}).strict(),
    output: capabilitiesSchema,
  }),
  'marketplace.credentialsStatus': method({
    summary: 'Whether KooGallery credentials are stored (values are never returned).',
    input: z.object({}).strict(),
    output: credentialsStatusSchema,
  }),
  'marketplace.saveCredentials': method({
    summary: 'Stores the interconnection key and AK/SK in the OS keychain, then re-selects the data source.',
    input: z
      .object({
        sellerKey: secret('Interconnection key (商家对接密钥)', 1000),
        ak: secret('AK', 128),
        sk: secret('SK', 256),
      })
      .strict(),
    output: credentialsStatusSchema,
  }),
  'marketplace.clearCredentials': method({
    summary: 'Removes the stored credentials; the app falls back to the sandbox.',
    input: z.object({}).strict(),
    output: credentialsStatusSchema,
  }),
};
