import type { z } from 'zod';
import {
  BEIJING_TIME_ZONE,
  formatInZone,
  termLabel,
  VOUCHER_TYPES,
  voucherAmountProblem,
  voucherPeriodProblem,
  voucherStateAt,
  yuan,
  type VoucherCategory,
  newItemId,
} from '../conventions';
import { CoreError, type MethodOutput, type voucherInputSchema } from '../contract';
import { readOne, readPage, type PageRequest } from '../lists';
import type { ProductChoice } from '../products';
import { queueForSource, type SalesContext, type SubmissionSheet } from '../submissions';
import { voucherAt, VOUCHER_LIST, type VoucherListFilters } from './voucher-list';
import type { VoucherRecord, VoucherTables } from './voucher-tables';

type VoucherInput = z.output<typeof voucherInputSchema>;
type VoucherView = MethodOutput<'vouchers.recordOutcome'>;

/**
 * 发布代金券: "当前云商店所支持的代金券类型为满减券" — a threshold and a discount below it, for on-sale
 * products (or specs) of the chosen category, valid from now on; every rule checked before the
 * voucher is stored, then sent (queued offline) or prepared with its submission sheet.
 */
export class VoucherWork {
  constructor(
    private readonly ctx: SalesContext,
    private readonly tables: VoucherTables,
  ) {}

  page(request: PageRequest<VoucherListFilters>): MethodOutput<'vouchers.page'> {
    const page = readPage(this.ctx.db, VOUCHER_LIST, request);
    return { ...page, rows: page.rows.map((row) => voucherAt(row, request.filters.now)) };
  }

  detail(voucherId: string): MethodOutput<'vouchers.get'> {
    const voucher = this.view(voucherId);
    const path = this.ctx.path();
    return { voucher, history: this.ctx.records.history('voucher', voucherId), sheet: path === 'local' ? voucherSheet(voucher) : null, path };
  }

  products(category: VoucherCategory): ProductChoice[] {
    return this.ctx.products.ofType(category, true);
  }

  create(input: VoucherInput): MethodOutput<'vouchers.create'> {
    const now = this.ctx.now();
    this.checkTerms(input, now);
    const scope = this.checkedScope(input);
    const voucherId = newItemId('VC');
    const act = this.ctx.path() === 'act' && input.submit;
    const record: VoucherRecord = {
      voucher_id: voucherId,
      name: input.name,
      voucher_type: 'full_reduction',
      threshold_fen: input.thresholdFen,
      discount_fen: input.discountFen,
      category: input.category,
      valid_from: input.validFrom,
      valid_until: input.validUntil,
      stopped_at: null,
      submission: act ? 'submitted' : 'draft',
      reason: null,
      origin: 'local',
      updated_at: now,
      scope,
    };
    this.ctx.records.transaction(() => {
      this.tables.write(record);
      this.ctx.records.addHistory('voucher', voucherId, { at: now, actor: 'seller', change: 'created', detail: null });
      if (act) queueForSource(this.ctx, 'voucher', voucherId, 'create', { voucher: voucherBody(record) });
    });
    return { voucher: this.view(voucherId), queued: this.ctx.records.waitingCount() };
  }

  /** A draft sent now (act), or marked as submitted in Seller Center (local); its start must still be ahead. */
  submit(voucherId: string): MethodOutput<'vouchers.submit'> {
    const record = this.require(voucherId);
    if (record.submission !== 'draft') throw wrongState(voucherId, record.submission, 'draft');
    const now = this.ctx.now();
    this.periodStillOpen(record.valid_from, record.valid_until, now);
    this.ctx.records.transaction(() => {
      this.tables.setSubmission(voucherId, 'submitted', null, now);
      this.ctx.records.addHistory('voucher', voucherId, { at: now, actor: 'seller', change: 'submitted', detail: null });
      if (this.ctx.path() === 'act')
        queueForSource(this.ctx, 'voucher', voucherId, 'create', { voucher: voucherBody({ ...record, scope: this.scopeOf(voucherId) }) });
    });
    return { voucher: this.view(voucherId), queued: this.ctx.records.waitingCount() };
  }

  /** 停止: a published voucher that has not ended or been stopped. */
  stop(voucherId: string): MethodOutput<'vouchers.stop'> {
    const record = this.require(voucherId);
    const now = this.ctx.now();
    const state = voucherStateAt(record.valid_from, record.valid_until, record.stopped_at, now);
    if (record.submission !== 'published' || state === 'ended' || state === 'stopped')
      throw wrongState(voucherId, `${record.submission}/${state}`, 'published');
    this.ctx.records.transaction(() => {
      this.tables.stop(voucherId, now);
      this.ctx.records.addHistory('voucher', voucherId, { at: now, actor: 'seller', change: 'stopped', detail: null });
      if (this.ctx.path() === 'act') queueForSource(this.ctx, 'voucher', voucherId, 'stop', { action: 'stop' });
    });
    return { voucher: this.view(voucherId), queued: this.ctx.records.waitingCount() };
  }

  recordOutcome(voucherId: string, outcome: 'approved' | 'rejected', reason: string | null): VoucherView {
    const record = this.require(voucherId);
    if (record.submission !== 'submitted') throw wrongState(voucherId, record.submission, 'submitted');
    const now = this.ctx.now();
    const submission = outcome === 'approved' ? 'published' : 'rejected';
    this.ctx.records.transaction(() => {
      this.tables.setSubmission(voucherId, submission, reason, now);
      this.ctx.records.addHistory('voucher', voucherId, { at: now, actor: 'seller', change: submission, detail: reason });
    });
    return this.view(voucherId);
  }

  view(voucherId: string): VoucherView {
    const now = this.ctx.now();
    const voucher = readOne(this.ctx.db, VOUCHER_LIST, { now, id: voucherId });
    if (!voucher) throw notFound(voucherId);
    return voucherAt(voucher, now);
  }

  /** 满减券 only, the discount above 0 and below the threshold, a period starting from now. */
  private checkTerms(input: VoucherInput, now: number): void {
    if (!(VOUCHER_TYPES as readonly string[]).includes(input.voucherType)) {
      throw new CoreError('VALIDATION', '云商店当前仅支持满减券', { reason: 'vouchers.onlyFullReduction', params: { voucherType: input.voucherType } });
    }
    const amount = voucherAmountProblem(input.thresholdFen, input.discountFen);
    if (amount) {
      throw new CoreError('VALIDATION', `The discount ${input.discountFen} fen must be above 0 and below the threshold ${input.thresholdFen} fen`, {
        reason: `vouchers.${amount}`,
        params: { thresholdFen: input.thresholdFen, discountFen: input.discountFen },
      });
    }
    this.periodStillOpen(input.validFrom, input.validUntil, now);
  }

  private periodStillOpen(validFrom: number, validUntil: number, now: number): void {
    const period = voucherPeriodProblem(validFrom, validUntil, now);
    if (period)
      throw new CoreError('VALIDATION', `Validity ${validFrom}–${validUntil}: ${period}`, { reason: `vouchers.${period}`, params: { validFrom, validUntil } });
  }

  /** Every product cached, on sale and of the chosen category; every spec one of its specs. */
  private checkedScope(input: VoucherInput): VoucherRecord['scope'] {
    const seen = new Set<string>();
    const scope: VoucherRecord['scope'] = [];
    for (const entry of input.scope) {
      const product = this.ctx.products.choice(entry.productId);
      const problem = scopeProblem(product, entry, input.category);
      if (problem)
        throw new CoreError('VALIDATION', `${product?.name ?? entry.productId}: ${problem.reason}`, {
          reason: `vouchers.${problem.reason}`,
          params: problem.params,
        });
      const key = `${entry.productId}/${entry.skuCode ?? ''}`;
      if (!seen.has(key)) scope.push({ product_id: entry.productId, sku_code: entry.skuCode ?? null });
      seen.add(key);
    }
    return scope;
  }

  private scopeOf(voucherId: string): VoucherRecord['scope'] {
    return this.view(voucherId).scope.map((s) => ({ product_id: s.productId, sku_code: s.skuCode }));
  }

  private require(voucherId: string): Omit<VoucherRecord, 'scope'> {
    const record = this.tables.voucher(voucherId);
    if (!record) throw notFound(voucherId);
    return record;
  }
}

function scopeProblem(
  product: ProductChoice | null,
  entry: { productId: string; skuCode?: string | undefined },
  category: VoucherCategory,
): { reason: string; params: Record<string, string> } | null {
  if (!product) return { reason: 'productNotCached', params: { productId: entry.productId } };
  if (product.productType !== category) {
    return {
      reason: 'productNotInCategory',
      params: { productName: product.name, productType: termLabel('productType', product.productType), category: termLabel('productType', category) },
    };
  }
  if (!product.onSale) return { reason: 'productNotOnSale', params: { productName: product.name } };
  if (entry.skuCode && !product.skus.some((s) => s.skuCode === entry.skuCode))
    return { reason: 'unknownSku', params: { productName: product.name, skuCode: entry.skuCode } };
  return null;
}

/** What the sandbox's voucher endpoint takes. */
function voucherBody(record: VoucherRecord): Record<string, unknown> {
  const { submission: _s, reason: _r, origin: _o, updated_at: _u, stopped_at: _stopped, ...body } = record;
  return body;
}

function voucherSheet(voucher: VoucherView): SubmissionSheet {
  return {
    menuPath: '卖家中心 › 销售管理 › 代金券管理 › 发布代金券',
    fields: [
      { label: '代金券名称', value: voucher.name },
      { label: '代金券类型', value: '满减券' },
      { label: '使用门槛(元)', value: yuan(voucher.thresholdFen) },
      { label: '减免金额(元)', value: yuan(voucher.discountFen) },
      { label: '商品类别', value: termLabel('productType', voucher.category) },
      { label: '适用商品', value: voucher.scope.map((s) => `${s.productName ?? s.productId}${s.skuCode ? `（${s.skuCode}）` : ''}`).join('、') },
      { label: '生效时间', value: formatInZone(voucher.validFrom, BEIJING_TIME_ZONE) },
      { label: '失效时间', value: formatInZone(voucher.validUntil, BEIJING_TIME_ZONE) },
    ],
  };
}

function notFound(voucherId: string): CoreError {
  return new CoreError('NOT_FOUND', `Voucher ${voucherId} is not in the local cache`, { reason: 'vouchers.notFound', params: { id: voucherId } });
}

function wrongState(voucherId: string, state: string, expected: string): CoreError {
  return new CoreError('CONFLICT', `Voucher ${voucherId} is ${state}; this needs ${expected}`, {
    reason: 'vouchers.wrongState',
    params: { voucherId, state, expected },
  });
}
