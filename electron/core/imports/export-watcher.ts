import fs from 'node:fs';
import path from 'node:path';
import type { SqliteDatabase } from '../db';
import type { EventBus } from '../events/event-bus';
import { WatchedFolder } from '../watch/watched-folder';
import { detectExportKind, importSellerCenterFile } from './seller-center-import';

const EXPORT_FILE = /\.(xlsx|csv)$/i;
const SEEN_KEY = 'imports.seenExportFiles';
const SEEN_KEPT = 500;

/**
 * Watches a folder such as Downloads for Seller Center exports (orders, transaction details, bills) and
 * imports each new one. Files are left where they are — it is the seller's folder; what was handled
 * is remembered by name, size and time, and files that are not exports are ignored.
 */
export class ExportWatcher {
  private watched: WatchedFolder | null = null;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly events: EventBus,
  ) {}

  async watch(dir: string | null): Promise<void> {
    if (this.watched?.dir === dir) return;
    await this.watched?.stop();
    this.watched = dir ? new WatchedFolder(dir, (file) => this.handle(file), EXPORT_FILE, (file) => !this.seen().includes(fingerprint(file))) : null;
    this.watched?.start();
  }

  private async handle(file: string): Promise<void> {
    const name = path.basename(file);
    try {
      const result = await this.importAnyKind(file);
      if (result) {
        const refused = result.refused;
        this.events.emit({ type: 'notice', level: refused ? 'error' : 'info', messageKey: refused ? 'imports.watchedRefused' : 'imports.watchedImported', values: { file: name, imported: result.imported, problems: result.problems.length } });
      }
    } catch (error) {
      this.events.emit({ type: 'notice', level: 'error', messageKey: 'imports.watchedFailed', values: { file: name, message: error instanceof Error ? error.message : String(error) } });
    } finally {
      this.remember(fingerprint(file));
    }
  }

  /** An orders, transaction-details or bills export is imported as what it is; other files: null. */
  private async importAnyKind(file: string) {
    const kind = await detectExportKind(file);
    return kind ? importSellerCenterFile(this.db, file, kind) : null;
  }

  private seen(): string[] {
    const row = this.db.prepare('SELECT value_json FROM settings WHERE key = ?').get(SEEN_KEY) as { value_json: string } | undefined;
    return row ? (JSON.parse(row.value_json) as string[]) : [];
  }

  private remember(print: string): void {
    const list = [...this.seen().filter((p) => p !== print), print].slice(-SEEN_KEPT);
    this.db.prepare(`INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`).run(SEEN_KEY, JSON.stringify(list), Date.now());
  }
}

function fingerprint(file: string): string {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return `${path.basename(file)}|${stat?.size ?? 0}|${Math.floor(stat?.mtimeMs ?? 0)}`;
}
