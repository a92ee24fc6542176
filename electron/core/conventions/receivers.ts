/**
 * 消息接收管理 (product.md §3.10, koogallery-api.md §4.12): the message categories, the channels, who
 * may receive them and what happens when nobody is set. The core, the sandbox and the pages read these.
 */

/** What Seller Center says where a category has no receiver (the seed's words, shown exactly). */
export const RECEIVER_FALLBACK_NOTICE = '若商家未设置消息接收人,系统消息将自动发送至商家的华为云账号绑定的手机号及邮箱';

export const MESSAGE_CHANNELS = ['site', 'email', 'sms'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export const MESSAGE_CHANNEL_TERMS: Record<MessageChannel, { zh: string; en: string }> = {
  site: { zh: '站内信', en: 'In-site message' },
  email: { zh: '邮件', en: 'Email' },
  sms: { zh: '短信', en: 'SMS' },
};

/**
 * The categories koogallery-api.md §4.12 lists, with their codes. [UNCONFIRMED] 产品续费通知 has no
 * published code: 102 is the sandbox's (generator/seller-ops.ts), kept so both sides agree. A source
 * listing another category adds it; these are the ones shown even before a sync.
 */
export const MESSAGE_CATEGORIES = [
  { code: '101', zh: '产品创建开通通知', en: 'Product creation and provisioning' },
  { code: '102', zh: '产品续费通知', en: 'Product renewal' },
  { code: '501', zh: '运维提醒', en: 'Operations reminders' },
  { code: '901', zh: '其他', en: 'Other' },
] as const;

/** Channels of a category nobody has set yet: all three (站内信, 邮件, 短信, as the seed says messages go). */
export const DEFAULT_CHANNELS: readonly MessageChannel[] = MESSAGE_CHANNELS;

/**
 * [UNCONFIRMED] Seller Center publishes no limit of receivers per category. Huawei Cloud's general
 * 消息中心 adds "a maximum of 10 recipients at a time"; the same 10 is applied here per category.
 */
export const RECEIVERS_PER_CATEGORY = 10;

export const RECEIVER_NAME_MAX = 32;
export const RECEIVER_EMAIL_MAX = 254;

/** A mainland mobile number: 1[3-9] and 9 more digits, optionally after +86 or 86 (spaces and dashes ignored). */
const MOBILE = /^(?:\+?86)?(1[3-9]\d{9})$/;
/** One @, no spaces, a dot in the domain, no empty labels. */
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

export interface ReceiverFields {
  name: string;
  email: string | null;
  mobile: string | null;
}

export type ReceiverField = keyof ReceiverFields;

/** A field that is wrong, and what it should be (`expected` worded for the seller). */
export interface ReceiverProblem {
  field: ReceiverField;
  reason: 'nameRequired' | 'nameTooLong' | 'emailFormat' | 'mobileFormat' | 'contactRequired' | 'emailForChannel' | 'mobileForChannel' | 'duplicate';
  expected: string;
  value: string;
}

/** The mobile number as stored: its 11 digits (a +86 / 86 prefix, spaces and dashes taken away); null when it is not one. */
export function normalizeMobile(mobile: string): string | null {
  return MOBILE.exec(mobile.replace(/[\s-]/g, ''))?.[1] ?? null;
}

/**
 * Every problem of a receiver in a category with `channels`: a name; a valid email and mobile where
 * given; at least one of them; an email when the category mails and does not text (and a mobile
 * when it texts and does not mail) — with both, either one reaches the receiver.
 */
export function receiverProblems(fields: ReceiverFields, channels: readonly MessageChannel[]): ReceiverProblem[] {
  const problems: ReceiverProblem[] = [];
  const name = fields.name.trim();
  const email = fields.email?.trim() ?? '';
  const mobile = fields.mobile?.trim() ?? '';
  if (name === '') problems.push({ field: 'name', reason: 'nameRequired', expected: 'a name', value: fields.name });
  else if ([...name].length > RECEIVER_NAME_MAX)
    problems.push({ field: 'name', reason: 'nameTooLong', expected: `at most ${RECEIVER_NAME_MAX} characters`, value: fields.name });
  if (email !== '' && (email.length > RECEIVER_EMAIL_MAX || !EMAIL.test(email)))
    problems.push({ field: 'email', reason: 'emailFormat', expected: 'an email address like name@example.com', value: email });
  if (mobile !== '' && normalizeMobile(mobile) === null)
    problems.push({
      field: 'mobile',
      reason: 'mobileFormat',
      expected: 'a mainland mobile number: 1[3-9] and 9 more digits, optionally after +86',
      value: mobile,
    });
  const mails = channels.includes('email');
  const texts = channels.includes('sms');
  if (email === '' && mobile === '') problems.push({ field: 'email', reason: 'contactRequired', expected: 'an email address or a mobile number', value: '' });
  else if (mails && !texts && email === '')
    problems.push({ field: 'email', reason: 'emailForChannel', expected: 'an email address (邮件 is on, 短信 is off)', value: '' });
  else if (texts && !mails && mobile === '')
    problems.push({ field: 'mobile', reason: 'mobileForChannel', expected: 'a mobile number (短信 is on, 邮件 is off)', value: '' });
  return problems;
}

/** A channel no receiver of the category can be reached on (邮件 with no email, 短信 with no mobile); null when each is. */
export function unreachableChannel(channels: readonly MessageChannel[], receivers: readonly ReceiverFields[]): 'email' | 'sms' | null {
  if (receivers.length === 0) return null; // nobody set: the account's bound phone and email get them
  if (channels.includes('email') && !receivers.some((r) => r.email)) return 'email';
  if (channels.includes('sms') && !receivers.some((r) => r.mobile)) return 'sms';
  return null;
}
