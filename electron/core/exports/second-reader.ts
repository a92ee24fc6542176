import { Worker } from 'node:worker_threads';
import { workerUrl, type SqliteDatabase } from '../db';
import { EXPORT_HEAP_LIMITS, ExportCancelled, pinSnapshot, type SecondReader } from './export-file';
import type { PartWorkerData, PartWorkerMessage, PartWorkerRequest } from './export-part-worker';
import type { DeflatedPart } from './writers';

/** Tries at pinning one snapshot on both readers while commits keep falling between them. */
const PIN_ATTEMPTS = 3;

type Answer = Exclude<PartWorkerMessage, { type: 'progress' } | { type: 'failed' }>;

/**
 * The second reader of a big XLSX export, on a thread of its own (export-part-worker.ts). Both
 * readers see one snapshot (pinTogether); no lock is taken, so the core's writers never wait.
 */
export function startSecondReader(data: PartWorkerData): SecondReader {
  const worker = new Worker(workerUrl('export-part-worker'), { workerData: data, resourceLimits: EXPORT_HEAP_LIMITS });
  const answers = new AnswerQueue();
  let progress = (_rows: number): void => undefined;
  worker.on('message', (message: PartWorkerMessage) => {
    if (message.type === 'progress') progress(message.rows);
    else if (message.type === 'failed')
      answers.fail(Object.assign(new Error(message.message), { code: message.code ?? undefined, syscall: message.syscall ?? undefined }));
    else answers.push(message);
  });
  worker.on('error', (error) => answers.fail(error));
  worker.on('exit', () => answers.fail(new ExportCancelled('the second reader of the export stopped')));
  const ask = <T extends Answer['type']>(request: PartWorkerRequest | null, type: T) => {
    if (request) worker.postMessage(request);
    return answers.next(type) as Promise<Extract<Answer, { type: T }>>;
  };

  return {
    async pin(db) {
      await ask(null, 'ready');
      for (let attempt = 0; attempt < PIN_ATTEMPTS; attempt++) {
        if (await pinTogether(db, async () => void (await ask({ type: 'pin' }, 'pinned')))) return true;
      }
      return false;
    },
    async write(slice, onProgress): Promise<DeflatedPart> {
      progress = onProgress;
      const { part } = await ask({ type: 'write', ...slice }, 'done');
      return { file: slice.partFile, ...part };
    },
    async close() {
      await worker.terminate();
    },
  };
}

/**
 * Pins `db`'s snapshot and, through `pinSecond`, another connection's, and says whether they are
 * the same: `PRAGMA data_version` read before the other pins and again inside `db`'s new transaction
 * differs exactly when another connection committed in between. If one did, `db` is let go again
 * (the other is pinned afresh by the next try). A lock that kept commits out instead made the core's
 * transactions that read before writing fail at once with SQLITE_BUSY (SQLite does not wait for a
 * lock to turn a read into a write).
 */
export async function pinTogether(db: SqliteDatabase, pinSecond: () => Promise<void>): Promise<boolean> {
  const before = dataVersion(db);
  await pinSecond();
  try {
    pinSnapshot(db);
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
  if (dataVersion(db) === before) return true;
  db.exec('ROLLBACK');
  return false;
}

function dataVersion(db: SqliteDatabase): number {
  return db.pragma('data_version', { simple: true }) as number;
}

/** The worker's answers in the order they came, each taken by the next one waiting for its type. */
class AnswerQueue {
  private readonly received: Answer[] = [];
  private waiting: { type: Answer['type']; resolve: (answer: Answer) => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;

  push(answer: Answer): void {
    this.received.push(answer);
    this.deliver();
  }

  fail(error: Error): void {
    this.failure ??= error;
    this.deliver();
  }

  next(type: Answer['type']): Promise<Answer> {
    return new Promise((resolve, reject) => {
      this.waiting = { type, resolve, reject };
      this.deliver();
    });
  }

  private deliver(): void {
    const waiting = this.waiting;
    if (!waiting) return;
    const answer = this.received.shift();
    if (answer) {
      this.waiting = null;
      if (answer.type === waiting.type) waiting.resolve(answer);
      else waiting.reject(new Error(`the export's second reader answered ${answer.type}, expected ${waiting.type}`));
    } else if (this.failure) {
      this.waiting = null;
      waiting.reject(this.failure);
    }
  }
}
