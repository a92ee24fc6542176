import type { TodoProvider } from '../todos';
import type { UsageService } from './usage-service';

/**
 * 商家总览's to-dos for 话单: unsent records whose window closes within 15 minutes (late: already
 * closed), and anomalous records to correct. Windows are counted on the marketplace's clock.
 */
export function usageTodos(usage: UsageService): TodoProvider[] {
  return [
    {
      key: 'usage.atRisk',
      link: { section: 'usage', filters: {} },
      read: () => {
        const { dueSoon, atRisk } = usage.store.queueSummary(usage.flusher.marketplaceNow());
        return { count: dueSoon + atRisk, overdue: atRisk };
      },
    },
    { key: 'usage.anomalies', link: { section: 'usage', filters: { state: 'anomaly' } }, read: () => ({ count: usage.store.anomalyCount(), overdue: null }) },
  ];
}
