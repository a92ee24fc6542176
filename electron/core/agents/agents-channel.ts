import type { SalesRecords, SectionChannel } from '../submissions';
import type { AgentsTables } from './agents-tables';

/** How 注册Agents registrations reach a source that takes them (the sandbox), and what its answers change. */
export function agentsChannel(tables: AgentsTables, records: SalesRecords, now: () => number): SectionChannel {
  return {
    send: (connector, s) => connector.sendSalesAction('agents/registrations', s.payload),
    taken: (s, _answer, actor) => {
      tables.setState(s.itemId, 'registered', now());
      records.addHistory('agents', s.itemId, { at: now(), actor, change: 'taken', detail: s.action });
    },
    refused: (s, reason, actor) => {
      tables.setState(s.itemId, 'refused', now(), reason);
      records.addHistory('agents', s.itemId, { at: now(), actor, change: 'refused', detail: reason });
    },
  };
}
