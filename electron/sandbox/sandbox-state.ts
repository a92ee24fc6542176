import { EventEmitter } from 'node:events';
import { beijingDayStart } from '../core/conventions';
import { FaultInjector } from './faults';
import { isLicenseFlow, SandboxDataset, type DatasetSize, type PayPerUseInstance, type SupervisionFlow } from './generator';
import { SalesTools } from './sales-tools';
import { ActionLog, ChangedItems, SANDBOX_ANSWER_DELAY_MS, type ActionReceived, type Changed } from './seller-actions';
import { answerDue, moveOn, type SandboxSellerAction } from './supervision';
import { UsageLedger } from './usage-ledger';

/** Credentials the sandbox checks. Demo defaults; standalone runs take KOO_SANDBOX_* variables. */
export interface SandboxCredentials {
  sellerKey: string;
  ak: string;
  sk: string;
}

export const DEMO_CREDENTIALS: SandboxCredentials = {
  sellerKey: 'sandbox-interconnection-key',
  ak: 'SANDBOXAK0000000001',
  sk: 'sandbox-secret-key',
};

export interface SandboxOptions {
  port?: number;
  seed?: string;
  size?: DatasetSize;
  /** End of the generated year of history; default: the start of today (Beijing time). */
  anchor?: number;
  credentials?: SandboxCredentials;
  /** The sandbox clock (Date header, T+1, 21-day rule); injectable for tests. */
  now?: () => number;
  /**
   * How long (sandbox clock) the other side takes to answer: the customer or Huawei Cloud passing a
   * supervision step, Huawei Cloud approving an offer, voucher or business plan. Default
   * SANDBOX_ANSWER_DELAY_MS.
   */
  answerDelayMs?: number;
}

export interface TicketActionReceived {
  ticket_id: string;
  action: 'reply' | 'close';
  body: string | null;
  received_at: number;
}

/** A request the supervision action endpoint took (a repeated action_id: `duplicate`). */
export interface SupervisionActionReceived extends ActionReceived {
  flow_id: string;
  action: SandboxSellerAction;
}

type SandboxTicket = ReturnType<SandboxDataset['ticket']>;

export interface LicenseState {
  license: string;
  order_id: string;
  product_id: string;
  expire_at: number;
  activated_at: number | null;
  created_at: number;
}

/** Everything one sandbox run holds: generated data, received usage, license activations, faults. */
export class SandboxState extends EventEmitter {
  /** Every marketplace request: when (sandbox clock), where, and which fault it got. */
  readonly requestLog: { at: number; path: string; fault: string | null }[] = [];
  /** Ticket replies and closes received on the sandbox's ticket endpoint. */
  readonly ticketActions: TicketActionReceived[] = [];
  private readonly actionsByTicket = new Map<string, TicketActionReceived[]>();
  /** Requests the supervision action endpoint took, duplicates included, with the first answer to each action_id. */
  readonly supervisionLog = new ActionLog<SupervisionActionReceived>();
  /** How long the other side takes to answer a seller action (supervision and 销售管理). */
  readonly answerDelayMs: number;
  private readonly changedFlows: ChangedItems<SupervisionFlow>;
  private licenseIndex: Map<string, string> | null = null;
  /** 销售管理: requirements, offers, vouchers and business plans with this run's submissions. */
  readonly sales: SalesTools;
  readonly dataset: SandboxDataset;
  readonly credentials: SandboxCredentials;
  readonly faults = new FaultInjector();
  readonly now: () => number;
  private instanceMap: Map<string, PayPerUseInstance> | null = null;
  private usage: UsageLedger | null = null;
  private licenseMap: Map<string, LicenseState> | null = null;
  private oldPushCount = 0;

  constructor(options: SandboxOptions) {
    super();
    this.now = options.now ?? Date.now;
    this.credentials = options.credentials ?? DEMO_CREDENTIALS;
    this.answerDelayMs = options.answerDelayMs ?? SANDBOX_ANSWER_DELAY_MS;
    this.dataset = new SandboxDataset(options.seed ?? 'koogallery', options.size ?? 'small', options.anchor ?? beijingDayStart(this.now()));
    this.changedFlows = new ChangedItems(
      () => this.dataset.supervisionFlows(),
      (flow) => flow.flow_id,
      (changed, now) => answerDue(changed, now, this.answerDelayMs),
    );
    this.sales = new SalesTools(this.dataset);
  }

  get instances(): ReadonlyMap<string, PayPerUseInstance> {
    this.instanceMap ??= new Map(this.dataset.instances().map((i) => [i.instance_id, i]));
    return this.instanceMap;
  }

  get ledger(): UsageLedger {
    this.usage ??= new UsageLedger(this.instances);
    return this.usage;
  }

  /**
   * License codes of the License supervision flows, plus test codes valid for 30 days from the anchor
   * (like Seller Center's 申请测试授权码).
   */
  get licenses(): Map<string, LicenseState> {
    if (!this.licenseMap) {
      this.licenseMap = new Map();
      for (const n of [1, 2, 3]) {
        const license = `LICTEST${String(n).padStart(6, '0')}`;
        const anchor = this.dataset.anchor;
        this.licenseMap.set(license, {
          license,
          order_id: 'MOCKPERIODYEARNEW',
          product_id: 'OFFI846204237451911168',
          expire_at: anchor + 30 * 86_400_000,
          activated_at: null,
          created_at: anchor - 86_400_000,
        });
      }
      for (const flow of this.changedFlows.generatedItems()) {
        const order = this.dataset.findOrder(flow.order_id);
        if (!order || !flow.license_code || !isLicenseFlow(flow.flow_type)) continue;
        this.licenseMap.set(flow.license_code, {
          license: flow.license_code,
          order_id: order.order_id,
          product_id: flow.product_id,
          expire_at: order.lines[0]?.expire_at ?? order.created_at + 365 * 86_400_000,
          activated_at: null,
          created_at: order.created_at,
        });
      }
    }
    return this.licenseMap;
  }

  /** Requests the supervision action endpoint took, duplicates included. */
  get supervisionActions(): readonly SupervisionActionReceived[] {
    return this.supervisionLog.received;
  }

  /** The generated flows with this run's changes, after the answers due by `now` (updated_at = `now`). */
  supervisionFlows(now: number): SupervisionFlow[] {
    return this.changedFlows.list(now);
  }

  /** One flow as of `now` (like `supervisionFlows`), or null when there is none. */
  supervisionFlow(flowId: string, now: number): SupervisionFlow | null {
    return this.changedFlows.get(flowId, now);
  }

  /** Changes a flow (as of `now`) and keeps the change; returns the flow as changed. */
  changeFlow(flowId: string, now: number, change: (current: Changed<SupervisionFlow>) => Changed<SupervisionFlow>): SupervisionFlow {
    const current = this.changedFlows.current(flowId, now);
    if (!current) throw new Error(`no supervision flow ${flowId}`);
    const changed = change(current);
    this.changedFlows.set(changed);
    return changed.item;
  }

  /** §4.5: activating the code of a flow at 授权码激活 passes that step (the node passes automatically). */
  licenseActivated(license: string, now: number): void {
    const flowId = this.flowsByLicense().get(license);
    const flow = flowId ? this.supervisionFlow(flowId, now) : null;
    if (!flowId || flow?.current_step !== 'license_activate' || flow.status !== 'in_progress') return;
    this.changeFlow(flowId, now, (current) => moveOn(current.item, now, this.answerDelayMs));
  }

  /** License code → flow ID (codes never change, so the generated flows tell). */
  private flowsByLicense(): Map<string, string> {
    this.licenseIndex ??= new Map(
      this.changedFlows
        .generatedItems()
        .filter((flow) => flow.license_code !== null)
        .map((flow) => [flow.license_code!, flow.flow_id]),
    );
    return this.licenseIndex;
  }

  /** Keeps a reply or close the ticket endpoint took; the ticket's later list pages show it. */
  receiveTicketAction(action: TicketActionReceived): void {
    this.ticketActions.push(action);
    const forTicket = this.actionsByTicket.get(action.ticket_id) ?? [];
    forTicket.push(action);
    this.actionsByTicket.set(action.ticket_id, forTicket);
  }

  /**
   * Generated ticket #index with the replies and closes received for it: their messages appended and
   * its state as they leave it. Its updated_at stays the generated one (list paging depends on it),
   * so an updated-since sync that is already past the ticket does not see them; a full one does.
   */
  ticket(index: number): SandboxTicket {
    const ticket = this.dataset.ticket(index);
    const actions = this.actionsByTicket.get(ticket.ticket_id);
    if (!actions) return ticket;
    const messages = [...ticket.messages];
    let status = ticket.status;
    actions.forEach((action, n) => {
      const closing = action.action === 'close';
      messages.push({
        message_id: `${ticket.ticket_id}-R${String(n + 1).padStart(2, '0')}`,
        author: closing ? 'system' : 'seller',
        body: closing ? '卖家已关闭工单' : (action.body ?? ''),
        sent_at: action.received_at,
      });
      status = closing ? 'closed' : status === 'closed' ? status : 'awaiting_customer';
    });
    return { ...ticket, status, waiting_on_me: false, messages };
  }

  nextOldPushDelivery(): string {
    return `old-${++this.oldPushCount}`;
  }
}
