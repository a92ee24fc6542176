import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORE_V8_FLAGS } from '../../electron/core-host';
import { webHostArgs } from '../support/web-host-command';

/** The largest young generation (V8's new space) a Node process reaches while it makes 3 million short-lived strings, in MB. */
function youngGenerationPeakMb(flags: readonly string[]): number {
  const script = `
    const v8 = require('node:v8');
    let kept = [];
    let peak = 0;
    for (let i = 0; i < 3e6; i++) {
      kept.push('订单' + i + 'x'.repeat(i % 50));
      if (kept.length > 20000) kept = [];
      if (i % 1000 === 0) peak = Math.max(peak, v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);
    }
    console.log(peak / 1048576);`;
  return Number(execFileSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' }));
}

describe('the core process’s V8 flags', () => {
  it('cap the young generation at half of what V8 grows it to by default (the import’s peak memory)', () => {
    const capped = youngGenerationPeakMb(CORE_V8_FLAGS);
    expect(capped).toBeLessThanOrEqual(16);
    expect(youngGenerationPeakMb([])).toBeGreaterThan(capped);
  });

  it('are the flags `npm run web` starts its host with, and the benchmarks run with', () => {
    expect(webHostArgs()).toEqual([...CORE_V8_FLAGS, 'dist/web-host/main.js']);
    expect(fs.readFileSync('scripts/run-benchmarks.mjs', 'utf8')).toContain('electron/core-host/v8-flags.json');
  });
});
