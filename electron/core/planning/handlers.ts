import type { HandlersFor, salesToolsContract } from '../contract';
import type { PlanningWork } from './planning-work';

type PlanningMethods = 'planning.page' | 'planning.get' | 'planning.submit' | 'planning.recordOutcome' | 'planning.readFile';

/** 商业规划; `sent` starts sending what a submission queued without waiting for it. */
export function planningHandlers(work: PlanningWork, sent: <T>(result: T) => T): HandlersFor<Pick<typeof salesToolsContract, PlanningMethods>> {
  return {
    'planning.page': (request) => work.page(request),
    'planning.get': ({ productId }) => work.detail(productId),
    'planning.submit': ({ plans }) => sent(work.submit(plans)),
    'planning.recordOutcome': ({ productId, outcome, reason }) => work.recordOutcome(productId, outcome, reason ?? null),
    'planning.readFile': ({ fileName, contentBase64 }) => work.readFile(fileName, contentBase64),
  };
}
