import { z } from 'zod';
import {
  clockTimeInZone,
  DEFAULT_NOTICE_SWITCHES,
  NOTICE_CATEGORIES,
  NOTICE_MESSAGE_KEYS,
  notificationText,
  type Language,
  type NoticeCategory,
  type NoticeSwitches,
} from '../conventions';
import type { CoreEvent } from '../contract';
import type { KeyValues } from '../settings';

const SWITCHES_KEY = 'notices.switches';
const switchesSchema = z.object({ enabled: z.boolean(), os: z.boolean(), inApp: z.boolean() });
const storedSchema = z.record(z.string(), switchesSchema);

type NoticeValues = Record<string, string | number>;
type NoticeLevel = Extract<CoreEvent, { type: 'notice' }>['level'];

export interface NotifierOptions {
  /** The settings' remembered values: the switches are kept there. */
  values: KeyValues;
  /** The host's OS notification (browser mode and tests: none). */
  osNotify: (title: string, body: string) => void;
  /** The in-app notice: the core's `notice` event. */
  emit: (event: CoreEvent) => void;
  /** The seller's language and time zone, for the OS notification's words. */
  locale: () => { language: Language; timeZone: string };
}

/**
 * The app's own notifications, each category switched by the seller: off raises nothing; on, an OS
 * notification (worded in the seller's language, instants — values named …At — as clock times in
 * the seller's zone) and/or an in-app notice (`notice` event with the category's message key and the
 * values as given).
 */
export class Notifier {
  constructor(private readonly options: NotifierOptions) {}

  settings(): { categories: (NoticeSwitches & { category: NoticeCategory })[] } {
    const stored = this.stored();
    return { categories: NOTICE_CATEGORIES.map((category) => ({ category, ...(stored[category] ?? DEFAULT_NOTICE_SWITCHES) })) };
  }

  /** Changes the named switches of the named categories; the rest keep theirs. */
  setSettings(changes: (Partial<NoticeSwitches> & { category: NoticeCategory })[]): { categories: (NoticeSwitches & { category: NoticeCategory })[] } {
    const next = Object.fromEntries(this.settings().categories.map(({ category, ...switches }) => [category, switches])) as Record<
      NoticeCategory,
      NoticeSwitches
    >;
    for (const { category, ...change } of changes) {
      next[category] = {
        enabled: change.enabled ?? next[category].enabled,
        os: change.os ?? next[category].os,
        inApp: change.inApp ?? next[category].inApp,
      };
    }
    this.options.values.set({ [SWITCHES_KEY]: next });
    return this.settings();
  }

  switches(category: NoticeCategory): NoticeSwitches {
    return this.stored()[category] ?? DEFAULT_NOTICE_SWITCHES;
  }

  /** Raises a notification of `category` as its switches say; answers what was raised. */
  notify(category: NoticeCategory, values: NoticeValues, level: NoticeLevel = 'warning'): { os: boolean; inApp: boolean } {
    const switches = this.switches(category);
    const os = switches.enabled && switches.os;
    const inApp = switches.enabled && switches.inApp;
    if (os) {
      const { language, timeZone } = this.options.locale();
      const worded = Object.fromEntries(
        Object.entries(values).map(([key, value]) => [
          key,
          key.endsWith('At') && typeof value === 'number' ? clockTimeInZone(value, timeZone, language) : value,
        ]),
      );
      const text = notificationText(category, language, worded);
      this.options.osNotify(text.title, text.body);
    }
    if (inApp) this.options.emit({ type: 'notice', level, messageKey: NOTICE_MESSAGE_KEYS[category], values });
    return { os, inApp };
  }

  private stored(): Partial<Record<NoticeCategory, NoticeSwitches>> {
    return (this.options.values.get(SWITCHES_KEY, storedSchema) ?? {}) as Partial<Record<NoticeCategory, NoticeSwitches>>;
  }
}
