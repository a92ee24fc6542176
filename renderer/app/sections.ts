/**
 * Every section of the product (product.md §3), grouped as the Seller Center groups them.
 * `ready` sections work today; the others say plainly what is coming instead of pretending.
 */
export const sectionGroups = [
  { key: 'merchant', sections: ['overview', 'tickets', 'receivers'] },
  { key: 'trade', sections: ['orders', 'transactions', 'bills', 'usage', 'supervision'] },
  { key: 'sales', sections: ['offers', 'vouchers', 'planning'] },
  { key: 'products', sections: ['agents', 'listing'] },
  { key: 'analytics', sections: ['storeFigures'] },
  { key: 'system', sections: ['settings'] },
] as const;

export type SectionKey = (typeof sectionGroups)[number]['sections'][number];

export const sectionKeys: SectionKey[] = sectionGroups.flatMap((group) => [...group.sections]);

export function isSectionKey(value: string): value is SectionKey {
  return (sectionKeys as string[]).includes(value);
}
