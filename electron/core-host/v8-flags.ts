import flags from './v8-flags.json';

/**
 * V8 flags for the process the core runs in: Electron's utility process, `npm run web`'s host and
 * the benchmarks, which host the core in their own process (scripts/run-benchmarks.mjs reads the
 * same JSON).
 *
 * A young generation of at most 8 MB per semi-space instead of V8's 16: reading a 200,000-order
 * workbook makes a lot of short-lived strings, and the young generation grew to its maximum and
 * stayed there. The import's peak RSS 153-155 -> 138-140 MB; the import (4.5-4.8 s) and the sync of
 * 1,000,000 details (13.3-13.4 s vs 13.4-14.0 s) no slower, measured in the same hour.
 */
export const CORE_V8_FLAGS: readonly string[] = flags;
