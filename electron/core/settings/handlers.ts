import type { HandlersFor, settingsContract } from '../contract';
import type { SettingsService } from './settings-service';

export function settingsHandlers(settings: SettingsService): HandlersFor<typeof settingsContract> {
  return {
    'settings.get': () => settings.read(),
    'settings.update': (changes) => settings.update(changes),
  };
}
