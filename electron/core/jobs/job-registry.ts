import { CoreError } from '../contract/errors';
import type { EventBus } from '../events/event-bus';

/** What a long-running job sees: its cancel signal and a way to report progress. */
export interface JobContext {
  readonly id: string;
  readonly signal: AbortSignal;
  /** Rows done so far (and the total when known); sent to the UI at most every PROGRESS_EVERY_MS. */
  progress(done: number, total?: number | null): void;
  /** Throws a CANCELLED error once the job has been cancelled. */
  throwIfCancelled(): void;
}

const PROGRESS_EVERY_MS = 200;

/**
 * Long work started by a call (imports, exports): the caller picks the job id, so it can cancel the
 * job (`jobs.cancel`) while the call is still running and match the progress events to it.
 */
export class JobRegistry {
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly events: EventBus,
    private readonly now: () => number = Date.now,
  ) {}

  async run<T>(id: string, label: string, work: (job: JobContext) => Promise<T>): Promise<T> {
    if (this.running.has(id)) throw new CoreError('CONFLICT', `Job ${id} is already running`);
    const controller = new AbortController();
    this.running.set(id, controller);
    const started = this.now();
    let lastSent = 0;
    let last = { done: 0, total: null as number | null };
    const send = (finished: boolean) => {
      const seconds = Math.max(0.001, (this.now() - started) / 1000);
      const rate = last.done / seconds;
      const remaining = last.total === null ? null : Math.max(0, last.total - last.done);
      this.events.emit({
        type: 'progress', jobId: id, label, done: last.done, total: last.total, ratePerSecond: rate,
        etaMs: finished ? 0 : remaining !== null && rate > 0 ? (remaining / rate) * 1000 : null, finished,
      });
    };
    const job: JobContext = {
      id,
      signal: controller.signal,
      progress: (done, total = null) => {
        last = { done, total };
        if (this.now() - lastSent >= PROGRESS_EVERY_MS) {
          lastSent = this.now();
          send(false);
        }
      },
      throwIfCancelled: () => {
        if (controller.signal.aborted) throw new CoreError('CANCELLED', `${label} was cancelled; nothing was changed`);
      },
    };
    try {
      return await work(job);
    } finally {
      this.running.delete(id);
      send(true);
    }
  }

  cancel(id: string): boolean {
    const controller = this.running.get(id);
    controller?.abort();
    return controller !== undefined;
  }

  isRunning(id: string): boolean {
    return this.running.has(id);
  }
}
