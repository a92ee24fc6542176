import type { MethodOutput } from '../../../electron/core/contract';

type T = (key: string, values?: Record<string, string | number>) => string;
export type ListingProduct = MethodOutput<'listing.products'>[number];

/** A product's kind in words; one the matrix does not cover says so, with the source's access type. */
export function kindLabel(product: Pick<ListingProduct, 'kind' | 'accessType'>, t: T): string {
  if (product.kind) return t(`listing.kinds.${product.kind}`);
  return product.accessType ? `${t('listing.notCovered')}（${product.accessType}）` : t('listing.notCovered');
}
