/**
 * What only the host can do. Electron's main process provides the OS versions (notifications,
 * safeStorage); browser mode and tests use the in-memory ones. The core never imports `electron`.
 */
export interface Platform {
  /** `electron`, `browser` or `test`: shown in app.info. */
  readonly host: 'electron' | 'browser' | 'test';
  /** An OS notification where the host has one; browser mode shows an in-app banner instead. */
  notify(title: string, body: string): void;
  readonly secrets: SecretStore;
  /** Opens a file with its program, or shows it in the file manager; hosts without a desktop have none. */
  showFile?(file: string, how: 'open' | 'reveal'): Promise<boolean>;
  /** The OS Downloads folder, where exports go unless the settings name another (desktop app). */
  readonly downloadsFolder?: string;
}

/** Credentials (AK/SK, interconnection key). Values never go to logs, errors or the database in plain text. */
export interface SecretStore {
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
}

export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();
  async get(name: string) {
    return this.values.get(name) ?? null;
  }
  async set(name: string, value: string) {
    this.values.set(name, value);
  }
  async delete(name: string) {
    this.values.delete(name);
  }
}

/** Browser mode and tests: notifications become in-app notices (the caller also emits an event). */
export function createHeadlessPlatform(host: 'browser' | 'test'): Platform {
  return { host, notify: () => undefined, secrets: new MemorySecretStore() };
}
