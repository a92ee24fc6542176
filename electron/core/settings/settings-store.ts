import type { SqliteDatabase } from '../db';
import { defaultSettings, settingsSchema, type Settings } from '../contract/settings.contract';

/** Settings as key → JSON rows; unknown or malformed stored values fall back to the default. */
export class SettingsStore {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => number,
  ) {}

  read(): Settings {
    const rows = this.db.prepare('SELECT key, value_json FROM settings').all() as { key: string; value_json: string }[];
    const stored: Record<string, unknown> = {};
    for (const row of rows) stored[row.key] = JSON.parse(row.value_json);
    const merged = { ...defaultSettings };
    for (const key of Object.keys(defaultSettings) as (keyof Settings)[]) {
      const parsed = settingsSchema.shape[key].safeParse(stored[key]);
      if (parsed.success) Object.assign(merged, { [key]: parsed.data });
    }
    return merged;
  }

  /** `changes` is already validated against the contract; written in one transaction. */
  update(changes: Partial<Settings>): Settings {
    const upsert = this.db.prepare(
      `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
    );
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(changes)) {
        if (value !== undefined) upsert.run(key, JSON.stringify(value), this.now());
      }
    })();
    return this.read();
  }
}
