import type { z } from 'zod';
import { defaultSettings, settingsSchema, type Settings } from '../contract';
import type { KeyValues } from './key-values';

type SettingsListener = (before: Settings, after: Settings) => Promise<void> | void;

/** The seller's settings, with defaults for anything unset or no longer valid; changes are told to listeners. */
export class SettingsService {
  private readonly listeners: SettingsListener[] = [];

  constructor(private readonly values: KeyValues) {}

  read(): Settings {
    const merged = { ...defaultSettings };
    for (const key of Object.keys(defaultSettings) as (keyof Settings)[]) {
      const stored = this.values.get(key, settingsSchema.shape[key] as z.ZodType<unknown>);
      if (stored !== undefined) Object.assign(merged, { [key]: stored });
    }
    return merged;
  }

  /**
   * `changes` is already validated against the contract; written in one transaction, then applied
   * (a folder watched, the source changed). When applying fails, the settings go back to what they
   * were, applied again, and the error says why.
   */
  async update(changes: Partial<Settings>): Promise<Settings> {
    const before = this.read();
    this.values.set(changes);
    const after = this.read();
    try {
      for (const listener of this.listeners) await listener(before, after);
    } catch (error) {
      this.values.set(Object.fromEntries(Object.keys(changes).map((key) => [key, before[key as keyof Settings]])));
      for (const listener of this.listeners) await Promise.resolve(listener(after, before)).catch(() => undefined);
      throw error;
    }
    return after;
  }

  /** Runs `apply` after every change (e.g. a watched folder follows its setting). */
  onChange(listener: SettingsListener): void {
    this.listeners.push(listener);
  }
}
