import { Worker } from 'node:worker_threads';
import { openWorkerConnection, workerUrl, type SqliteDatabase } from '../db';
import { EXPORT_HEAP_LIMITS, ExportCancelled, pinSnapshot, type SecondReader } from './export-file';
import type { PartWorkerData, PartWorkerMessage, PartWorkerRequest } from './export-part-worker';
import type { DeflatedPart } from './writers';

/**
 * How long pinning waits for a writer (a sync's transaction) to commit before the export goes on
 * alone on one thread.
 */
const PIN_WAIT_MS = 1000;

type Answer = Exclude<PartWorkerMessage, { type: 'progress' } | { type: 'failed' }>;

/**
 * The second reader of a big XLSX export, on a thread of its own (export-part-worker.ts). Both
 * readers see one snapshot: it is pinned while a third connection holds the write lock for the few
 * milliseconds it takes, so no commit falls between the two.
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
      const lock = writeLock(data);
      if (!lock) return false;
      try {
        pinSnapshot(db);
        await ask({ type: 'pin' }, 'pinned');
        return true;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      } finally {
        lock.exec('ROLLBACK');
        lock.close();
      }
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

/** A connection holding the write lock, or null when writers kept it for longer than PIN_WAIT_MS. */
function writeLock({ file, nativeBinding }: PartWorkerData): SqliteDatabase | null {
  const lock = openWorkerConnection(file, { nativeBinding, readonly: false });
  try {
    lock.pragma(`busy_timeout = ${PIN_WAIT_MS}`);
    lock.exec('BEGIN IMMEDIATE');
    return lock;
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return null;
    throw error;
  }
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
