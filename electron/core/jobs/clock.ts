/**
 * The time the core runs on: "now" and timers together, so that a simulated clock (tests, demos,
 * benchmarks) moves every schedule, lease and deadline the same way.
 */
export interface Clock {
  /** UTC epoch ms on this clock. */
  now(): number;
  /** Calls `callback` once `ms` of this clock's time have passed; returns a function that cancels it. */
  after(ms: number, callback: () => void): () => void;
}

/**
 * The computer's clock, or one that starts at `startMs` and runs `rate` times as fast (demos and
 * benchmarks: `SELLER_DESK_CLOCK_START`). `now` overrides the reading (tests move it by hand).
 */
export function systemClock(options: { now?: () => number; startMs?: number; rate?: number } = {}): Clock {
  const rate = options.rate ?? 1;
  const launched = Date.now();
  const start = options.startMs ?? launched;
  const now = options.now ?? (() => start + (Date.now() - launched) * rate);
  return {
    now,
    after(ms, callback) {
      const timer = setTimeout(callback, Math.max(0, ms / rate));
      timer.unref();
      return () => clearTimeout(timer);
    },
  };
}
