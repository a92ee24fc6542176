import type { HandlersFor, usageContract } from '../contract';
import type { UsageService } from './usage-service';

export function usageHandlers(usage: UsageService): HandlersFor<typeof usageContract> {
  return {
    'usage.capture': (input) => usage.captureManual(input),
    'usage.importFile': ({ fileName, contentBase64, queueValidOnly }) => usage.importFile(fileName, contentBase64, queueValidOnly),
    'usage.reconcile': ({ fileName, contentBase64 }) => usage.reconcile(fileName, contentBase64),
    'usage.windows': ({ limit, before }) => usage.store.windows(limit, before),
    'usage.records': ({ windowOpensAt, state, afterId, limit }) => usage.store.records(windowOpensAt, state, afterId, limit),
    'usage.correct': ({ id, ...changes }) => usage.correct(id, changes),
    'usage.attempts': ({ limit, beforeId }) => usage.store.attempts(limit, beforeId),
    'usage.flushNow': () => usage.flushNow(),
  };
}
