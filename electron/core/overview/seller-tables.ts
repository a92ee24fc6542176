import type { Overview } from '../contract';
import type { SqliteDatabase } from '../db';

export interface SellerProfileRecord {
  seller_id: string | null;
  seller_name: string | null;
  certification: string | null;
  agreement: string | null;
  updated_at: number;
}

export interface StoreTrafficRecord {
  month: string;
  page_views: number;
  visitors: number;
  updated_at: number;
}

export const SELLER_PROFILE_FIELDS = ['seller_id', 'seller_name', 'certification', 'agreement', 'updated_at'] as const;
export const STORE_TRAFFIC_FIELDS = ['month', 'page_views', 'visitors', 'updated_at'] as const;

const CERTIFICATIONS = new Set(['certified', 'in_review', 'not_certified']);
const AGREEMENTS = new Set(['signed', 'unsigned']);

/** The `seller_profile` (one row) and `store_traffic` tables: 商家总览's figures the source lists. */
export class SellerTables {
  private readonly upsertProfile;
  private readonly upsertTraffic;

  constructor(private readonly db: SqliteDatabase) {
    this.upsertProfile = db.prepare(
      `INSERT INTO seller_profile (id, seller_id, seller_name, certification, agreement, source, updated_at)
       VALUES (1, @seller_id, @seller_name, @certification, @agreement, @source, @updated_at)
       ON CONFLICT (id) DO UPDATE SET seller_id = excluded.seller_id, seller_name = excluded.seller_name, certification = excluded.certification,
         agreement = excluded.agreement, source = excluded.source, updated_at = excluded.updated_at`,
    );
    this.upsertTraffic = db.prepare(
      `INSERT INTO store_traffic (month, page_views, visitors, source, updated_at) VALUES (@month, @page_views, @visitors, @source, @updated_at)
       ON CONFLICT (month) DO UPDATE SET page_views = excluded.page_views, visitors = excluded.visitors, source = excluded.source, updated_at = excluded.updated_at`,
    );
  }

  writeProfile(record: SellerProfileRecord, source: string): void {
    this.upsertProfile.run({ ...record, source });
  }

  writeTraffic(record: StoreTrafficRecord, source: string): void {
    this.upsertTraffic.run({ ...record, source });
  }

  /** The profile a source listed, its states only when they are ones the app knows. */
  profile(): Pick<Overview['seller'], 'name' | 'certification' | 'agreement'> | null {
    const row = this.db.prepare('SELECT seller_name, certification, agreement FROM seller_profile WHERE id = 1').get() as
      Pick<SellerProfileRecord, 'seller_name' | 'certification' | 'agreement'> | undefined;
    if (!row) return null;
    return {
      name: row.seller_name,
      certification: CERTIFICATIONS.has(row.certification ?? '') ? (row.certification as Overview['seller']['certification']) : null,
      agreement: AGREEMENTS.has(row.agreement ?? '') ? (row.agreement as Overview['seller']['agreement']) : null,
    };
  }

  /** 商品浏览量 and 独立访客数 of the given months, where the source listed them. */
  traffic(months: string[]): Map<string, { pageViews: number; visitors: number }> {
    if (months.length === 0) return new Map();
    const rows = this.db
      .prepare(`SELECT month, page_views AS pageViews, visitors FROM store_traffic WHERE month BETWEEN ? AND ?`)
      .all(months[0], months.at(-1)) as { month: string; pageViews: number; visitors: number }[];
    return new Map(rows.map(({ month, ...figures }) => [month, figures]));
  }
}
