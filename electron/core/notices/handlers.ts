import type { HandlersFor, noticesContract } from '../contract';
import type { Notifier } from './notifier';

/** The switches of the app's own notifications. */
export function noticeHandlers(notifier: Notifier): HandlersFor<typeof noticesContract> {
  return {
    'notices.settings': () => notifier.settings(),
    'notices.setSettings': ({ changes }) => notifier.setSettings(changes),
  };
}
