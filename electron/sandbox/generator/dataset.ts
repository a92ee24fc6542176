import { generateProducts, type SandboxProduct } from './catalog';
import { generateOrder, type SandboxOrder } from './orders';
import {
  generateOffers,
  generatePlanning,
  generateReceivers,
  generateRequirements,
  generateSupervisionFlow,
  generateVouchers,
  pinFixtureFlows,
  type CustomerRequirement,
  type MessageReceiverSetting,
  type Offer,
  type PlanningItem,
  type SupervisionFlow,
  type Voucher,
} from './seller-ops';
import { generateSellerProfile, generateStoreTraffic, type SellerProfile, type StoreTrafficMonth } from './store';
import { generateTicket, type SandboxTicket } from './tickets';
import { generateDetail, type SandboxTransactionDetail } from './transaction-details';
import { billingPeriodOf, fromBeijingParts } from '../../core/conventions';

export type DatasetSize = 'small' | 'large';

const SIZES = {
  small: { products: 40, orders: 2_000, details: 20_000, tickets: 500, requirements: 30, offers: 20, vouchers: 20 },
  large: { products: 300, orders: 200_000, details: 1_000_000, tickets: 50_000, requirements: 300, offers: 200, vouchers: 100 },
} as const;

const YEAR_MS = 365 * 86_400_000;

export interface PayPerUseInstance {
  instance_id: string;
  order_id: string;
  order_line_id: string;
  product_id: string;
  product_name: string;
  customer_name: string;
  billing_cycle: 'hourly' | 'daily';
  /** Usage may not begin before the resource started (koogallery-api.md §1.5). */
  resource_start_at: number;
}

/**
 * A year of seller data ending at `anchor`, fully determined by (seed, size, anchor). Orders,
 * details and tickets are generated on demand by index; only small sets are kept in memory.
 */
export class SandboxDataset {
  readonly counts: (typeof SIZES)[DatasetSize];
  readonly start: number;
  readonly products: SandboxProduct[];
  readonly requirements: CustomerRequirement[];
  readonly offers: Offer[];
  readonly vouchers: Voucher[];
  readonly planning: PlanningItem[];
  readonly receivers: MessageReceiverSetting[];
  private readonly sellerProfile: SellerProfile;
  private readonly orderStep: number;
  private readonly detailStep: number;
  private readonly ticketStep: number;
  private scanned: { instances: Int32Array; supervised: Int32Array } | null = null;
  private lastOrder: { index: number; order: SandboxOrder } | null = null;
  /** The billing period of the anchor: details of earlier periods are billed. */
  private readonly anchorPeriod: string;

  constructor(
    readonly seed: string,
    readonly size: DatasetSize,
    readonly anchor: number,
  ) {
    this.counts = SIZES[size];
    this.anchorPeriod = billingPeriodOf(anchor);
    this.start = anchor - YEAR_MS;
    this.orderStep = YEAR_MS / this.counts.orders;
    this.detailStep = YEAR_MS / this.counts.details;
    this.ticketStep = YEAR_MS / this.counts.tickets;
    this.products = generateProducts(seed, this.counts.products, this.start);
    this.requirements = generateRequirements(seed, this.counts.requirements, this.products, this.start, anchor);
    this.offers = generateOffers(seed, this.counts.offers, this.products, this.requirements, this.start, anchor);
    this.vouchers = generateVouchers(seed, this.counts.vouchers, this.products, this.start, anchor);
    this.planning = generatePlanning(seed, this.products, anchor);
    this.receivers = generateReceivers(seed, this.start);
    this.sellerProfile = generateSellerProfile(seed, this.start);
  }

  /** The seller's name, certification and agreement states: one per seed, stable (updated at `start`). */
  profile(): SellerProfile {
    return this.sellerProfile;
  }

  /** Store traffic by Beijing month, the 24 months up to the month of `now` (the current one so far). */
  storeTraffic(now: number): StoreTrafficMonth[] {
    return generateStoreTraffic(this.seed, this.size, now);
  }

  order(index: number): SandboxOrder {
    // consecutive details and tickets share their order: a list page asks for the same one about five times running
    if (this.lastOrder?.index !== index)
      this.lastOrder = { index, order: generateOrder(this.seed, index, this.products, this.start, this.orderStep, this.anchor) };
    return this.lastOrder.order;
  }

  detail(index: number): SandboxTransactionDetail {
    const orderIndex = Math.max(0, Math.floor((index * this.counts.orders) / this.counts.details) - 1);
    return generateDetail(this.seed, index, this.order(orderIndex), this.start, this.detailStep, this.anchorPeriod);
  }

  ticket(index: number): SandboxTicket {
    const orderIndex = Math.max(0, Math.floor((index * this.counts.orders) / this.counts.tickets) - 1);
    return generateTicket(this.seed, index, this.order(orderIndex), this.start, this.ticketStep, this.anchor);
  }

  /** The first detail index whose transaction time is at or after `time` (details are in time order). */
  detailIndexAt(time: number): number {
    const index = clamp(Math.ceil((time - this.start) / this.detailStep), 0, this.counts.details);
    // detail #j falls anywhere in the first 90% of its slot, so the one before may still be at or after `time`
    return index > 0 && this.detail(index - 1).transaction_at >= time ? index - 1 : index;
  }

  /** First index of a list whose items are in time order with the given slot length. */
  indexAfterUpdate(resource: 'orders' | 'tickets' | 'transaction_details', updatedAt: number): number {
    const step = resource === 'orders' ? this.orderStep : resource === 'tickets' ? this.ticketStep : this.detailStep;
    const count = resource === 'orders' ? this.counts.orders : resource === 'tickets' ? this.counts.tickets : this.counts.details;
    return clamp(Math.floor((updatedAt - this.start) / step), 0, count);
  }

  /** Finds a generated order by ID: its creation minute narrows the search to a few slots. */
  findOrder(orderId: string): SandboxOrder | null {
    const match = /^CS(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})[A-Z0-9]{5}$/.exec(orderId);
    if (!match) return null;
    const [, yy, mm, dd, hh, mi] = match;
    const minute = fromBeijingParts(2000 + Number(yy), Number(mm), Number(dd), Number(hh), Number(mi));
    const first = Math.max(0, Math.floor((minute - this.start) / this.orderStep) - 1);
    const last = Math.min(this.counts.orders - 1, Math.floor((minute + 60_000 - this.start) / this.orderStep) + 1);
    for (let i = first; i <= last; i++) {
      const order = this.order(i);
      if (order.order_id === orderId) return order;
    }
    return null;
  }

  /** Pay-per-use instances (ON_DEMAND lines of paid orders), the ones usage can be pushed for. */
  instances(): PayPerUseInstance[] {
    return Array.from(this.scan().instances, (index) => toInstance(this.order(index)));
  }

  /** The 服务监管 flows of supervised products' orders, as generated (a few pinned: `pinFixtureFlows`). */
  supervisionFlows(): SupervisionFlow[] {
    const products = new Map(this.products.map((product) => [product.product_id, product]));
    const flows = Array.from(this.scan().supervised, (index) => {
      const order = this.order(index);
      return generateSupervisionFlow(this.seed, order, products.get(order.lines[0]!.product_id)!, this.anchor);
    });
    return pinFixtureFlows(flows, this.anchor);
  }

  /** One pass over all orders, remembering only the indices of the ones other lists need. */
  private scan() {
    if (this.scanned) return this.scanned;
    const instances: number[] = [];
    const supervised: number[] = [];
    const supervisedProducts = new Set(this.products.filter((p) => p.supervised).map((p) => p.product_id));
    for (let i = 0; i < this.counts.orders; i++) {
      const order = this.order(i);
      const line = order.lines[0]!;
      if (line.instance_id && order.status !== 'cancelled' && order.status !== 'pending_payment') instances.push(i);
      if (supervisedProducts.has(line.product_id) && order.status !== 'cancelled' && order.status !== 'pending_payment') supervised.push(i);
    }
    this.scanned = { instances: Int32Array.from(instances), supervised: Int32Array.from(supervised) };
    return this.scanned;
  }
}

function toInstance(order: SandboxOrder): PayPerUseInstance {
  const line = order.lines[0]!;
  return {
    instance_id: line.instance_id!,
    order_id: order.order_id,
    order_line_id: line.order_line_id,
    product_id: line.product_id,
    product_name: line.product_name,
    customer_name: order.customer.customer_name,
    billing_cycle: line.billing_cycle ?? 'hourly',
    resource_start_at: order.paid_at ?? order.created_at,
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
