import { describe, expect, it } from 'vitest';
import { percentile } from '../bench/report';

describe('benchmark percentiles (nearest rank)', () => {
  const oneToTwenty = Array.from({ length: 20 }, (_, i) => 20 - i);

  it('takes the p95 of 20 samples as the 19th smallest, so one outlier alone does not decide it', () => {
    expect(percentile(oneToTwenty, 95)).toBe(19);
    expect(percentile([...oneToTwenty.slice(1), 500], 95)).toBe(19);
  });

  it('takes the smallest sample with at least p% at or below it', () => {
    const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(oneToHundred, 95)).toBe(95);
    expect(
      percentile(
        Array.from({ length: 51 }, (_, i) => i + 1),
        95,
      ),
    ).toBe(49);
    expect(percentile([4, 1, 3, 2], 50)).toBe(2);
    expect(percentile([7, 3, 5], 50)).toBe(5);
    expect(percentile([42], 95)).toBe(42);
    expect(percentile([], 95)).toBeNaN();
  });
});
