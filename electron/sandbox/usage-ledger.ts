import { parseSdrTime, type UsagePushRecord } from '../core/koogallery';
import type { PayPerUseInstance } from './generator';

export interface LedgerEntry extends UsagePushRecord {
  received_at: number;
  /** Which call delivered it (the nonce of Usage Push New; a sequence number for Old). */
  delivery: string;
}

export type AnomalyReason = 'DUPLICATE' | 'INVALID_USAGE_VALUE' | 'INVALID_TIME' | 'BEFORE_RESOURCE_START';

export interface Anomaly {
  record: UsagePushRecord;
  reason: AnomalyReason;
  message: string;
  received_at: number;
}

const USAGE_VALUE = /^\d{1,15}(\.\d{1,4})?$/;

/**
 * What the marketplace does with pushed usage after `MKT.0000`: validation runs later, off the
 * request path. The first record for (instance_id, begin_time, end_time) is billed; later ones and
 * invalid ones become anomalies (Seller Center › 话单管理).
 */
export class UsageLedger {
  private readonly accepted: LedgerEntry[] = [];
  private readonly found: Anomaly[] = [];
  private readonly keys = new Set<string>();
  private pending: LedgerEntry[] = [];
  private drained: Promise<void> = Promise.resolve();

  constructor(private readonly instances: ReadonlyMap<string, PayPerUseInstance>) {}

  receive(records: UsagePushRecord[], receivedAt: number, delivery: string): void {
    for (const record of records) this.pending.push({ ...record, received_at: receivedAt, delivery });
    this.drained = this.drained.then(() => new Promise<void>((resolve) => setImmediate(() => resolve(this.validatePending()))));
  }

  /** Resolves once every record received so far has been validated. */
  settled(): Promise<void> {
    return this.drained;
  }

  ledger(): readonly LedgerEntry[] {
    return this.accepted;
  }

  anomalies(): readonly Anomaly[] {
    return this.found;
  }

  private validatePending(): void {
    const batch = this.pending;
    this.pending = [];
    for (const entry of batch) {
      const problem = this.problemWith(entry);
      if (problem) {
        const { received_at, delivery: _delivery, ...record } = entry;
        this.found.push({ record, reason: problem[0], message: problem[1], received_at });
        continue;
      }
      this.keys.add(duplicateKey(entry));
      this.accepted.push(entry);
    }
  }

  private problemWith(entry: LedgerEntry): [AnomalyReason, string] | null {
    if (!USAGE_VALUE.test(entry.usage_value) || Number(entry.usage_value) <= 0) {
      return ['INVALID_USAGE_VALUE', `usage_value "${entry.usage_value}" must be > 0 with at most 4 decimals`];
    }
    const begin = parseSdrTime(entry.begin_time)!;
    const end = parseSdrTime(entry.end_time)!;
    if (begin > end || end > entry.received_at) return ['INVALID_TIME', 'begin_time ≤ end_time ≤ report time is required'];
    const instance = this.instances.get(entry.instance_id);
    if (instance && begin < instance.resource_start_at) return ['BEFORE_RESOURCE_START', 'begin_time is before the resource started'];
    if (this.keys.has(duplicateKey(entry))) return ['DUPLICATE', 'a record with the same instance_id, begin_time and end_time was already received'];
    return null;
  }
}

export function duplicateKey(record: Pick<UsagePushRecord, 'instance_id' | 'begin_time' | 'end_time'>): string {
  return `${record.instance_id}|${record.begin_time}|${record.end_time}`;
}
