import type { z } from 'zod';
import {
  beijingDate,
  checkGuideText,
  GUIDE_EXTENSIONS,
  GUIDE_ITEM_RULES,
  GUIDE_MAX_BYTES,
  GUIDE_READABLE,
  guideFileProblem,
  guideItems,
  guideReadability,
  LISTING_KINDS,
  LISTING_MATRIX,
  LISTING_STEP_NOTES,
  LISTING_STEPS,
  listingKindOf,
  listingSteps,
  type ListingKind,
  type ListingStep,
} from '../conventions';
import { CoreError, type guideCheckSchema, type listingMatrixSchema, type listingProductSchema } from '../contract';
import { readGuideText, type GuideTextLimits } from './guide-text';
import type { ListingProduct, ListingStepRecord, ListingTables } from './listing-tables';

type GuideCheck = z.output<typeof guideCheckSchema>;
type ListingProductView = z.output<typeof listingProductSchema>;

export interface ListingWorkOptions {
  tables: ListingTables;
  now: () => number;
  /** The text reader's limits (tests shorten the timeout). */
  limits?: GuideTextLimits;
}

/**
 * 商品上架检查: each product's kind and the steps it goes through (ticked here with a day and a note),
 * and the user-guide check — refused by the file rule, its text read where the type allows and
 * checked for what review demands of the kind, the result kept with the product's history.
 */
export class ListingWork {
  constructor(private readonly options: ListingWorkOptions) {}

  matrix(): z.output<typeof listingMatrixSchema> {
    return {
      kinds: LISTING_KINDS.map((kind) => ({
        kind,
        steps: LISTING_STEPS.map((step) => ({ step, applies: LISTING_MATRIX[kind][step], note: LISTING_STEP_NOTES[kind]?.[step] ?? null })),
        guideItems: guideItems(kind).map((item) => ({ item, message: GUIDE_ITEM_RULES[item].message })),
      })),
      guide: { extensions: [...GUIDE_EXTENSIONS], maxBytes: GUIDE_MAX_BYTES, readable: [...GUIDE_READABLE] },
    };
  }

  products(kind?: ListingKind): ListingProductView[] {
    const steps = this.options.tables.allSteps();
    const checks = this.options.tables.lastChecks();
    return this.options.tables
      .products()
      .map((product) => readiness(product, steps.get(product.productId) ?? [], checks.get(product.productId) ?? null))
      .filter((product) => kind === undefined || product.kind === kind);
  }

  detail(productId: string): { product: ListingProductView; guide: GuideCheck | null; history: GuideCheck[] } {
    const product = this.view(productId);
    const history = this.options.tables.checks(productId) as GuideCheck[];
    return { product, guide: history[0] ?? null, history };
  }

  /** Ticks or unticks a step the product's kind goes through; a tick without a day is dated today (Beijing). */
  tick(input: { productId: string; step: ListingStep; done: boolean; date?: string | undefined; note?: string | undefined }): ListingProductView {
    const product = this.requireProduct(input.productId);
    const kind = this.requireKind(product);
    if (!LISTING_MATRIX[kind][input.step]) {
      throw new CoreError('VALIDATION', `${product.name} (${kind}) does not go through ${input.step}`, {
        reason: 'listing.stepNotApplicable',
        params: { productName: product.name, kind, step: input.step },
      });
    }
    const now = this.options.now();
    const before = this.options.tables.steps(input.productId).find((s) => s.step === input.step);
    this.options.tables.writeStep({
      product_id: input.productId,
      step: input.step,
      done: input.done,
      done_on: input.done ? (input.date ?? beijingDate(now)) : null,
      note: input.note === undefined ? (before?.note ?? null) : input.note || null,
      updated_at: now,
    });
    return this.view(input.productId);
  }

  /**
   * Checks a user guide for a product (kept with its history) or for a kind (answered only). Refused
   * when Seller Center would refuse the file; a damaged or endless file fails with a clear error.
   */
  async checkGuide(input: { productId?: string | undefined; kind?: ListingKind | undefined; fileName: string; contentBase64: string }): Promise<GuideCheck> {
    const product = input.productId === undefined ? null : this.requireProduct(input.productId);
    const kind = input.kind ?? this.requireKind(product!);
    const bytes = Buffer.from(input.contentBase64, 'base64');
    const problem = guideFileProblem(input.fileName, bytes.length);
    if (problem)
      throw new CoreError('VALIDATION', guideProblemMessage(problem.reason, problem.params), { reason: `listing.${problem.reason}`, params: problem.params });

    const readability = guideReadability(input.fileName);
    let text: string | null = null;
    let notChecked: GuideCheck['notChecked'] = null;
    if (readability.readable === null) {
      notChecked = {
        reason: readability.why === 'archive' ? 'listing.guideArchive' : 'listing.guideLegacyFormat',
        params: { fileName: input.fileName, readable: GUIDE_READABLE.join('/') },
      };
    } else {
      text = await readGuideText(input.fileName, bytes, readability.readable, this.options.limits);
      if (text.trim() === '') {
        text = null;
        notChecked = { reason: 'listing.guideNoText', params: { fileName: input.fileName } };
      }
    }
    const items = checkGuideText(kind, text);
    const check: GuideCheck = {
      productId: product?.productId ?? null,
      kind,
      fileName: input.fileName,
      size: bytes.length,
      checkedAt: this.options.now(),
      extracted: text !== null,
      notChecked,
      items,
      passed: text !== null && items.every((item) => item.covered === true),
    };
    if (product) {
      this.options.tables.addCheck({
        product_id: product.productId,
        kind,
        file_name: check.fileName,
        size: check.size,
        extracted: check.extracted,
        passed: check.passed,
        result: check,
        checked_at: check.checkedAt,
      });
    }
    return check;
  }

  private view(productId: string): ListingProductView {
    const product = this.requireProduct(productId);
    const last = this.options.tables.checks(productId, 1)[0] as GuideCheck | undefined;
    return readiness(product, this.options.tables.steps(productId), last ? { passed: last.passed, checkedAt: last.checkedAt } : null);
  }

  private requireProduct(productId: string): ListingProduct {
    const product = this.options.tables.product(productId);
    if (!product)
      throw new CoreError('NOT_FOUND', `Product ${productId} is not in the local cache`, { reason: 'listing.productNotCached', params: { productId } });
    return product;
  }

  private requireKind(product: ListingProduct): ListingKind {
    const kind = listingKindOf(product.accessType);
    if (!kind) {
      throw new CoreError('VALIDATION', `${product.name}: access type ${product.accessType ?? '(none)'} is not one the listing matrix covers`, {
        reason: 'listing.kindUnknown',
        params: { productName: product.name, accessType: product.accessType ?? '' },
      });
    }
    return kind;
  }
}

function readiness(product: ListingProduct, ticked: ListingStepRecord[], guide: { passed: boolean; checkedAt: number } | null): ListingProductView {
  const kind = listingKindOf(product.accessType);
  const steps = (kind ? listingSteps(kind) : []).map((step) => {
    const record = ticked.find((s) => s.step === step);
    return { step, done: record?.done ?? false, date: record?.done_on ?? null, note: record?.note ?? null, updatedAt: record?.updated_at ?? null };
  });
  return {
    productId: product.productId,
    productName: product.name,
    productType: product.productType,
    accessType: product.accessType,
    kind,
    steps,
    guide,
    ready: kind !== null && steps.every((s) => s.done) && guide?.passed === true,
  };
}

function guideProblemMessage(reason: 'guideType' | 'guideSize' | 'guideEmpty', params: Record<string, string | number>): string {
  if (reason === 'guideType') return `${params.fileName}: a user guide must be one of ${params.allowed}, not "${params.extension}"`;
  if (reason === 'guideSize') return `${params.fileName} is ${params.size} bytes; a user guide may be at most ${params.maxMb} MB`;
  return `${params.fileName} is empty`;
}
