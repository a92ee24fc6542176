import { z } from 'zod';
import { Rng } from './generator';

/**
 * Fault injection for one sandbox run, by rate or by schedule. Faults hit marketplace paths only,
 * never the /sandbox/* control paths.
 * - latency: every marketplace request waits latencyMs first
 * - server_error: 500/502/503 before the request is processed
 * - throttle: 429 (406 MKT.0250 on order query) with Retry-After, before processing
 * - reset: the connection is destroyed, half the time after the request was processed
 * - timeout: the request is processed, then no answer until the client gives up
 * - malformed: the request is processed, then a 200 with a broken JSON body
 * - skew: the Date header is off by skewMs (on every response while active)
 */
export const faultKinds = ['server_error', 'throttle', 'reset', 'timeout', 'malformed'] as const;
export type FaultKind = (typeof faultKinds)[number];

export const faultPlanSchema = z.object({
  rates: z.partialRecord(z.enum(faultKinds), z.number().min(0).max(1)).default({}),
  latencyMs: z.number().int().min(0).max(60_000).default(0),
  skewMs: z.number().int().default(0),
  retryAfterSeconds: z.number().int().min(0).max(3600).default(2),
  /** How long a `timeout` fault holds the connection before dropping it. */
  timeoutHoldMs: z.number().int().min(0).max(600_000).default(30_000),
  schedule: z
    .array(
      z.object({
        kind: z.enum(faultKinds),
        /** 1-based numbers of marketplace requests, inclusive. */
        requests: z.tuple([z.number().int().min(1), z.number().int().min(1)]).optional(),
        /** Sandbox-clock window, epoch ms, [from, until). */
        from: z.number().int().optional(),
        until: z.number().int().optional(),
        /** The share of the requests inside the entry that get the fault (default: every one). */
        rate: z.number().min(0).max(1).optional(),
      }),
    )
    .default([]),
  seed: z.string().default('faults'),
});
export type FaultPlan = z.infer<typeof faultPlanSchema>;

export interface FaultDecision {
  kind: FaultKind | null;
  /** reset only: true when the connection drops after the request was processed. */
  afterProcessing: boolean;
}

export class FaultInjector {
  private plan: FaultPlan = faultPlanSchema.parse({});
  private requestCount = 0;
  readonly injected: Record<FaultKind, number> = { server_error: 0, throttle: 0, reset: 0, timeout: 0, malformed: 0 };

  configure(plan: FaultPlan): void {
    const total = Object.values(plan.rates).reduce((sum, rate) => sum + (rate ?? 0), 0);
    if (total > 1) throw new Error(`fault rates add up to ${total}; at most 1`);
    this.plan = plan;
  }

  get current(): FaultPlan {
    return this.plan;
  }

  get requests(): number {
    return this.requestCount;
  }

  /** Decides the fate of the next marketplace request. */
  decide(now: number): FaultDecision {
    const n = ++this.requestCount;
    const rng = new Rng(this.plan.seed, n);
    const roll = rng.next();
    const kind = this.scheduled(n, now, roll) ?? this.rolled(roll);
    if (kind) this.injected[kind]++;
    return { kind, afterProcessing: kind === 'reset' ? rng.chance(0.5) : kind === 'timeout' || kind === 'malformed' };
  }

  /** The first entry that covers this request; entries with a rate share one roll (rates 0.1 + 0.2: 30% of requests, a third of them the first kind). */
  private scheduled(n: number, now: number, roll: number): FaultKind | null {
    for (const entry of this.plan.schedule) {
      const byRequest = entry.requests ? n >= entry.requests[0] && n <= entry.requests[1] : true;
      const byTime = (entry.from === undefined || now >= entry.from) && (entry.until === undefined || now < entry.until);
      if (!(entry.requests || entry.from !== undefined || entry.until !== undefined) || !byRequest || !byTime) continue;
      if (entry.rate === undefined) return entry.kind;
      roll -= entry.rate;
      if (roll < 0) return entry.kind;
    }
    return null;
  }

  private rolled(roll: number): FaultKind | null {
    for (const kind of faultKinds) {
      roll -= this.plan.rates[kind] ?? 0;
      if (roll < 0) return kind;
    }
    return null;
  }
}

/** `--faults server_error=0.1,throttle=0.05,latency=200,skew=-600000` from the command line. */
export function parseFaultFlag(text: string): FaultPlan {
  const raw: { rates: Record<string, number>; latencyMs?: number; skewMs?: number } = { rates: {} };
  for (const part of text.split(',').filter(Boolean)) {
    const [name, value] = part.split('=');
    const number = Number(value);
    if (!name || Number.isNaN(number)) throw new Error(`--faults: "${part}" is not name=number`);
    if (name === 'latency') raw.latencyMs = number;
    else if (name === 'skew') raw.skewMs = number;
    else raw.rates[name] = number;
  }
  return faultPlanSchema.parse(raw);
}
