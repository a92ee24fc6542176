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
    const worker = this.started();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (row: unknown) => void, reject });
      worker.postMessage({ type: 'row', id, sql, params } satisfies AggregateRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    worker.postMessage({ type: 'stop' } satisfies AggregateRequest);
    await new Promise((resolve) => worker.once('exit', resolve));
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerUrl('aggregate-worker'), { workerData: this.options });
    worker.on('message', (answer: AggregateAnswer) => {
      const waiting = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      if ('error' in answer) waiting?.reject(new CoreError('INTERNAL', `A total could not be computed: ${answer.error}`, { reason: 'internal' }));
      else waiting?.resolve(answer.row);
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
