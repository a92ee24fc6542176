/** The ID of an item made here (a registration, an offer, a voucher, a receiver): a prefix and random hex, upper case. */
export function newItemId(prefix: string, length = 14): string {
  return `${prefix}${globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, length).toUpperCase()}`;
}
