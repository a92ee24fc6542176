import type { OfferState, RequirementState } from '../conventions';
import type { SqliteDatabase } from '../db';

/** A 客户需求 as stored (and as a source lists it, in the sandbox's field names). */
export interface RequirementRecord {
  requirement_id: string;
  provider_name: string;
  customer_name: string;
  customer_account: string | null;
  product_id: string;
  product_name: string;
  state: RequirementState;
  expected_share: number;
  max_share: number;
  created_at: number;
  origin: 'source' | 'local';
  updated_at: number;
}

/** A Private Offer as stored. */
export interface OfferRecord {
  offer_id: string;
  name: string;
  customer_name: string;
  customer_account: string | null;
  product_id: string;
  product_name: string;
  sku_code: string | null;
  discount_rate: number | null;
  price_fen: number | null;
  valid_from: number;
  valid_until: number;
  requirement_id: string | null;
  provider_name: string | null;
  share: number | null;
  state: OfferState;
  reason: string | null;
  origin: 'source' | 'local';
  created_at: number;
  updated_at: number;
}

export const REQUIREMENT_FIELDS = [
  'requirement_id',
  'provider_name',
  'customer_name',
  'customer_account',
  'product_id',
  'product_name',
  'state',
  'expected_share',
  'max_share',
  'created_at',
  'origin',
  'updated_at',
] as const satisfies readonly (keyof RequirementRecord)[];

export const OFFER_FIELDS = [
  'offer_id',
  'name',
  'customer_name',
  'customer_account',
  'product_id',
  'product_name',
  'sku_code',
  'discount_rate',
  'price_fen',
  'valid_from',
  'valid_until',
  'requirement_id',
  'provider_name',
  'share',
  'state',
  'reason',
  'origin',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof OfferRecord)[];

const upsertSql = (table: string, fields: readonly string[]) =>
  `INSERT INTO ${table} (${fields.join(', ')}) VALUES (${fields.map((c) => '@' + c).join(', ')})
   ON CONFLICT (${fields[0]}) DO UPDATE SET ${fields
     .slice(1)
     .map((c) => `${c} = excluded.${c}`)
     .join(', ')}`;

/** The `requirements` and `offers` tables: every statement that touches them. */
export class OfferTables {
  constructor(private readonly db: SqliteDatabase) {}

  requirement(requirementId: string): RequirementRecord | null {
    return (this.db.prepare('SELECT * FROM requirements WHERE requirement_id = ?').get(requirementId) as RequirementRecord | undefined) ?? null;
  }

  offer(offerId: string): OfferRecord | null {
    return (this.db.prepare('SELECT * FROM offers WHERE offer_id = ?').get(offerId) as OfferRecord | undefined) ?? null;
  }

  offersOf(requirementId: string): OfferRecord[] {
    return this.db.prepare('SELECT * FROM offers WHERE requirement_id = ? ORDER BY created_at').all(requirementId) as OfferRecord[];
  }

  writeRequirement(record: RequirementRecord): void {
    this.db.prepare(upsertSql('requirements', REQUIREMENT_FIELDS)).run(record);
  }

  writeOffer(record: OfferRecord): void {
    this.db.prepare(upsertSql('offers', OFFER_FIELDS)).run(record);
  }

  setRequirementState(requirementId: string, state: RequirementState, now: number): void {
    this.db.prepare('UPDATE requirements SET state = ?, updated_at = ? WHERE requirement_id = ?').run(state, now, requirementId);
  }

  setOfferState(offerId: string, state: OfferState, reason: string | null, now: number): void {
    this.db.prepare('UPDATE offers SET state = ?, reason = ?, updated_at = ? WHERE offer_id = ?').run(state, reason, now, offerId);
  }
}
