import type { z } from 'zod';
import type { SqliteDatabase } from '../db';

/** A value the app remembers by name (a setting, the seen-files list, the usage start offset). */
export interface KeyValues {
  /** The stored value, or undefined when there is none or it no longer fits `schema`. */
  get<T>(key: string, schema: z.ZodType<T>): T | undefined;
  /** Stores values in one transaction; `undefined` values are skipped. */
  set(values: Record<string, unknown>): void;
}

/** The `settings` table (key → JSON), every statement that touches it. */
export function settingsTable(db: SqliteDatabase, now: () => number): KeyValues {
  const select = db.prepare('SELECT value_json FROM settings WHERE key = ?').pluck();
  const upsert = db.prepare(
    `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  );
  const setAll = db.transaction((values: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(values)) if (value !== undefined) upsert.run(key, JSON.stringify(value), now());
  });
  return {
    get(key, schema) {
      const json = select.get(key) as string | undefined;
      if (json === undefined) return undefined;
      const parsed = schema.safeParse(JSON.parse(json));
      return parsed.success ? parsed.data : undefined;
    },
    set: (values) => setAll(values),
  };
}
