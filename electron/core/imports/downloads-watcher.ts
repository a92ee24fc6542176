import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { EventBus } from '../events';
import type { JobEngine } from '../jobs';
import type { KeyValues } from '../settings';
import { WatchedFolder } from '../watch';
import type { SellerCenterImport } from './seller-center-import';

const EXPORT_FILE = /\.(xlsx|csv)$/i;
const SEEN_KEY = 'imports.seenExportFiles';
const SEEN_KEPT = 500;
const seenSchema = z.array(z.string());

/**
 * Watches a folder such as Downloads for Seller Center exports (orders, transaction details, bills) and
 * imports each new one as a job. Files are left where they are — it is the seller's folder; what was
 * handled is remembered by name, size and time, and files that are not exports are ignored.
 */
export class DownloadsWatcher {
  private watched: WatchedFolder | null = null;
  private handled = 0;

  constructor(
    private readonly imports: SellerCenterImport,
    private readonly values: KeyValues,
    private readonly events: EventBus,
    private readonly jobs: JobEngine,
  ) {}

  async watch(dir: string | null): Promise<void> {
    if (this.watched?.dir === dir) return;
    await this.watched?.stop();
    this.watched = null;
    const next = dir
      ? new WatchedFolder(
          dir,
          (file) => this.handle(file),
          EXPORT_FILE,
          (file) => !this.seen().includes(fingerprint(file)),
        )
      : null;
    next?.start(); // a folder that cannot be watched throws here, and is not kept
    this.watched = next;
  }

  private async handle(file: string): Promise<void> {
    const name = path.basename(file);
    try {
      const result = await this.jobs.run(`watch:downloads:${++this.handled}`, 'imports.watched', async (job) => {
        const kind = await this.imports.detectKind(file);
        return kind ? this.imports.importFile(file, kind, {}, job) : null;
      });
      if (result) {
        const refused = result.refused;
        this.events.emit({
          type: 'notice',
          level: refused ? 'error' : 'info',
          messageKey: refused ? 'imports.watchedRefused' : 'imports.watchedImported',
          values: { file: name, imported: result.imported, problems: result.problems.length },
        });
      }
    } catch (error) {
      this.events.emit({
        type: 'notice',
        level: 'error',
        messageKey: 'imports.watchedFailed',
        values: { file: name, message: error instanceof Error ? error.message : String(error) },
      });
    } finally {
      this.remember(fingerprint(file));
    }
  }

  private seen(): string[] {
    return this.values.get(SEEN_KEY, seenSchema) ?? [];
  }

  private remember(print: string): void {
    this.values.set({ [SEEN_KEY]: [...this.seen().filter((p) => p !== print), print].slice(-SEEN_KEPT) });
  }
}

function fingerprint(file: string): string {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return `${path.basename(file)}|${stat?.size ?? 0}|${Math.floor(stat?.mtimeMs ?? 0)}`;
}
