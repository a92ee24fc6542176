import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { openWorkerConnection, workerUrl, type SqliteDatabase } from '../db';
import type { SellerCenterFileKindName } from './seller-center-files';
import { RecordShape } from './record-shape';
import { STAGED_RECORDS, type StagingAnswer, type StagingRequest, type StagingWorkerData } from './staging-worker';

/**
 * Records sent at a time, as one flat JSON array of their values (RecordShape): a batch stays well under V8's 128 KB
 * regular-object limit (a longer string is allocated, and freed, as fresh pages each time, which made
 * staging 200,000 orders several times slower).
 */
const BATCH_RECORDS = 128;
/** Batches sent and not yet written: past this many the reading waits, so memory stays flat when writing is slower. */
const MAX_BATCHES_IN_FLIGHT = 16;
/** The scratch database's page cache where it is read once, in order (512 KB, as SQLite counts it). */
const SCRATCH_CACHE_SIZE = -512;
/** The name the scratch database is attached under while its rows are copied in. */
const SCHEMA = 'import_staging';

export interface ImportStagingOptions {
  /** Where scratch databases are made (the core's own folder, cleared at each start; else the system's temp folder). */
  dir?: string;
  nativeBinding?: string;
}

/**
 * The parsed records of one import, held in a scratch database of their own until the whole file
 * has been read and checked, so the cache tables are touched only by the one transaction that moves
 * them in (or not at all), and memory stays flat whatever the file's size. A worker thread writes the
 * scratch while this thread reads the file. When the cache's tables are empty it also writes the rows
 * as those tables will hold them (same schema, same writer), and the final transaction copies them in
 * one statement per table, with no row crossing into JavaScript: a first import of 200,000 orders
 * wrote them one by one in 2.2 s after reading the file, and copies them in 0.8 s. Each
 * record is kept as it came too, for a table that got rows meanwhile: those are replayed through the
 * cache's writer, as into any table that had rows.
 */
export class ImportStaging {
  private readonly worker: Worker;
  private readonly shape = new RecordShape();
  /** The values of the records added since the last batch was sent (RecordShape.append). */
  private batch: unknown[] = [];
  private batchRecords = 0;
  private staged = 0;
  private inFlight = 0;
  private failure: Error | null = null;
  private written = false;
  private waiting: (() => void) | null = null;

  constructor(
    kind: SellerCenterFileKindName,
    now: number,
    /** Write the rows for a copy too (the cache's tables were empty when the import began). */
    readonly rowsToo: boolean,
    private readonly options: ImportStagingOptions = {},
    private readonly file = scratchFile(options.dir ?? os.tmpdir()),
  ) {
    const workerData: StagingWorkerData = { file, kind, now, rowsToo, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) };
    this.worker = new Worker(workerUrl('import-staging-worker'), { workerData });
    this.worker.on('message', (answer: StagingAnswer) => this.answered(answer));
    this.worker.on('error', (error) => this.failed(error));
    this.worker.on('exit', () => this.written || this.failed(new Error('the import staging thread stopped')));
  }

  get rows(): number {
    return this.staged + this.batchRecords;
  }

  add(record: unknown): void {
    this.shape.append(record as Record<string, unknown>, this.batch);
    if (++this.batchRecords === BATCH_RECORDS) this.send();
  }

  /** True while the worker is far enough behind that the reader should await `caughtUp` before adding more. */
  get behind(): boolean {
    return this.inFlight >= MAX_BATCHES_IN_FLIGHT && this.failure === null;
  }

  caughtUp(): Promise<void> {
    return this.until(() => !this.behind);
  }

  /** Waits until everything added is in the scratch database; throws what went wrong there. */
  async complete(): Promise<void> {
    this.send();
    this.post({ type: 'end' });
    await this.until(() => this.written);
  }

  /**
   * Attaches the scratch database to `db` for `use` (outside any transaction: SQLite attaches only
   * there), e.g. a transaction that copies the rows with `copy(SCHEMA)`.
   */
  withAttached<T>(db: SqliteDatabase, use: (schema: string) => T): T {
    db.prepare(`ATTACH DATABASE ? AS ${SCHEMA}`).run(this.file);
    // read once, in order: an attached database would otherwise get a page cache as big as the cache's own
    db.pragma(`${SCHEMA}.cache_size = ${SCRATCH_CACHE_SIZE}`);
    try {
      return use(SCHEMA);
    } finally {
      db.exec(`DETACH DATABASE ${SCHEMA}`);
    }
  }

  /** Gives the staged records to `write`, a batch at a time, in the order they were added (the caller's transaction writes them). */
  readBack(write: (records: unknown[]) => void): void {
    const scratch = openWorkerConnection(this.file, { nativeBinding: this.options.nativeBinding, readonly: true });
    try {
      for (const batch of scratch.prepare(`SELECT batch FROM ${STAGED_RECORDS} ORDER BY rowid`).pluck().iterate())
        write(this.shape.recordsIn(JSON.parse(batch as string) as unknown[]));
    } finally {
      scratch.close();
    }
  }

  /** Stops the worker and deletes the scratch database; the staging cannot be used after. */
  async drop(): Promise<void> {
    this.batch = [];
    this.batchRecords = 0;
    await this.worker.terminate();
    fs.rmSync(this.file, { force: true });
  }

  private send(): void {
    if (this.batchRecords === 0) return;
    this.post({ type: 'records', batch: JSON.stringify(this.batch), shape: this.shape.toJSON() });
    this.inFlight++;
    this.staged += this.batchRecords;
    this.batch = [];
    this.batchRecords = 0;
  }

  private post(request: StagingRequest): void {
    if (this.failure === null) this.worker.postMessage(request);
  }

  private answered(answer: StagingAnswer): void {
    if (answer.type === 'taken') this.inFlight--;
    else if (answer.type === 'written') this.written = true;
    else return this.failed(new Error(answer.message));
    this.waiting?.();
  }

  private failed(error: Error): void {
    this.failure ??= error;
    this.waiting?.();
  }

  private async until(done: () => boolean): Promise<void> {
    while (!done()) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.waiting = resolve));
      this.waiting = null;
    }
    if (this.failure) throw this.failure;
  }
}

/** The core's folder for scratch databases, emptied of any a crash left behind; call once at start. */
export function emptiedStagingFolder(dir: string): string {
  fs.rmSync(dir, { recursive: true, force: true });
  return dir;
}

/**
 * A new, empty file only this user may read (the records hold customers' names), which SQLite then
 * opens as a new database. The core clears its scratch folder at each start, so even an import killed
 * midway leaves nothing behind for long.
 */
function scratchFile(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `seller-desk-import-${process.pid}-${crypto.randomUUID()}.sqlite`);
  fs.closeSync(fs.openSync(file, 'wx', 0o600));
  return file;
}
