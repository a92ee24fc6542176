import { Worker } from 'node:worker_threads';
import { CoreError } from '../contract';
import { workerUrl } from '../db';
import type { AggregateAnswer, AggregateRequest, AggregateWorkerData } from './aggregate-worker';

type Pending = { resolve: (row: unknown) => void; reject: (error: Error) => void };

/**
 * The core's side of the aggregate worker: one query at a time per request, answered in order.
 * The thread starts with the first query; if it dies, what was asked fails with a clear error and
 * the next query starts a new one.
 */
export class Aggregates {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly options: AggregateWorkerData) {}

  row<T>(sql: string, params: Record<string, unknown>): Promise<T> {
    return this.ask<T>((id) => ({ type: 'row', id, sql, params }));
  }

  /**
   * Every row of `sql`, read on the worker from a snapshot of the database as it is now: this blocks
   * the calling thread until the worker has taken the snapshot (a few ms; the query it may be
   * running first is waited for), so nothing this thread writes afterwards is in it. Null when the
   * snapshot was not taken within `pinWithinMs` (the caller counts some other way).
   */
  snapshotRows(sql: string, pinWithinMs: number): Promise<unknown[][]> | null {
    const pinned = new Int32Array(new SharedArrayBuffer(4));
    const rows = this.ask<unknown[][]>((id) => ({ type: 'snapshotRows', id, sql, pinned }));
    if (Atomics.wait(pinned, 0, 0, pinWithinMs) === 'timed-out') {
      rows.catch(() => undefined);
      return null;
    }
    return rows;
  }

  private ask<T>(request: (id: number) => AggregateRequest): Promise<T> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (row: unknown) => void, reject });
      worker.ref(); // the process lives until the answer comes, even with nothing else keeping it
      worker.postMessage(request(id));
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    worker.ref(); // the process lives until the thread has closed its connection
    worker.postMessage({ type: 'stop' } satisfies AggregateRequest);
    await new Promise((resolve) => worker.once('exit', resolve));
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerUrl('aggregate-worker'), { workerData: this.options });
    worker.on('message', (answer: AggregateAnswer) => {
      const waiting = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      if (this.pending.size === 0) worker.unref();
      if ('error' in answer) waiting?.reject(new CoreError('INTERNAL', `A total could not be computed: ${answer.error}`, { reason: 'internal' }));
      else waiting?.resolve('rows' in answer ? answer.rows : answer.row);
    });
    const fail = (why: string) => {
      if (this.worker === worker) this.worker = null;
      for (const waiting of this.pending.values()) waiting.reject(new CoreError('INTERNAL', `The totals thread stopped: ${why}`, { reason: 'internal' }));
      this.pending.clear();
    };
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => fail(`exit code ${code}`));
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
