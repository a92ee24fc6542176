import { z } from 'zod';
import { MESSAGE_CHANNELS, RECEIVER_EMAIL_MAX } from '../conventions';
import { method } from './define';
import { historyEntrySchema, submissionSheetSchema } from './sales-tools.contract';

const channel = z.enum(MESSAGE_CHANNELS);
const categoryCode = z.string().trim().min(1).max(16);
const receiverId = z.string().trim().min(1).max(64);
/** Checked by the core (conventions/receivers.ts) so each problem is named with its field and what is expected. */
const name = z.string().max(200);
const email = z.string().max(RECEIVER_EMAIL_MAX + 10);
const mobile = z.string().max(40);

export const receiverSchema = z.object({
  receiverId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  /** 11 digits, without +86. */
  mobile: z.string().nullable(),
});

/** One message category: its channels, its receivers, and what happens when it has none. */
export const receiverCategorySchema = z.object({
  code: z.string(),
  name: z.string(),
  channels: z.array(channel),
  receivers: z.array(receiverSchema),
  /** The most receivers the category takes ([UNCONFIRMED] default where Seller Center publishes none). */
  limit: z.number().int(),
  /** Exactly the seed's "若商家未设置消息接收人,…" when the category has no receiver; null otherwise. */
  fallbackNotice: z.string().nullable(),
  /** A channel on which no receiver can be reached (邮件 with no email, 短信 with no mobile). */
  unreachableChannel: z.enum(['email', 'sms']).nullable(),
  /** Listed by the source, or set here. */
  origin: z.enum(['source', 'local']),
  /** Changed here and not yet entered in Seller Center (KooGallery has no API for it): see `sheet`. */
  pending: z.boolean(),
  /** What to enter in Seller Center while `pending`. */
  sheet: submissionSheetSchema.nullable(),
  updatedAt: z.number().int().nullable(),
});

const changeResult = z.object({ category: receiverCategorySchema });

export const receiversContract = {
  'receivers.list': method({
    summary: '消息接收管理: every message category with its channels (站内信, 邮件, 短信) and receivers; an empty one says where messages go instead.',
    input: z.object({}).strict(),
    output: z.object({ categories: z.array(receiverCategorySchema), path: z.literal('local') }),
  }),
  'receivers.get': method({
    summary: 'One category with its history.',
    input: z.object({ categoryCode }).strict(),
    output: z.object({ category: receiverCategorySchema, history: z.array(historyEntrySchema) }),
  }),
  'receivers.add': method({
    summary: 'Adds a receiver (name; a valid email and/or a mainland mobile) to a category, up to its limit.',
    input: z.object({ categoryCode, name, email: email.optional(), mobile: mobile.optional() }).strict(),
    output: changeResult.extend({ receiver: receiverSchema }),
  }),
  'receivers.update': method({
    summary: "Changes a receiver's name, email or mobile (an empty string or null clears the email or mobile).",
    input: z.object({ receiverId, name: name.optional(), email: email.nullable().optional(), mobile: mobile.nullable().optional() }).strict(),
    output: changeResult.extend({ receiver: receiverSchema }),
  }),
  'receivers.remove': method({
    summary: 'Removes a receiver; a category left without any says where its messages go instead.',
    input: z.object({ receiverId }).strict(),
    output: changeResult,
  }),
  'receivers.setChannels': method({
    summary: "Sets a category's channels; 邮件 / 短信 need a receiver with an email / a mobile (unless it has no receivers).",
    input: z.object({ categoryCode, channels: z.array(channel).min(1).max(3) }).strict(),
    output: changeResult,
  }),
  'receivers.markEntered': method({
    summary: "Local path: the seller has entered the category's changes in Seller Center (a later sync may list them).",
    input: z.object({ categoryCode }).strict(),
    output: changeResult,
  }),
};
