import type { OfferState, RequirementState } from '../conventions';
import { sourceItemWriter, type SalesRecords, type SectionChannel } from '../submissions';
import { itemWriter, pick, type ListItem, type SyncWriters } from '../sync';
import { OFFER_FIELDS, REQUIREMENT_FIELDS, type OfferRecord, type OfferTables, type RequirementRecord } from './offer-tables';

/** A requirement as the source lists it (its `status` is the state). */
export function requirementRecord(item: ListItem): RequirementRecord {
  return { ...pick<RequirementRecord>(item, REQUIREMENT_FIELDS), state: item.status as RequirementState, origin: 'source' };
}

export function offerRecord(item: ListItem): OfferRecord {
  return { ...pick<OfferRecord>(item, OFFER_FIELDS), state: item.status as OfferState, origin: 'source' };
}

/** How the sync writes 客户需求 and 商家优惠 from a source that lists them. */
export function offerListWriters(tables: OfferTables, records: SalesRecords): Pick<SyncWriters, 'requirements' | 'offers'> {
  return {
    requirements: (source) => {
      const write = sourceItemWriter<RequirementRecord>({
        records,
        section: 'requirement',
        actor: source === 'sandbox' ? 'sandbox' : 'api',
        idOf: (r) => r.requirement_id,
        stateOf: (r) => r.state,
        cachedState: (id) => tables.requirement(id)?.state ?? null,
        write: (r) => tables.writeRequirement(r),
      });
      return itemWriter((item) => write(requirementRecord(item), item.updated_at as number));
    },
    offers: (source) => {
      const write = sourceItemWriter<OfferRecord>({
        records,
        section: 'offer',
        actor: source === 'sandbox' ? 'sandbox' : 'api',
        idOf: (o) => o.offer_id,
        stateOf: (o) => o.state,
        cachedState: (id) => tables.offer(id)?.state ?? null,
        write: (o) => tables.writeOffer(o),
      });
      return itemWriter((item) => write(offerRecord(item), item.updated_at as number));
    },
  };
}

/** How 客户需求 and 商家优惠 submissions reach the sandbox's endpoints, and what its answers change. */
export function offerChannels(tables: OfferTables, records: SalesRecords, now: () => number): { requirement: SectionChannel; offer: SectionChannel } {
  return {
    requirement: {
      send: (connector, s) => connector.sendSalesAction(`requirements/${encodeURIComponent(s.itemId)}/actions`, s.payload),
      taken: (s, answer, actor) => {
        const item = (answer as { requirement?: ListItem }).requirement;
        if (item) tables.writeRequirement(requirementRecord(item));
        records.addHistory('requirement', s.itemId, { at: now(), actor, change: 'taken', detail: s.action });
      },
      refused: (s, reason, actor) => records.addHistory('requirement', s.itemId, { at: now(), actor, change: 'refused', detail: reason }),
    },
    offer: {
      send: (connector, s) =>
        s.action === 'create'
          ? connector.sendSalesAction('offers', s.payload)
          : connector.sendSalesAction(`offers/${encodeURIComponent(s.itemId)}/actions`, s.payload),
      taken: (s, answer, actor) => {
        const item = (answer as { offer?: ListItem }).offer;
        if (item) tables.writeOffer(offerRecord(item));
        records.addHistory('offer', s.itemId, { at: now(), actor, change: 'taken', detail: s.action });
      },
      refused: (s, reason, actor) => {
        if (s.action === 'create') tables.setOfferState(s.itemId, 'rejected', reason, now());
        records.addHistory('offer', s.itemId, { at: now(), actor, change: 'refused', detail: reason });
      },
    },
  };
}
