import type { HandlersFor, overviewContract } from '../contract';
import type { OverviewService } from './overview-service';

export function overviewHandlers(overview: OverviewService): HandlersFor<typeof overviewContract> {
  return {
    'overview.get': () => overview.get(),
    'overview.revealKey': () => overview.revealKey(),
  };
}
