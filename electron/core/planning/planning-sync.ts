import type { PlanningState } from '../conventions';
import { sourceItemWriter, type SalesRecords, type SectionChannel } from '../submissions';
import { itemWriter, pick, type ListItem, type SyncWriters } from '../sync';
import { PLAN_FIELDS, type PlanRecord, type PlanningTables } from './planning-tables';

/** A plan as the source lists it. */
export function planRecord(item: ListItem): PlanRecord {
  const years = (item.years ?? []) as PlanRecord['years'];
  return { ...pick<PlanRecord>(item, PLAN_FIELDS), approval: item.approval as PlanningState, origin: 'source', years };
}

export function planningListWriters(tables: PlanningTables, records: SalesRecords): Pick<SyncWriters, 'planning'> {
  return {
    planning: (source) => {
      const write = sourceItemWriter<PlanRecord>({
        records,
        section: 'plan',
        actor: source === 'sandbox' ? 'sandbox' : 'api',
        idOf: (p) => p.product_id,
        stateOf: (p) => p.approval,
        cachedState: (id) => tables.plan(id)?.approval ?? null,
        write: (p) => tables.write(p),
      });
      return itemWriter((item) => write(planRecord(item), item.updated_at as number));
    },
  };
}

/** How 商业规划 submissions reach the sandbox, and what its answers change. */
export function planningChannel(tables: PlanningTables, records: SalesRecords, now: () => number): SectionChannel {
  return {
    send: (connector, s) => connector.sendSalesAction('planning', s.payload),
    taken: (s, answer, actor) => {
      const taken = ((answer as { plans?: ListItem[] }).plans ?? []).find((p) => p.product_id === s.itemId);
      if (taken) tables.write(planRecord(taken));
      records.addHistory('plan', s.itemId, { at: now(), actor, change: 'taken', detail: (answer as { resultMsg?: string }).resultMsg ?? null });
    },
    refused: (s, reason, actor) => {
      tables.setApproval(s.itemId, 'rejected', reason, now());
      records.addHistory('plan', s.itemId, { at: now(), actor, change: 'refused', detail: reason });
    },
  };
}
