import { CoreError, type Overview, type Settings } from '../contract';
import type { KooGalleryCredentials } from '../koogallery';
import type { StoreFiguresReader } from '../store-figures';
import type { SellerTables } from './seller-tables';
import type { TodoRegistry } from '../todos';

export interface OverviewServiceOptions {
  figures: StoreFiguresReader;
  tables: SellerTables;
  todos: TodoRegistry;
  settings: () => Settings;
  /** The current source: which kind, whether it lists store traffic, and its credentials. */
  source: () => { kind: 'sandbox' | 'real'; listsTraffic: boolean; credentials: () => Promise<KooGalleryCredentials | null> };
  now: () => number;
}

/**
 * 商家总览 from the local cache: the seller (from the source's profile, or 设置 where the source has
 * none), the last 12 Beijing months of paid orders beside store traffic, and the to-dos.
 */
export class OverviewService {
  constructor(private readonly options: OverviewServiceOptions) {}

  async get(): Promise<Overview> {
    const now = this.options.now();
    const source = this.options.source();
    const paid = this.options.figures.lastTwelveMonths(now);
    const traffic = this.options.tables.traffic(paid.map((m) => m.month));
    const credentials = await source.credentials();
    return {
      asOf: now,
      seller: { ...this.seller(), keyMasked: credentials ? maskKey(credentials.sellerKey) : null },
      months: paid.map((m) => ({ ...m, pageViews: traffic.get(m.month)?.pageViews ?? null, visitors: traffic.get(m.month)?.visitors ?? null })),
      traffic: traffic.size > 0 ? { available: true, reason: null } : { available: false, reason: source.listsTraffic ? 'notSynced' : 'noApi' },
      todos: this.options.todos.read(now),
    };
  }

  async revealKey(): Promise<{ key: string }> {
    const credentials = await this.options.source().credentials();
    if (!credentials) throw new CoreError('NOT_FOUND', 'No interconnection key is stored', { reason: 'overview.noKey' });
    return { key: credentials.sellerKey };
  }

  /** Who the seller is: the sandbox's profile, or what was entered in 设置 for the real source (KooGallery has no API for it). */
  seller(): Omit<Overview['seller'], 'keyMasked'> {
    const listed = this.options.source().kind === 'sandbox' ? this.options.tables.profile() : null;
    if (listed) return { ...listed, from: 'source' };
    const { sellerName, certificationState, agreementState } = this.options.settings();
    const entered = sellerName !== null || certificationState !== null || agreementState !== null;
    return { name: sellerName, certification: certificationState, agreement: agreementState, from: entered ? 'settings' : 'none' };
  }
}

/** The first and last 4 characters, the rest hidden; a key of 8 characters or fewer is hidden whole. */
export function maskKey(key: string): string {
  return key.length <= 8 ? '•'.repeat(8) : `${key.slice(0, 4)}${'•'.repeat(8)}${key.slice(-4)}`;
}
