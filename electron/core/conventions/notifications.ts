import type { Language } from './vocabulary';

/**
 * Wording of what the core tells the seller by itself (OS notifications), in both languages; the
 * UI's in-app notices read the same templates. `{{name}}` is filled from the values.
 */
interface NotificationText {
  title: string;
  body: string;
}

export const NOTIFICATION_TEXTS: Record<'usage.windowClosing', Record<Language, NotificationText>> = {
  'usage.windowClosing': {
    'zh-CN': { title: '话单即将错过上报窗口', body: '{{count}} 条话单尚未发送，上报窗口将于 {{closesAt}} 关闭' },
    'en-US': { title: 'Usage records about to miss their window', body: '{{count}} usage record(s) not sent yet; the reporting window closes at {{closesAt}}' },
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
