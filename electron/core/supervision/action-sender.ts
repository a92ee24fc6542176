import { CoreError, type MethodOutput } from '../contract';
import { formatCompactTime, type LicenseApiVersion } from '../koogallery';
import type { Connector } from '../marketplace';
import { activationAnswer, answered, heartbeatAnswer, type LicenseAnswer } from './license-answers';
import type { QueuedAction, SupervisionTables } from './supervision-tables';
import type { SupervisionWork } from './supervision-work';

type LicenseOutput = MethodOutput<'supervision.activateLicense'>;

export interface SupervisionSenderOptions {
  tables: SupervisionTables;
  work: SupervisionWork;
  connector: () => Connector | null;
  now: () => number;
  /** Sends the queue as one shared job (one sender at a time, whoever asks). */
  flushShared: () => Promise<{ sent: number; waiting: number }>;
}

type Sent = 'sent' | 'failed' | 'waits';

/**
 * Sends the queued 服务监管 actions, oldest first, each exactly once in effect: marked `sending`
 * before the request leaves; after a crash an action that may have arrived goes again with the same
 * action id (the source takes an id once), and an activation is first checked with 查询授权码
 * (an ALIVE code is not activated twice).
 */
export class SupervisionSender {
  constructor(private readonly options: SupervisionSenderOptions) {}

  async flush(): Promise<{ sent: number; waiting: number }> {
    const connector = this.options.connector();
    let sent = 0;
    for (const action of this.options.tables.queuedActions()) {
      const result = action.action === 'activate_license' ? await this.sendActivation(connector, action) : await this.sendStepAction(connector, action);
      if (result === 'sent') sent++;
      if (result === 'waits' && connector) break; // the source is not answering: the rest waits too
    }
    return { sent, waiting: this.options.tables.waitingCount() };
  }

  /** 激活授权码: queued, sent now when the source answers, and the answer with its marketplace code. */
  async activateLicense(input: {
    license: string;
    realEffectTime?: number | undefined;
    version: LicenseApiVersion;
    flowId?: string | undefined;
  }): Promise<LicenseOutput> {
    const { tables, work, now } = this.options;
    const flow = input.flowId ? work.require(input.flowId) : tables.flowByLicense(input.license);
    if (flow) work.check(flow, 'activate_license');
    const orderTime = flow ? tables.order(flow.order_id)?.createdAt : undefined;
    if (input.realEffectTime !== undefined && orderTime !== undefined && input.realEffectTime < orderTime) {
      throw new CoreError('VALIDATION', 'real_effect_time must not be earlier than the order time', {
        reason: 'supervision.effectBeforeOrder',
        params: { orderTime, realEffectTime: input.realEffectTime },
      });
    }
    const payload = {
      license: input.license,
      version: input.version,
      ...(input.realEffectTime !== undefined ? { real_effect_time: formatCompactTime(input.realEffectTime) } : {}),
    };
    const at = now();
    const id = tables.transaction(() => {
      const actionId = tables.addAction(flow?.flow_id ?? null, 'activate_license', payload, 'queued', at);
      if (flow) tables.addEvent(flow.flow_id, { at, actor: 'seller', kind: 'action', step: flow.step, note: input.license, actionId });
      return actionId;
    });
    await this.options.flushShared();
    if (tables.action(id)?.state === 'queued') await this.options.flushShared(); // a flush already running had not seen it
    return this.licenseOutput(id, flow?.flow_id ?? null);
  }

  /** 查询授权码: asked at once (nothing to queue: it changes nothing). */
  async queryLicense(license: string, version: LicenseApiVersion): Promise<LicenseOutput> {
    const connector = this.options.connector();
    if (!connector?.capabilities.license)
      throw new CoreError('UNAVAILABLE', 'No marketplace source can answer License queries now', { reason: 'supervision.noLicenseSource' });
    const answer = heartbeatAnswer(await connector.api.licenseHeartbeat(version, [license]));
    if (!answer.ok && answer.code === null) {
      throw new CoreError('UNAVAILABLE', answer.message, { reason: 'supervision.licenseNoAnswer' });
    }
    const flow = this.options.tables.flowByLicense(license);
    return { ...answer, flow: flow ? this.options.work.view(flow.flow_id) : null };
  }

  private licenseOutput(id: number, flowId: string | null): LicenseOutput {
    const row = this.options.tables.action(id)!;
    const flow = flowId ? this.options.work.view(flowId) : null;
    if (row.state === 'queued' || row.state === 'sending') {
      return {
        ok: false,
        code: null,
        message: 'The marketplace cannot be reached; the activation is queued and sent once it can',
        status: null,
        expireTime: null,
        activateTime: null,
        queued: true,
        flow,
      };
    }
    return { ...(row.answer as LicenseAnswer), flow };
  }

  private async sendStepAction(connector: Connector | null, action: QueuedAction): Promise<Sent> {
    if (!connector?.capabilities.supervisionActions || !action.flowId) return 'waits';
    const { tables, now } = this.options;
    const { maybeArrived: _again, ...body } = action.payload;
    tables.markSending(action.id);
    const outcome = await connector.sendSupervisionAction(action.flowId, body as never);
    if (outcome.class === 'ok') tables.markSent(action.id, outcome.data, now());
    else if (outcome.class === 'permanent') tables.markFailed(action.id, `${outcome.code ?? ''} ${outcome.message}`.trim(), null);
    else tables.backToQueue(action.id);
    return outcome.class === 'ok' ? 'sent' : outcome.class === 'permanent' ? 'failed' : 'waits';
  }

  private async sendActivation(connector: Connector | null, action: QueuedAction): Promise<Sent> {
    if (!connector?.capabilities.license) return 'waits';
    const { license, version, real_effect_time, maybeArrived } = action.payload as {
      license: string;
      version: LicenseApiVersion;
      real_effect_time?: string;
      maybeArrived?: boolean;
    };
    if (maybeArrived && (await this.alreadyActive(connector, action, license, version))) return 'sent';
    this.options.tables.markSending(action.id);
    const outcome = await connector.api.activateLicense(version, [{ license, ...(real_effect_time ? { real_effect_time } : {}) }]);
    if (!answered(outcome)) {
      this.options.tables.backToQueue(action.id);
      return 'waits';
    }
    return this.settleActivation(connector, action, activationAnswer(outcome));
  }

  /** After a crash mid-send: if 查询授权码 says the code is ALIVE, the activation arrived; it is not sent again. */
  private async alreadyActive(connector: Connector, action: QueuedAction, license: string, version: LicenseApiVersion): Promise<boolean> {
    const answer = heartbeatAnswer(await connector.api.licenseHeartbeat(version, [license]));
    if (!answer.ok || answer.status !== 'ALIVE' || answer.activateTime === null) return false;
    this.settleActivation(connector, action, answer);
    return true;
  }

  private settleActivation(connector: Connector, action: QueuedAction, answer: LicenseAnswer): Sent {
    const { tables, work, now } = this.options;
    if (!answer.ok) {
      tables.markFailed(action.id, `${answer.code ?? ''} ${answer.message}`.trim(), answer);
      return 'failed';
    }
    tables.transaction(() => {
      tables.markSent(action.id, answer, now());
      const flow = action.flowId ? tables.flow(action.flowId) : null;
      // the 授权码激活 node passes by itself once the code is activated (§4.5)
      if (flow?.step === 'license_activate' && flow.status === 'in_progress') work.advance(flow, connector.source === 'sandbox' ? 'sandbox' : 'api');
    });
    return 'sent';
  }
}
