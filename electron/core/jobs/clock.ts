/**
 * The time the core runs on: "now" and timers together, so that a simulated clock (tests, demos,
 * benchmarks) moves every schedule, lease, backoff, Retry-After and deadline the same way.
 */
export interface Clock {
  /** UTC epoch ms on this clock. */
  now(): number;
  /** Calls `callback` once `ms` of this clock's time have passed; returns a function that cancels it. */
  after(ms: number, callback: () => void): () => void;
}

export interface SystemClockOptions {
  /** Overrides the reading (tests move it by hand; timers stay real). */
  now?: () => number;
  /** The instant the clock reads at `anchorMs` (default: the computer's time then). */
  startMs?: number;
  /** How many times as fast as real time it runs (default 1). */
  rate?: number;
  /** The real epoch ms at which it reads `startMs` (default: now). Processes given the same start, rate and anchor share one timeline, across restarts. */
  anchorMs?: number;
}

/** The computer's clock, or one that reads `startMs` at `anchorMs` and runs `rate` times as fast. */
export function systemClock(options: SystemClockOptions = {}): Clock {
  const rate = options.rate ?? 1;
  const anchor = options.anchorMs ?? Date.now();
  const start = options.startMs ?? anchor;
  const now = options.now ?? (() => start + (Date.now() - anchor) * rate);
  return {
    now,
    after(ms, callback) {
      const timer = setTimeout(callback, Math.max(0, ms / rate));
      timer.unref();
      return () => clearTimeout(timer);
    },
  };
}

/**
 * Demos and benchmarks: `SELLER_DESK_CLOCK_START=2026-11-24T06:06:00Z` starts the clock at that
 * instant, `SELLER_DESK_CLOCK_RATE=720` runs it 720 times as fast (a simulated hour every 5 s), and
 * `SELLER_DESK_CLOCK_ANCHOR` (real epoch ms at which it read the start; default: when the process
 * started) keeps a restarted app, or a separate sandbox, on the same timeline. Null when no start is set.
 */
export function clockFromEnvironment(env: Record<string, string | undefined>): Clock | null {
  const { SELLER_DESK_CLOCK_START: start, SELLER_DESK_CLOCK_RATE: rate, SELLER_DESK_CLOCK_ANCHOR: anchor } = env;
  if (!start) {
    if (rate || anchor) throw new Error('SELLER_DESK_CLOCK_RATE and SELLER_DESK_CLOCK_ANCHOR need SELLER_DESK_CLOCK_START (the instant the clock starts at)');
    return null;
  }
  const startMs = Date.parse(start);
  if (Number.isNaN(startMs)) throw new Error(`SELLER_DESK_CLOCK_START is not a date: "${start}" (expected e.g. 2026-11-24T06:06:00Z)`);
  const rateValue = rate === undefined ? 1 : Number(rate);
  if (!(rateValue > 0 && rateValue <= 100_000)) throw new Error(`SELLER_DESK_CLOCK_RATE must be a number above 0 and at most 100000, not "${rate}"`);
  const anchorMs = anchor === undefined ? Date.now() : Number(anchor);
  if (!Number.isSafeInteger(anchorMs)) throw new Error(`SELLER_DESK_CLOCK_ANCHOR must be epoch milliseconds, not "${anchor}"`);
  return systemClock({ startMs, rate: rateValue, anchorMs });
}
