import type { HandlersFor, supervisionContract } from '../contract';
import { sendAfter } from '../jobs';
import type { SupervisionSender } from './action-sender';
import type { SupervisionWork } from './supervision-work';

export interface SupervisionHandlerDeps {
  work: SupervisionWork;
  sender: SupervisionSender;
  now: () => number;
  /** Sends the queue (a shared job); started after each action without waiting for it. */
  flush: () => Promise<{ sent: number; waiting: number }>;
}

export function supervisionHandlers({ work, sender, now, flush }: SupervisionHandlerDeps): HandlersFor<typeof supervisionContract> {
  const thenSend = sendAfter(flush, '服务监管 actions');
  return {
    'supervision.page': ({ filters, ...paging }) => work.page({ ...paging, filters: { ...filters, now: now() } }),
    'supervision.get': ({ flowId }) => work.detail(flowId),
    'supervision.start': (input) => work.start(input),
    'supervision.confirmRequirement': ({ flowId, note }) => thenSend(work.act(flowId, 'confirm_requirement', note ?? null)),
    'supervision.deliver': ({ flowId, note }) => thenSend(work.act(flowId, 'deliver', note)),
    'supervision.confirmComplete': ({ flowId, note }) => thenSend(work.act(flowId, 'confirm_complete', note ?? null)),
    'supervision.uploadProof': ({ flowId, fileName, contentBase64 }) => thenSend(work.uploadProof(flowId, fileName, contentBase64)),
    'supervision.appeal': ({ flowId, note }) => thenSend(work.appeal(flowId, note)),
    'supervision.recordStep': ({ flowId, outcome, note }) => work.recordStep(flowId, outcome, note ?? null),
    'supervision.activateLicense': (input) => sender.activateLicense(input),
    'supervision.queryLicense': ({ license, version }) => sender.queryLicense(license, version),
    'supervision.flushActions': () => flush(),
  };
}

/** Sending queued 服务监管 actions: one at a time, whoever asks (an action, reconnecting, the button). */
export const SUPERVISION_FLUSH_JOB = 'supervision:flush';
