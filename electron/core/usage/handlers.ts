import type { HandlersFor, usageContract } from '../contract';
import type { KnownInstance } from '../marketplace';
import type { UsageService } from './usage-service';

export interface UsageHandlerDeps {
  usage: UsageService;
  /** The cache's pay-per-use order lines (orders own that table). */
  orderInstances: () => Omit<KnownInstance, 'billingCycle'>[];
}

export function usageHandlers({ usage, orderInstances }: UsageHandlerDeps): HandlersFor<typeof usageContract> {
  return {
    'usage.capture': (input) => usage.captureManual(input),
    'usage.importFile': ({ fileName, contentBase64, queueValidOnly }) => usage.importFile(fileName, contentBase64, queueValidOnly),
    'usage.reconcile': ({ fileName, contentBase64 }) => usage.reconcile(fileName, contentBase64),
    'usage.windows': ({ limit, before }) => usage.store.windows(limit, before),
    'usage.records': ({ windowOpensAt, state, afterId, limit }) => usage.store.records(windowOpensAt, state, afterId, limit),
    'usage.correct': ({ id, ...changes }) => usage.correct(id, changes),
    'usage.attempts': ({ limit, beforeId }) => usage.store.attempts(limit, beforeId),
    'usage.instances': () => usage.knownInstances(orderInstances()),
    'usage.flushNow': () => usage.flushNow(),
  };
}
