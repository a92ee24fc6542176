import type { z } from 'zod';
import type { connectivitySchema } from '../contract';
import { exchange } from '../koogallery';

export type Connectivity = z.infer<typeof connectivitySchema>;

export interface ConnectivityMonitorOptions {
  /** The URL to probe for the current data source, or null when no source is started. */
  probeUrl: () => string | null;
  now: () => number;
  timeoutMs?: number;
  onChange: (connectivity: Connectivity) => void;
}

/**
 * Online means the current data source answered an HTTP request (any status): the marketplace, not
 * the internet at large, is what the queue and sync need. Probed by the `connectivity.probe` schedule.
 */
export class ConnectivityMonitor {
  private current: Connectivity = { state: 'unknown', checkedAt: null, detail: null };

  constructor(private readonly options: ConnectivityMonitorOptions) {}

  get state(): Connectivity {
    return this.current;
  }

  async probe(): Promise<Connectivity> {
    const url = this.options.probeUrl();
    const next = url ? await this.reach(url) : { state: 'offline' as const, detail: 'no data source started' };
    const changed = next.state !== this.current.state || next.detail !== this.current.detail;
    this.current = { ...next, checkedAt: this.options.now() };
    if (changed) this.options.onChange(this.current);
    return this.current;
  }

  private async reach(url: string): Promise<Pick<Connectivity, 'state' | 'detail'>> {
    const result = await exchange({ url, method: 'GET', headers: {}, timeoutMs: this.options.timeoutMs ?? 3000 });
    return result.kind === 'response' ? { state: 'online', detail: null } : { state: 'offline', detail: result.code };
  }
}
