import type { CallMeta } from '../koogallery';

const SAMPLES_KEPT = 9;

/**
 * How far the marketplace's clock is from ours, from the `Date` header of each answer. The header
 * has whole seconds, so the true server time is half a second later on average; the median of the
 * last few samples ignores a slow answer.
 */
export class ClockOffset {
  private readonly samples: number[] = [];

  observe(meta: CallMeta): void {
    if (meta.serverDate === null || meta.receivedAt === null) return;
    const midpoint = (meta.sentAt + meta.receivedAt) / 2;
    this.samples.push(meta.serverDate + 500 - midpoint);
    if (this.samples.length > SAMPLES_KEPT) this.samples.shift();
  }

  /** Add to the local clock to get marketplace time. */
  get offsetMs(): number {
    if (this.samples.length === 0) return 0;
    const sorted = [...this.samples].sort((a, b) => a - b);
    return Math.round(sorted[Math.floor(sorted.length / 2)]!);
  }
}
