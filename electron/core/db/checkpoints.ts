import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { CheckpointWorkerData, CheckpointWorkerRequest } from './checkpoint-worker';
import { workerUrl } from './worker-url';
import { JOURNAL_SIZE_LIMIT_BYTES } from './open';

export interface Checkpoints {
  /**
   * Resolves at once while the WAL file is under WAL_CATCH_UP_BYTES; beyond that, after a checkpoint has
   * copied it all back. A long writer (a sync) awaits it between transactions, overlapped with its
   * next download: with no write in between, the next transaction restarts the WAL from its start
   * instead of appending (a 1,000,000-row sync otherwise grows it to ~1.9 GB). `atWalBytes` 0: a
   * checkpoint whatever the WAL's size (between the indexes of a bulk load, each tens of MB: waiting
   * only past the threshold let one more index land on top, a 1M-row sync's WAL peaked at 131.5 MB).
   */
  catchUp(atWalBytes?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The WAL file size at which a long writer lets the checkpoint catch up. Above the journal size
 * limit on purpose: a restarted WAL keeps its file at that size and refills it from the start, so
 * only a file grown past the limit says how much is really waiting to be copied.
 */
export const WAL_CATCH_UP_BYTES = JOURNAL_SIZE_LIMIT_BYTES * 1.5;

/**
 * Copies the WAL back into the database file every `intervalMs` from a worker thread with its own
 * connection: no writer commit pays for it (wal_autocheckpoint is off) and no core call waits
 * behind it. Stop it before closing the core's connection, so that connection closes last.
 */
export function startCheckpoints(file: string, options: { intervalMs?: number; nativeBinding?: string; catchUpAtWalBytes?: number } = {}): Checkpoints {
  const catchUpAt = options.catchUpAtWalBytes ?? WAL_CATCH_UP_BYTES;
  const workerData: CheckpointWorkerData = {
    file,
    intervalMs: options.intervalMs ?? 10_000,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  };
  const worker = new Worker(workerUrl('checkpoint-worker'), { workerData });
  worker.on('error', (error) => console.error('checkpoint worker failed', error));
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let caughtUp: Promise<void> | null = null;
  return {
    catchUp(atWalBytes = catchUpAt) {
      if (caughtUp) return caughtUp;
      if (atWalBytes > 0 && walBytes(file) < atWalBytes) return Promise.resolve();
      caughtUp = new Promise<void>((resolve) => {
        const done = () => {
          caughtUp = null;
          worker.off('message', done);
          worker.off('exit', done);
          worker.unref();
          resolve();
        };
        // awaited: the process lives until the answer comes, even with nothing else keeping it
        worker.ref();
        worker.on('message', done);
        worker.once('exit', done);
        worker.postMessage({ type: 'checkpoint' } satisfies CheckpointWorkerRequest);
      });
      return caughtUp;
    },
    async stop() {
      const stop: CheckpointWorkerRequest = { type: 'stop' };
      worker.ref(); // keep the process alive until the worker has closed its connection
      worker.postMessage(stop);
      await exited;
    },
  };
}

function walBytes(databaseFile: string): number {
  try {
    return fs.statSync(`${databaseFile}-wal`).size;
  } catch {
    return 0;
  }
}
