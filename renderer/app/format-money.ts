/** CNY amounts are stored as integer fen; shown as ¥ with two decimals, never summed as floats. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** A ratio as the core stores it (an exact decimal string, "0.08") shown as a percentage ("8%"). */
export function formatRatio(ratio: string | null): string {
  if (ratio === null || ratio.trim() === '' || !Number.isFinite(Number(ratio))) return '-';
  const [whole = '0', fraction = ''] = ratio.trim().split('.');
  // shift the decimal point two places on the digits, so 0.075 shows 7.5% without float error
  const digits = `${whole}${fraction.padEnd(2, '0')}`;
  const percent = `${digits.slice(0, whole.length + 2).replace(/^(-?)0+(?=\d)/, '$1')}${fraction.length > 2 ? `.${fraction.slice(2)}` : ''}`;
  return `${percent}%`;
}

/** A share or rate kept as a fraction of 1 (0.15) shown as a percentage ("15%", "12.5%"). */
export function formatShare(fraction: number | null): string {
  return fraction === null ? '-' : `${+(fraction * 100).toFixed(2)}%`;
}
