import { describe, expect, it } from 'vitest';
import { formatFen, formatRatio } from '../../renderer/app/format-money';

describe('amounts and ratios as the seller reads them', () => {
  it('shows fen as yuan with two decimals and thousands separators', () => {
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
    expect(formatFen(-5)).toBe('-¥0.05');
    expect(formatFen(0)).toBe('¥0.00');
  });

  it('shows 运营管理费比例 as a percentage without float error', () => {
    expect(['0.08', '0.05', '0.1', '0.075', '1', '0', '0.125', '0.00', '0.0001'].map(formatRatio)).toEqual([
      '8%',
      '5%',
      '10%',
      '7.5%',
      '100%',
      '0%',
      '12.5%',
      '0%',
      '0.01%',
    ]);
    expect(formatRatio(null)).toBe('-');
    expect(formatRatio('abc')).toBe('-');
  });
});
