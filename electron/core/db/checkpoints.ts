import { Worker } from 'node:worker_threads';
import type { DbWorkerData, DbWorkerRequest } from '../workers/db-worker';
import { dbWorkerUrl } from '../workers/worker-url';

export interface Checkpoints {
  stop(): Promise<void>;
}

/**
 * Copies the WAL back into the database file every `intervalMs` from a worker thread with its own
 * connection: no writer commit pays for it (wal_autocheckpoint is off) and no core call waits
 * behind it. Stop it before closing the core's connection, so that connection closes last.
 */
export function startCheckpoints(file: string, options: { intervalMs?: number; nativeBinding?: string } = {}): Checkpoints {
  const workerData: DbWorkerData = { role: 'checkpoints', file, intervalMs: options.intervalMs ?? 10_000, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) };
  const worker = new Worker(dbWorkerUrl(), { workerData });
  worker.on('error', (error) => console.error('checkpoint worker failed', error));
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      const stop: DbWorkerRequest = { type: 'stop' };
      worker.ref(); // keep the process alive until the worker has closed its connection
      worker.postMessage(stop);
      await exited;
    },
  };
}
