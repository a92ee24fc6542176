import type { HandlersFor, syncContract } from '../contract';
import type { SyncService } from './sync-service';

export function syncHandlers(sync: SyncService): HandlersFor<typeof syncContract> {
  return {
    'sync.run': ({ resources }) => sync.syncResources(resources),
    'sync.cancel': ({ resource }) => ({ cancelled: sync.cancel(resource) }),
  };
}
