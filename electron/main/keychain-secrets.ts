import fs from 'node:fs';
import path from 'node:path';
import type { SafeStorage } from 'electron';

/**
 * Credentials encrypted with the OS keychain (Electron safeStorage: Keychain on macOS, DPAPI on
 * Windows) and kept as base64 ciphertext in userData/secrets.json — never plain text on disk.
 */
export class KeychainSecrets {
  constructor(
    private readonly safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>,
    private readonly userDataDir: string,
  ) {}

  get(name: string): string | null {
    const cipher = this.readAll()[name];
    return cipher ? this.safeStorage.decryptString(Buffer.from(cipher, 'base64')) : null;
  }

  set(name: string, value: string): void {
    if (!this.safeStorage.isEncryptionAvailable()) throw new Error('The OS keychain is not available; credentials were not saved');
    const all = this.readAll();
    all[name] = this.safeStorage.encryptString(value).toString('base64');
    this.writeAll(all);
  }

  delete(name: string): void {
    const all = this.readAll();
    delete all[name];
    this.writeAll(all);
  }

  private file(): string {
    return path.join(this.userDataDir, 'secrets.json');
  }

  private readAll(): Record<string, string> {
    try {
      return JSON.parse(fs.readFileSync(this.file(), 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  }

  private writeAll(all: Record<string, string>): void {
    const temp = `${this.file()}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(all), { mode: 0o600 });
    fs.renameSync(temp, this.file());
  }
}
