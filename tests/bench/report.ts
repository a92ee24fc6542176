/** One benchmark figure, printed as one JSON line (the format `npm run bench` promises). */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  target: number;
  better: 'lower' | 'higher';
  baseline?: number;
}

export function report(figure: Figure): void {
  console.log(JSON.stringify({ ...figure, value: round(figure.value), ...(figure.baseline !== undefined ? { baseline: round(figure.baseline) } : {}) }));
}

/**
 * The nearest-rank percentile: the smallest sample with at least p% of the samples at or below it
 * (of 20 samples, the p95 is the 19th smallest, not the largest).
 */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** One part of a figure's time (where it goes), printed after the figure as `part_of` it. */
export function breakdown(partOf: string, name: string, value: number, unit: string): void {
  console.log(JSON.stringify({ name: `${partOf}.${name}`, value: round(value), unit, part_of: partOf }));
}
