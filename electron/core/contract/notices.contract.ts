import { z } from 'zod';
import { NOTICE_CATEGORIES } from '../conventions';
import { method } from './define';

const category = z.enum(NOTICE_CATEGORIES);
const switchesSchema = z.object({
  /** Off: the category raises nothing. */
  enabled: z.boolean(),
  /** An OS notification (browser mode has none: it shows in the app). */
  os: z.boolean(),
  /** A notice inside the app. */
  inApp: z.boolean(),
});

/** The app's own notifications, per category: usage.windowClosing, tickets.waiting, requirements.lapsing, supervision.due. */
export const noticeSettingsSchema = z.object({ categories: z.array(switchesSchema.extend({ category })) });

export const noticesContract = {
  'notices.settings': method({
    summary: "The switches of the app's own notifications, per category (on/off, OS notification, in-app).",
    input: z.object({}).strict(),
    output: noticeSettingsSchema,
  }),
  'notices.setSettings': method({
    summary: 'Changes the switches of some categories; what is not named keeps its value.',
    input: z
      .object({
        changes: z
          .array(switchesSchema.partial().extend({ category }).strict())
          .min(1)
          .max(NOTICE_CATEGORIES.length * 2),
      })
      .strict(),
    output: noticeSettingsSchema,
  }),
};
