import { EventEmitter } from 'node:events';
import { beijingDayStart } from '../core/conventions';
import { FaultInjector } from './faults';
import { SandboxDataset, type DatasetSize, type PayPerUseInstance } from './generator';
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
}

export interface TicketActionReceived {
  ticket_id: string;
  action: 'reply' | 'close';
  body: string | null;
  received_at: number;
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
    this.dataset = new SandboxDataset(options.seed ?? 'koogallery', options.size ?? 'small', options.anchor ?? beijingDayStart(this.now()));
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
   * License codes of License products' orders, plus test codes valid for 30 days from the anchor
   * (like Seller Center's 申请测试授权码).
   */
  get licenses(): Map<string, LicenseState> {
    if (!this.licenseMap) {
      const licensed = new Set(this.dataset.products.filter((p) => p.access_type === 'License').map((p) => p.product_id));
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
      for (const flow of this.dataset.supervisionFlows()) {
        const order = this.dataset.findOrder(flow.order_id);
        const line = order?.lines[0];
        if (!order || !line || !licensed.has(line.product_id)) continue;
        const license = `LIC${order.order_id.slice(2)}`;
        this.licenseMap.set(license, {
          license,
          order_id: order.order_id,
          product_id: line.product_id,
          expire_at: line.expire_at ?? order.created_at + 365 * 86_400_000,
          activated_at: null,
          created_at: order.created_at,
        });
      }
    }
    return this.licenseMap;
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
