import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from '../contract';

const USAGE_FILE = /\.(csv|xlsx|jsonl|ndjson)$/i;
const SETTLE_MS = 300;

/**
 * A folder watched for new files (usage files from a metering system, Seller Center exports in
 * Downloads). Each matching file is handed over once its size has stopped changing; the handler
 * moves it away or remembers it, so it is handled once.
 */
export class WatchedFolder {
  private watcher: fs.FSWatcher | null = null;
  private readonly pending = new Set<string>();
  private scanning: Promise<void> = Promise.resolve();

  constructor(
    readonly dir: string,
    private readonly onFile: (file: string) => Promise<void>,
    private readonly pattern: RegExp = USAGE_FILE,
    private readonly isNew: (file: string) => boolean = () => true,
  ) {}

  /** Starts watching; a folder that cannot be made or watched is a FILE_SYSTEM error naming it. */
  start(): void {
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      this.watcher = fs.watch(this.dir, () => this.scanSoon());
    } catch (error) {
      throw new CoreError(
        'FILE_SYSTEM',
        `The folder ${this.dir} cannot be watched (${(error as NodeJS.ErrnoException).code ?? String(error)}); choose another folder in 设置`,
        { reason: 'watch.folder', params: { folder: this.dir, code: (error as NodeJS.ErrnoException).code ?? '' } },
      );
    }
    this.scanSoon();
  }

  stop(): Promise<void> {
    this.watcher?.close();
    this.watcher = null;
    return this.scanning;
  }

  private scanSoon(): void {
    this.scanning = this.scanning.then(() => this.scan()).catch((error: unknown) => console.error('watched folder scan failed', error));
  }

  private async scan(): Promise<void> {
    for (const name of fs.readdirSync(this.dir)) {
      const file = path.join(this.dir, name);
      if (!this.pattern.test(name) || this.pending.has(file) || !fs.statSync(file).isFile() || !this.isNew(file)) continue;
      this.pending.add(file);
      try {
        if (await settled(file)) await this.onFile(file);
      } finally {
        this.pending.delete(file);
      }
    }
  }
}

/** True once the file's size stays the same for SETTLE_MS (the writer has finished). */
async function settled(file: string): Promise<boolean> {
  let size = -1;
  for (let i = 0; i < 20; i++) {
    if (!fs.existsSync(file)) return false;
    const now = fs.statSync(file).size;
    if (now === size) return true;
    size = now;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  }
  return true;
}

/** Moves a handled file into `imported/` or `refused/` beside it; a refused file gets an errors CSV. */
export function fileAway(file: string, outcome: 'imported' | 'refused', now: number, problems: { row: number; column: string; reason: string }[] = []): string {
  const target = path.join(path.dirname(file), outcome);
  fs.mkdirSync(target, { recursive: true });
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const destination = path.join(target, `${stamp}-${path.basename(file)}`);
  fs.renameSync(file, destination);
  if (problems.length > 0) {
    const quoted = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
    const lines = ['行,列,原因', ...problems.map((p) => `${p.row},${quoted(p.column)},${quoted(p.reason)}`)];
    fs.writeFileSync(`${destination}.errors.csv`, '\uFEFF' + lines.join('\r\n') + '\r\n');
  }
  return destination;
}
