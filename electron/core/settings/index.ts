export { settingsTable, type KeyValues } from './key-values';
export { SettingsService } from './settings-service';
export { settingsHandlers } from './handlers';
