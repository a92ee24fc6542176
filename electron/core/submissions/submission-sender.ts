import type { ApiOutcome } from '../koogallery';
import type { Connector } from '../marketplace';
import type { SalesActor, SalesRecords, SalesSection, Submission } from './sales-records';

/** How one section sends a submission and applies the source's answer (inside the answer's transaction). */
export interface SectionChannel {
  send(connector: Connector, submission: Submission): Promise<ApiOutcome<unknown>>;
  /** The item after the source took it, as the source answered. */
  taken(submission: Submission, answer: unknown, actor: SalesActor): void;
  /** The source refused it for good: the item says why. */
  refused(submission: Submission, reason: string, actor: SalesActor): void;
}

export interface SubmissionSenderOptions {
  records: SalesRecords;
  channels: Record<SalesSection, SectionChannel>;
  connector: () => Connector | null;
  now: () => number;
}

/** Sends queued submissions oldest first; stops at the first the source cannot take now (the rest waits). */
export class SubmissionSender {
  constructor(private readonly options: SubmissionSenderOptions) {}

  async flush(): Promise<{ sent: number; waiting: number }> {
    const { records, channels, connector: current, now } = this.options;
    const connector = current();
    let sent = 0;
    if (connector?.capabilities.salesActions) {
      for (const submission of records.queued()) {
        const channel = channels[submission.section];
        const actor: SalesActor = connector.source === 'sandbox' ? 'sandbox' : 'api';
        records.markSending(submission.id);
        const outcome = await channel.send(connector, submission);
        if (outcome.class === 'ok') {
          records.transaction(() => {
            records.markSent(submission.id, outcome.data, now());
            channel.taken(submission, outcome.data, actor);
          });
          sent++;
          continue;
        }
        if (outcome.class !== 'permanent') {
          records.backToQueue(submission.id);
          break;
        }
        const reason = `${outcome.code ?? ''} ${outcome.message}`.trim();
        records.transaction(() => {
          records.markFailed(submission.id, reason);
          channel.refused(submission, outcome.message, actor);
        });
      }
    }
    return { sent, waiting: records.waitingCount() };
  }
}
