import type { MethodOutput } from '../../../electron/core/contract';

type Voucher = MethodOutput<'vouchers.page'>['rows'][number];
type T = (key: string, values?: Record<string, string>) => string;

/** Fen as the shortest yuan ("500", "99.5", "0.01"). */
export function shortYuan(fen: number): string {
  return String(+(fen / 100).toFixed(2));
}

/** "满500减50". */
export function voucherRule(voucher: Pick<Voucher, 'thresholdFen' | 'discountFen'>, t: T): string {
  return t('vouchers.rule', { threshold: shortYuan(voucher.thresholdFen), discount: shortYuan(voucher.discountFen) });
}

/** "天枢OCR 文字识别 API（规格 A、规格 B）、安盾LNMP 运行环境": the products, each with the specs it is limited to. */
export function scopeText(scope: Voucher['scope'], specNames: ReadonlyMap<string, string>, t: T): string {
  const byProduct = new Map<string, { name: string; skus: string[] }>();
  for (const entry of scope) {
    const item = byProduct.get(entry.productId) ?? { name: entry.productName ?? entry.productId, skus: [] };
    if (entry.skuCode) item.skus.push(specNames.get(`${entry.productId}/${entry.skuCode}`) ?? entry.skuCode);
    byProduct.set(entry.productId, item);
  }
  return [...byProduct.values()].map((p) => (p.skus.length > 0 ? `${p.name}（${p.skus.join('、')}）` : p.name)).join(t('vouchers.separator'));
}
