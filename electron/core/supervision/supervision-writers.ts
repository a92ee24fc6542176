import { STEP_TURN, type SupervisionStep } from '../conventions';
import { itemWriter, pick, type ListItem, type SyncWriters } from '../sync';
import { FLOW_FIELDS, type FlowRecord, type SupervisionTables } from './supervision-tables';

/** How the sync writes 服务监管 flows from a source that lists them (the sandbox's list item fields). */
export function supervisionListWriters(tables: SupervisionTables): Pick<SyncWriters, 'supervision'> {
  return {
    supervision: (source) => {
      const write = tables.sourceWriter(source === 'sandbox' ? 'sandbox' : 'api');
      return itemWriter((item) => write(flowRecord(item)));
    },
  };
}

function flowRecord(item: ListItem): FlowRecord {
  const step = item.current_step as SupervisionStep;
  return {
    ...pick<FlowRecord>(item, FLOW_FIELDS),
    step,
    // whose turn follows the step (one rule), whatever the source says
    turn: STEP_TURN[step] ?? null,
    rejections: Number(item.rejections ?? 0),
    origin: 'source',
  };
}
