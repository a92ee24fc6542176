import type { z } from 'zod';
import {
  BEIJING_TIME_ZONE,
  formatInZone,
  OFFER_PRODUCT_TYPE,
  REQUIREMENT_NEXT,
  requirementStateAt,
  shareProblem,
  termLabel,
  yuan,
  type RequirementState,
  newItemId,
} from '../conventions';
import { CoreError, type MethodOutput, type offerInputSchema } from '../contract';
import { readOne, readPage, type PageRequest } from '../lists';
import type { ProductChoice } from '../products';
import { queueForSource, type SalesContext, type SubmissionSheet } from '../submissions';
import { OFFER_LIST, offerAt, REQUIREMENT_LIST, requirementAt, type OfferListFilters, type RequirementListFilters } from './offer-lists';
import type { OfferRecord, OfferTables, RequirementRecord } from './offer-tables';

type OfferInput = z.output<typeof offerInputSchema>;

/**
 * 客户需求 and 商家优惠 (Private Offer): every seed rule checked before anything is stored — "Private
 * Offer仅限联营商品可以创建", the expected share within the maximum, a requirement accepted within 5
 * days — then sent to a source that takes it (queued offline) or, on the local path, prepared with its
 * submission sheet and marked submitted by the seller.
 */
export class OfferWork {
  constructor(
    private readonly ctx: SalesContext,
    private readonly tables: OfferTables,
  ) {}

  requirementsPage(request: PageRequest<RequirementListFilters>): MethodOutput<'requirements.page'> {
    const page = readPage(this.ctx.db, REQUIREMENT_LIST, request);
    return { ...page, rows: page.rows.map((row) => requirementAt(row, request.filters.now)) };
  }

  offersPage(request: PageRequest<OfferListFilters>): MethodOutput<'offers.page'> {
    const page = readPage(this.ctx.db, OFFER_LIST, request);
    return { ...page, rows: page.rows.map((row) => offerAt(row, request.filters.now)) };
  }

  requirementDetail(requirementId: string): MethodOutput<'requirements.get'> {
    const requirement = this.requirementView(requirementId);
    const offers = this.tables.offersOf(requirementId).map((o) => this.offerView(o.offer_id));
    return {
      requirement,
      history: this.ctx.records.history('requirement', requirementId),
      offers,
      path: this.requirementPath(this.requireRequirement(requirementId)),
    };
  }

  offerDetail(offerId: string): MethodOutput<'offers.get'> {
    const offer = this.offerView(offerId);
    const path = this.ctx.path();
    return { offer, history: this.ctx.records.history('offer', offerId), sheet: path === 'local' ? offerSheet(offer) : null, path };
  }

  /** The 联营 products in the cache, on sale or not (an offer can be for either). */
  products(): ProductChoice[] {
    return this.ctx.products.ofType(OFFER_PRODUCT_TYPE, false);
  }

  /** 接收 (from 待接收, within 5 days) or 转化 (from 接收): applied here at once, sent to the source when it takes it. */
  moveRequirement(requirementId: string, action: 'accept' | 'convert'): MethodOutput<'requirements.accept'> {
    const record = this.requireRequirement(requirementId);
    const now = this.ctx.now();
    const state = requirementStateAt(record.state, record.created_at, now);
    const from: RequirementState = action === 'accept' ? 'to_accept' : 'accepted';
    if (state !== from) {
      const reason = state === 'lapsed' ? 'requirements.lapsed' : 'requirements.wrongState';
      throw new CoreError('CONFLICT', `Requirement ${requirementId} is ${state}; ${action} needs ${from}`, {
        reason,
        params: { requirementId, state, expected: from },
      });
    }
    const next = REQUIREMENT_NEXT[from]!;
    this.ctx.records.transaction(() => {
      this.tables.setRequirementState(requirementId, next, now);
      this.ctx.records.addHistory('requirement', requirementId, { at: now, actor: 'seller', change: next, detail: null });
      if (this.requirementPath(record) === 'act') queueForSource(this.ctx, 'requirement', requirementId, action, { action });
    });
    return { requirement: this.requirementView(requirementId), queued: this.ctx.records.waitingCount() };
  }

  /** A requirement received in Seller Center, recorded by hand (the real source lists none). */
  record(input: {
    requirementId: string;
    providerName: string;
    customerName: string;
    customerAccount?: string | undefined;
    productId: string;
    expectedShare: number;
    maxShare: number;
    createdAt: number;
  }): MethodOutput<'requirements.record'> {
    if (this.tables.requirement(input.requirementId)) {
      throw new CoreError('CONFLICT', `Requirement ${input.requirementId} is already recorded`, {
        reason: 'requirements.exists',
        params: { requirementId: input.requirementId },
      });
    }
    const product = this.jointProduct(input.productId);
    const now = this.ctx.now();
    this.ctx.records.transaction(() => {
      this.tables.writeRequirement({
        requirement_id: input.requirementId,
        provider_name: input.providerName,
        customer_name: input.customerName,
        customer_account: input.customerAccount ?? null,
        product_id: product.productId,
        product_name: product.name,
        state: 'to_accept',
        expected_share: input.expectedShare,
        max_share: input.maxShare,
        created_at: input.createdAt,
        origin: 'local',
        updated_at: now,
      });
      this.ctx.records.addHistory('requirement', input.requirementId, { at: now, actor: 'seller', change: 'recorded', detail: null });
    });
    return this.requirementView(input.requirementId);
  }

  create(input: OfferInput): MethodOutput<'offers.create'> {
    const product = this.jointProduct(input.productId);
    if (input.skuCode && product.skus.length > 0 && !product.skus.some((s) => s.skuCode === input.skuCode)) {
      throw new CoreError('VALIDATION', `${product.name} has no spec ${input.skuCode}`, {
        reason: 'offers.unknownSku',
        params: { productName: product.name, skuCode: input.skuCode },
      });
    }
    const from = input.requirementId ? this.convertingRequirement(input.requirementId, product, input.share) : null;
    const now = this.ctx.now();
    const offerId = newItemId('PO');
    const act = this.ctx.path() === 'act' && input.submit;
    const record: OfferRecord = {
      offer_id: offerId,
      name: input.name,
      customer_name: input.customerName,
      customer_account: input.customerAccount ?? null,
      product_id: product.productId,
      product_name: product.name,
      sku_code: input.skuCode ?? null,
      discount_rate: input.discountRate ?? null,
      price_fen: input.priceFen ?? null,
      valid_from: input.validFrom,
      valid_until: input.validUntil,
      requirement_id: from?.requirement_id ?? null,
      provider_name: from?.provider_name ?? null,
      share: from ? (input.share ?? from.expected_share) : null,
      state: act ? 'submitted' : 'draft',
      reason: null,
      origin: 'local',
      created_at: now,
      updated_at: now,
    };
    this.ctx.records.transaction(() => {
      this.tables.writeOffer(record);
      this.ctx.records.addHistory('offer', offerId, { at: now, actor: 'seller', change: 'created', detail: from ? from.requirement_id : null });
      if (from) this.tables.setRequirementState(from.requirement_id, 'offer_created', now);
      if (from) this.ctx.records.addHistory('requirement', from.requirement_id, { at: now, actor: 'seller', change: 'offer_created', detail: offerId });
      if (act) queueForSource(this.ctx, 'offer', offerId, 'create', { offer: offerBody(record) });
    });
    return { offer: this.offerView(offerId), queued: this.ctx.records.waitingCount() };
  }

  /** A draft sent now (act), or marked as submitted in Seller Center (local). */
  submit(offerId: string): MethodOutput<'offers.submit'> {
    const record = this.requireOffer(offerId);
    if (record.state !== 'draft') throw wrongOfferState(record, 'draft');
    const now = this.ctx.now();
    this.ctx.records.transaction(() => {
      this.tables.setOfferState(offerId, 'submitted', null, now);
      this.ctx.records.addHistory('offer', offerId, { at: now, actor: 'seller', change: 'submitted', detail: null });
      if (this.ctx.path() === 'act') queueForSource(this.ctx, 'offer', offerId, 'create', { offer: offerBody(record) });
    });
    return { offer: this.offerView(offerId), queued: this.ctx.records.waitingCount() };
  }

  withdraw(offerId: string): MethodOutput<'offers.withdraw'> {
    const record = this.requireOffer(offerId);
    const state = this.offerView(offerId).state;
    if (state !== 'submitted' && state !== 'accepted') throw wrongOfferState(record, 'submitted');
    const now = this.ctx.now();
    this.ctx.records.transaction(() => {
      this.tables.setOfferState(offerId, 'withdrawn', null, now);
      this.ctx.records.addHistory('offer', offerId, { at: now, actor: 'seller', change: 'withdrawn', detail: null });
      if (this.ctx.path() === 'act') queueForSource(this.ctx, 'offer', offerId, 'withdraw', { action: 'withdraw' });
    });
    return { offer: this.offerView(offerId), queued: this.ctx.records.waitingCount() };
  }

  /** Local path: Seller Center's answer, as the seller saw it. */
  recordOutcome(offerId: string, outcome: 'approved' | 'rejected', reason: string | null): MethodOutput<'offers.recordOutcome'> {
    const record = this.requireOffer(offerId);
    if (record.state !== 'submitted') throw wrongOfferState(record, 'submitted');
    const now = this.ctx.now();
    const state = outcome === 'approved' ? 'accepted' : 'rejected';
    this.ctx.records.transaction(() => {
      this.tables.setOfferState(offerId, state, reason, now);
      this.ctx.records.addHistory('offer', offerId, { at: now, actor: 'seller', change: state, detail: reason });
    });
    return this.offerView(offerId);
  }

  requirementView(requirementId: string): MethodOutput<'requirements.record'> {
    const now = this.ctx.now();
    const requirement = readOne(this.ctx.db, REQUIREMENT_LIST, { now, id: requirementId });
    if (!requirement) throw notFound('requirements', requirementId);
    return requirementAt(requirement, now);
  }

  offerView(offerId: string): MethodOutput<'offers.recordOutcome'> {
    const now = this.ctx.now();
    const offer = readOne(this.ctx.db, OFFER_LIST, { now, id: offerId });
    if (!offer) throw notFound('offers', offerId);
    return offerAt(offer, now);
  }

  /** A product an offer may be for: cached, and 联营 ("Private Offer仅限联营商品可以创建"). */
  private jointProduct(productId: string): ProductChoice {
    const product = this.ctx.products.choice(productId);
    if (!product)
      throw new CoreError('VALIDATION', `Product ${productId} is not in the local cache; sync or import products first`, {
        reason: 'offers.productNotCached',
        params: { productId },
      });
    if (product.productType !== OFFER_PRODUCT_TYPE) {
      const type = termLabel('productType', product.productType);
      throw new CoreError('VALIDATION', `Private Offer仅限联营商品可以创建: ${product.name} is ${type}`, {
        reason: 'offers.notJointOperation',
        params: { productName: product.name, productType: type },
      });
    }
    return product;
  }

  /** The requirement an offer converts: 需求转化中, for the same product, the share within its maximum. */
  private convertingRequirement(requirementId: string, product: ProductChoice, share: number | undefined): RequirementRecord {
    const requirement = this.requireRequirement(requirementId);
    const state = requirementStateAt(requirement.state, requirement.created_at, this.ctx.now());
    if (state !== 'converting') {
      throw new CoreError('CONFLICT', `Requirement ${requirementId} is ${state}; an offer is created from one 需求转化中`, {
        reason: 'offers.requirementNotConverting',
        params: { requirementId, state },
      });
    }
    if (requirement.product_id !== product.productId) {
      throw new CoreError('VALIDATION', `Requirement ${requirementId} is for ${requirement.product_name}, not ${product.name}`, {
        reason: 'offers.requirementProduct',
        params: { requirementId, productName: requirement.product_name },
      });
    }
    const problem = shareProblem(share ?? requirement.expected_share, requirement.max_share);
    if (problem) {
      throw new CoreError('VALIDATION', `The share ${share} is above the requirement's maximum ${requirement.max_share}`, {
        reason: `offers.${problem}`,
        params: { share: share ?? requirement.expected_share, maxShare: requirement.max_share },
      });
    }
    return requirement;
  }

  private requirementPath(record: RequirementRecord): 'act' | 'local' {
    return record.origin === 'source' ? this.ctx.path() : 'local';
  }

  private requireRequirement(requirementId: string): RequirementRecord {
    const record = this.tables.requirement(requirementId);
    if (!record) throw notFound('requirements', requirementId);
    return record;
  }

  private requireOffer(offerId: string): OfferRecord {
    const record = this.tables.offer(offerId);
    if (!record) throw notFound('offers', offerId);
    return record;
  }
}

/** What the sandbox's offer endpoint takes (the record's fields it needs). */
export function offerBody(record: OfferRecord): Record<string, unknown> {
  const {
    state: _state,
    reason: _reason,
    origin: _origin,
    created_at: _created,
    updated_at: _updated,
    product_name: _name,
    provider_name: _provider,
    ...body
  } = record;
  return body;
}

function offerSheet(offer: MethodOutput<'offers.recordOutcome'>): SubmissionSheet {
  return {
    menuPath: '卖家中心 › 销售管理 › 商家专属优惠 › 创建商家优惠',
    fields: [
      { label: '优惠名称', value: offer.name },
      { label: '客户名称', value: offer.customerName },
      { label: '客户账号', value: offer.customerAccount ?? '' },
      { label: '商品', value: `${offer.productName}（${offer.productId}）` },
      { label: '规格', value: offer.skuCode ?? '全部规格' },
      {
        label: offer.discountRate !== null ? '商务折扣' : '优惠价格(元)',
        value: offer.discountRate !== null ? `${+(offer.discountRate * 10).toFixed(2)}折` : yuan(offer.priceFen ?? 0),
      },
      { label: '生效时间', value: formatInZone(offer.validFrom, BEIJING_TIME_ZONE) },
      { label: '失效时间', value: formatInZone(offer.validUntil, BEIJING_TIME_ZONE) },
      ...(offer.requirementId ? [{ label: '客户需求', value: offer.requirementId }] : []),
    ],
  };
}

function notFound(what: 'requirements' | 'offers', id: string): CoreError {
  return new CoreError('NOT_FOUND', `${id} is not in the local cache`, { reason: `${what}.notFound`, params: { id } });
}

function wrongOfferState(record: OfferRecord, expected: string): CoreError {
  return new CoreError('CONFLICT', `Offer ${record.offer_id} is ${record.state}; this needs ${expected}`, {
    reason: 'offers.wrongState',
    params: { offerId: record.offer_id, state: record.state, expected },
  });
}
