const BASE_MS = 2_000;
const MAX_MS = 5 * 60_000;
const MIN_MS = 1_000;
const DEADLINE_MARGIN_MS = 30_000;

/**
 * Full-jitter exponential backoff (random between 0 and base·2^attempt, up to 5 min), never past
 * the record's deadline while the deadline is still ahead: a retry must get a chance inside the window.
 */
export function retryDelayMs(attempt: number, now: number, deadline: number, random: () => number): number {
  const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attempt - 1));
  const cap = deadline > now ? Math.min(ceiling, Math.max(MIN_MS, deadline - now - DEADLINE_MARGIN_MS)) : ceiling;
  return Math.max(MIN_MS, Math.floor(random() * cap));
}
