import type { z } from 'zod';
import type { connectivitySchema } from '../contract';
import { exchange, type ExchangeObservation } from '../koogallery';

export type Connectivity = z.infer<typeof connectivitySchema>;

export interface ConnectivityMonitorOptions {
  /** The URL to probe for the current data source, or null when no source is started. */
  probeUrl: () => string | null;
  now: () => number;
  timeoutMs?: number;
  onChange: (connectivity: Connectivity, before: Connectivity) => void;
}

/** How long a failed request outweighs a successful probe: the probe reaches a health path, not the API. */
const REQUEST_FAILURE_HOLDS_MS = 60_000;

/**
 * Online means the current data source answers: the marketplace, not the internet at large, is what
 * the queue and sync need. Every real request moves the state (a refused connection: offline; HTTP
 * 5xx or no answer: degraded; any other answer: online); the `connectivity.probe` schedule checks
 * between requests, without hiding a request that failed in the last minute.
 */
export class ConnectivityMonitor {
  private current: Connectivity = { state: 'unknown', checkedAt: null, detail: null };
  private lastRequestFailureAt: number | null = null;

  constructor(private readonly options: ConnectivityMonitorOptions) {}

  get state(): Connectivity {
    return this.current;
  }

  /** The source is usable (reachable, though perhaps answering with errors). */
  get reachable(): boolean {
    return this.current.state === 'online' || this.current.state === 'degraded';
  }

  async probe(): Promise<Connectivity> {
    const url = this.options.probeUrl();
    const next = url ? await this.reach(url) : { state: 'offline' as const, detail: 'no data source started' };
    const now = this.options.now();
    const failureHolds = this.lastRequestFailureAt !== null && now - this.lastRequestFailureAt < REQUEST_FAILURE_HOLDS_MS;
    if (next.state === 'online' && failureHolds) this.set({ ...this.current, checkedAt: now });
    else this.set({ ...next, checkedAt: now });
    return this.current;
  }

  /** A request to the marketplace ended: what it says about the source. */
  observe(observation: ExchangeObservation): void {
    const next = stateAfter(observation);
    this.lastRequestFailureAt = next.state === 'online' ? null : observation.at;
    this.set({ ...next, checkedAt: observation.at });
  }

  private set(next: Connectivity): void {
    const before = this.current;
    this.current = next;
    if (next.state !== before.state || next.detail !== before.detail) this.options.onChange(next, before);
  }

  private async reach(url: string): Promise<Pick<Connectivity, 'state' | 'detail'>> {
    const result = await exchange({ url, method: 'GET', headers: {}, timeoutMs: this.options.timeoutMs ?? 3000 });
    if (result.kind === 'network-error') return { state: 'offline', detail: result.code };
    return result.status >= 500 ? { state: 'degraded', detail: `HTTP ${result.status}` } : { state: 'online', detail: null };
  }
}

function stateAfter({ result, httpStatus, code }: ExchangeObservation): Pick<Connectivity, 'state' | 'detail'> {
  if (result === 'unreachable') return { state: 'offline', detail: code };
  if (result === 'no-answer') return { state: 'degraded', detail: code };
  if (httpStatus !== null && httpStatus >= 500) return { state: 'degraded', detail: code ? `${code} (HTTP ${httpStatus})` : `HTTP ${httpStatus}` };
  return { state: 'online', detail: null };
}
