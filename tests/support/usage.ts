import { formatSdrTime } from '../../electron/core/koogallery';
import type { SandboxServer } from '../../electron/sandbox';

/** A clock the test moves by hand: no real waiting. */
export class TestClock {
  constructor(public ms: number) {}
  readonly now = () => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** Usage file rows (wire field names) for `count` records of one hour, spread over the sandbox's instances. */
export function hourRows(sandbox: SandboxServer, hourStart: number, count: number, offset = 0): Record<string, string>[] {
  const instances = [...sandbox.state.instances.values()].filter((i) => i.resource_start_at < hourStart);
  if (count > instances.length * 60) throw new Error('not enough instances for that many records in one hour');
  return Array.from({ length: count }, (_, n) => {
    const i = n + offset;
    const instance = instances[i % instances.length]!;
    const slot = Math.floor(i / instances.length); // one-minute slices when instances run out
    const begin = hourStart + slot * MINUTE;
    return {
      instance_id: instance.instance_id,
      begin_time: formatSdrTime(begin),
      end_time: formatSdrTime(begin + MINUTE - 1000),
      usage_value: `${(i % 50) + 1}.25`,
    };
  });
}

export function toCsv(rows: Record<string, string>[]): string {
  const header = Object.keys(rows[0]!);
  return [header.join(','), ...rows.map((row) => header.map((h) => row[h] ?? '').join(','))].join('\n') + '\n';
}

export function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/**
 * A seeded random source (mulberry32) for trials that must be repeatable: the seed comes from
 * SEED or the clock, and is printed, so a failing run can be replayed with SEED=<seed>.
 */
export function seededRandom(what: string): { seed: number; random: () => number } {
  const seed = process.env.SEED ? Number(process.env.SEED) : Date.now() % 2 ** 31;
  console.log(`${what}: seed ${seed} (replay with SEED=${seed})`);
  let state = seed >>> 0;
  return {
    seed,
    random() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}
