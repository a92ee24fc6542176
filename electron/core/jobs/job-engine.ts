import { CoreError } from '../contract';
import type { EventBus } from '../events';
import type { Clock } from './clock';

/** What a job sees: its cancel signal and a way to report progress. */
export interface JobContext {
  readonly id: string;
  readonly signal: AbortSignal;
  /** Rows done so far (and the total when known); sent to the UI at most every PROGRESS_EVERY_MS. */
  progress(done: number, total?: number | null): void;
  /** Throws a CANCELLED error once the job has been cancelled. */
  throwIfCancelled(): void;
}

/** Work the core does by itself, declared as data: a name, how often (0: only when asked), what. */
export interface Schedule {
  name: string;
  everyMs: number;
  run(): Promise<unknown> | unknown;
}

const PROGRESS_EVERY_MS = 200;

interface RunningJob {
  controller: AbortController;
  done: Promise<unknown>;
}

/**
 * The one engine for long and repeated work. Jobs (sync, imports, exports, usage and ticket
 * flushes, watched-folder imports) have an id the caller may pick, one progress shape (rows, rate,
 * time left) and one cancel (`jobs.cancel`). Schedules run on the core's clock, never two runs of
 * one schedule at once.
 */
export class JobEngine {
  private readonly running = new Map<string, RunningJob>();
  private readonly schedules = new Map<string, { schedule: Schedule; cancelTimer: () => void; inFlight: Promise<void> | null }>();
  private stopped = false;

  constructor(
    private readonly events: EventBus,
    private readonly clock: Clock,
  ) {}

  /** Runs `work` as job `id`; a second job with the same id while it runs is refused (CONFLICT). */
  run<T>(id: string, label: string, work: (job: JobContext) => Promise<T>): Promise<T> {
    if (this.running.has(id))
      return Promise.reject(new CoreError('CONFLICT', `Job ${id} is already running`, { reason: 'job.running', params: { job: label } }));
    const job: RunningJob = { controller: new AbortController(), done: Promise.resolve() };
    this.running.set(id, job);
    job.done = this.track(id, label, job.controller, work).finally(() => this.running.delete(id));
    return job.done as Promise<T>;
  }

  /** Like `run`, but a caller arriving while job `id` runs shares its result instead of being refused. */
  runShared<T>(id: string, label: string, work: (job: JobContext) => Promise<T>): Promise<T> {
    const running = this.running.get(id);
    return running ? (running.done as Promise<T>) : this.run(id, label, work);
  }

  cancel(id: string): boolean {
    const job = this.running.get(id);
    job?.controller.abort();
    return job !== undefined;
  }

  isRunning(id: string): boolean {
    return this.running.has(id);
  }

  /** Ids of running jobs starting with `prefix`. */
  runningIds(prefix = ''): string[] {
    return [...this.running.keys()].filter((id) => id.startsWith(prefix));
  }

  /** Starts each schedule's timer; a schedule with `everyMs` 0 runs only through `runScheduleNow`. */
  startSchedules(schedules: Schedule[]): void {
    for (const schedule of schedules) {
      if (this.schedules.has(schedule.name)) throw new Error(`Schedule "${schedule.name}" is declared twice`);
      const entry = { schedule, cancelTimer: () => undefined, inFlight: null as Promise<void> | null };
      this.schedules.set(schedule.name, entry);
      this.arm(schedule.name);
    }
  }

  /** Runs a schedule now (it is due, the network is back, or a test asks); shares a run in flight. */
  runScheduleNow(name: string): Promise<void> {
    const entry = this.schedules.get(name);
    if (!entry) return Promise.reject(new Error(`No schedule named "${name}"`));
    entry.inFlight ??= Promise.resolve()
      .then(() => entry.schedule.run())
      .then(
        () => undefined,
        (error: unknown) => console.error(`scheduled ${name} failed`, error),
      )
      .finally(() => (entry.inFlight = null));
    return entry.inFlight;
  }

  /** Stops every timer, cancels running jobs and waits for them and for scheduled runs in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const entry of this.schedules.values()) entry.cancelTimer();
    for (const job of this.running.values()) job.controller.abort();
    await Promise.allSettled([...[...this.schedules.values()].map((e) => e.inFlight), ...[...this.running.values()].map((j) => j.done)]);
  }

  private arm(name: string): void {
    const entry = this.schedules.get(name)!;
    if (this.stopped || entry.schedule.everyMs <= 0) return;
    entry.cancelTimer = this.clock.after(entry.schedule.everyMs, () => {
      void this.runScheduleNow(name).finally(() => this.arm(name));
    });
  }

  private async track<T>(id: string, label: string, controller: AbortController, work: (job: JobContext) => Promise<T>): Promise<T> {
    const started = this.clock.now();
    let lastSent = 0;
    let last = { done: 0, total: null as number | null };
    const send = (finished: boolean) => {
      const seconds = Math.max(0.001, (this.clock.now() - started) / 1000);
      const rate = last.done / seconds;
      const remaining = last.total === null ? null : Math.max(0, last.total - last.done);
      this.events.emit({
        type: 'progress',
        jobId: id,
        label,
        done: last.done,
        total: last.total,
        ratePerSecond: rate,
        etaMs: finished ? 0 : remaining !== null && rate > 0 ? (remaining / rate) * 1000 : null,
        finished,
      });
    };
    const job: JobContext = {
      id,
      signal: controller.signal,
      progress: (done, total = null) => {
        last = { done, total };
        if (this.clock.now() - lastSent >= PROGRESS_EVERY_MS) {
          lastSent = this.clock.now();
          send(false);
        }
      },
      throwIfCancelled: () => {
        if (controller.signal.aborted)
          throw new CoreError('CANCELLED', `${label} was cancelled; nothing was changed`, { reason: 'job.cancelled', params: { job: label } });
      },
    };
    try {
      return await work(job);
    } finally {
      send(true);
    }
  }
}
