import type { Language } from './vocabulary';

/**
 * Wording of what the core tells the seller by itself (OS notifications), in both languages; the
 * UI's in-app notices read the same templates. `{{name}}` is filled from the values.
 */
interface NotificationText {
  title: string;
  body: string;
}

export const NOTIFICATION_TEXTS: Record<
  'usage.windowClosing' | 'tickets.waiting' | 'requirements.lapsing' | 'supervision.due',
  Record<Language, NotificationText>
> = {
  'usage.windowClosing': {
    'zh-CN': { title: '话单即将错过上报窗口', body: '{{count}} 条话单尚未发送，上报窗口将于 {{closesAt}} 关闭' },
    'en-US': { title: 'Usage records about to miss their window', body: '{{count}} usage record(s) not sent yet; the reporting window closes at {{closesAt}}' },
  },
  'tickets.waiting': {
    'zh-CN': { title: '客户工单待处理', body: '有 {{count}} 个客户工单等待您处理（新增 {{added}} 个）' },
    'en-US': { title: 'Customer tickets waiting', body: '{{count}} customer ticket(s) waiting on you ({{added}} new)' },
  },
  'requirements.lapsing': {
    'zh-CN': { title: '客户需求即将失效', body: '{{count}} 个待接收的客户需求将在 24 小时内失效，请及时接收' },
    'en-US': { title: 'Customer requirements about to lapse', body: '{{count}} customer requirement(s) waiting to be accepted lapse within 24 hours' },
  },
  'supervision.due': {
    'zh-CN': { title: '服务监管待处理', body: '有 {{count}} 个服务监管流程等待您处理（新增 {{added}} 个）' },
    'en-US': { title: 'Service supervision waiting', body: '{{count}} service supervision flow(s) waiting on you ({{added}} new)' },
  },
};

export type NotificationKind = keyof typeof NOTIFICATION_TEXTS;

export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The title and body of an OS notification in the seller's language. */
export function notificationText(kind: NotificationKind, language: Language, values: Record<string, string | number>): { title: string; body: string } {
  const text = NOTIFICATION_TEXTS[kind][language];
  return { title: text.title, body: fillTemplate(text.body, values) };
}

/**
 * The app's own notifications the seller switches: each on or off, as an OS notification and/or an
 * in-app notice (设置 › 通知). The in-app notice carries `messageKey` (the renderer words it from
 * the same texts).
 */
export const NOTICE_CATEGORIES = [
  'usage.windowClosing',
  'tickets.waiting',
  'requirements.lapsing',
  'supervision.due',
] as const satisfies readonly NotificationKind[];
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number];

export const NOTICE_MESSAGE_KEYS: Record<NoticeCategory, string> = {
  'usage.windowClosing': 'usage.windowClosing',
  'tickets.waiting': 'notices.ticketsWaiting',
  'requirements.lapsing': 'notices.requirementsLapsing',
  'supervision.due': 'notices.supervisionDue',
};

export interface NoticeSwitches {
  enabled: boolean;
  os: boolean;
  inApp: boolean;
}

/** Until the seller changes them: every category on, by OS notification and in the app. */
export const DEFAULT_NOTICE_SWITCHES: NoticeSwitches = { enabled: true, os: true, inApp: true };
