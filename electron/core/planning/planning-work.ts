import type { z } from 'zod';
import { PLANNING_SUBMITTED_MESSAGE, planningYears, yuan } from '../conventions';
import { CoreError, type FieldIssue, type MethodOutput, type planInputSchema } from '../contract';
import { readOne, readPage, type PageRequest } from '../lists';
import { queueForSource, type SalesContext, type SubmissionSheet } from '../submissions';
import { readPlanFile } from './plan-file';
import { PLAN_LIST, PLAN_YEAR_LABELS, type PlanListFilters } from './planning-list';
import type { PlanRecord, PlanningTables } from './planning-tables';

type PlanInput = z.output<typeof planInputSchema>;
type PlanView = MethodOutput<'planning.recordOutcome'>;

/**
 * 商业规划设置 and 单商品设置: GMV and projects for 当年及后两年, several products in one submission.
 * Every plan is checked before any is saved (all three years, GMV ≥ 0, projects a whole number ≥ 0);
 * then each is 待审批 and sent (queued offline) or, on the local path, submitted in Seller Center.
 */
export class PlanningWork {
  constructor(
    private readonly ctx: SalesContext,
    private readonly tables: PlanningTables,
  ) {}

  page(request: PageRequest<PlanListFilters>): MethodOutput<'planning.page'> {
    return readPage(this.ctx.db, PLAN_LIST, request);
  }

  detail(productId: string): MethodOutput<'planning.get'> {
    const plan = this.view(productId);
    const path = this.ctx.path();
    return { plan, history: this.ctx.records.history('plan', productId), sheet: path === 'local' ? planSheet(plan) : null, path };
  }

  submit(plans: PlanInput[]): MethodOutput<'planning.submit'> {
    const now = this.ctx.now();
    const years = planningYears(now);
    const known = this.tables.products();
    const issues = plans.flatMap((plan, i) => planIssues(plan, i, years, known, plans));
    if (issues.length > 0) {
      throw new CoreError('VALIDATION', `${issues.length} problem(s) in the business plans; nothing was submitted: ${issues[0]!.message}`, {
        reason: 'planning.invalid',
        params: { problems: issues.length },
        issues,
      });
    }
    const act = this.ctx.path() === 'act';
    this.ctx.records.transaction(() => {
      for (const plan of plans) this.save(plan, known.get(plan.productId)!, now, act);
    });
    return { message: PLANNING_SUBMITTED_MESSAGE, plans: plans.map((p) => this.view(p.productId)), queued: this.ctx.records.waitingCount() };
  }

  /** Local path: Seller Center's approval of a product's plan, as the seller saw it. */
  recordOutcome(productId: string, outcome: 'approved' | 'rejected', reason: string | null): PlanView {
    const plan = this.tables.plan(productId);
    if (!plan) throw notFound(productId);
    if (plan.approval !== 'pending_approval') {
      throw new CoreError('CONFLICT', `The plan of ${productId} is ${plan.approval}; an outcome is recorded for one 待审批`, {
        reason: 'planning.wrongState',
        params: { productId, state: plan.approval },
      });
    }
    const now = this.ctx.now();
    this.ctx.records.transaction(() => {
      this.tables.setApproval(productId, outcome, reason, now);
      this.ctx.records.addHistory('plan', productId, { at: now, actor: 'seller', change: outcome, detail: reason });
    });
    return this.view(productId);
  }

  readFile(fileName: string, contentBase64: string): Promise<MethodOutput<'planning.readFile'>> {
    return readPlanFile(fileName, contentBase64, planningYears(this.ctx.now()), this.tables.products());
  }

  view(productId: string): PlanView {
    const plan = readOne(this.ctx.db, PLAN_LIST, { id: productId });
    if (!plan) throw notFound(productId);
    return plan;
  }

  private save(plan: PlanInput, productName: string, now: number, act: boolean): void {
    const record: PlanRecord = {
      product_id: plan.productId,
      product_name: productName,
      approval: 'pending_approval',
      reason: null,
      submitted_at: now,
      origin: 'local',
      updated_at: now,
      years: plan.years.map((y) => ({ year: y.year, gmv_fen: y.gmvFen, projects: y.projects })),
    };
    this.tables.write(record);
    this.ctx.records.addHistory('plan', plan.productId, { at: now, actor: 'seller', change: 'submitted', detail: PLANNING_SUBMITTED_MESSAGE });
    if (act) queueForSource(this.ctx, 'plan', plan.productId, 'submit', { plans: [{ product_id: plan.productId, years: record.years }] });
  }
}

/** What is wrong with one plan: an unknown or repeated product, a year missing or extra, an empty GMV or project count. */
function planIssues(plan: PlanInput, index: number, years: readonly number[], known: Map<string, string>, all: PlanInput[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const at = (path: string, reason: string, message: string, params: Record<string, string | number>) =>
    issues.push({ path: `plans.${index}.${path}`, reason, message, params });
  if (!known.has(plan.productId))
    at('productId', 'planning.unknownProduct', `${plan.productId} is not a product 商业规划 applies to`, { productId: plan.productId });
  if (all.findIndex((p) => p.productId === plan.productId) !== index)
    at('productId', 'planning.duplicateProduct', `${plan.productId} is given twice`, { productId: plan.productId });
  years.forEach((year, y) => {
    const given = plan.years.find((entry) => entry.year === year);
    const params = { productId: plan.productId, year };
    if (!given) return at(`years.${y}`, 'planning.yearMissing', `${plan.productId}: the plan for ${year} is missing`, params);
    if (given.gmvFen === null) at(`years.${y}.gmvFen`, 'planning.gmv', `${plan.productId}: GMV for ${year} is required`, params);
    if (given.projects === null) at(`years.${y}.projects`, 'planning.projects', `${plan.productId}: projects for ${year} are required`, params);
  });
  for (const entry of plan.years.filter((e) => !years.includes(e.year))) {
    at('years', 'planning.yearOutside', `${plan.productId}: ${entry.year} is not one of ${years.join(', ')}`, { productId: plan.productId, year: entry.year });
  }
  return issues;
}

function planSheet(plan: PlanView): SubmissionSheet {
  return {
    menuPath: '卖家中心 › 商业规划 › 商业规划设置',
    fields: [
      { label: '商品名称', value: plan.productName },
      ...plan.years.flatMap((y, i) => [
        { label: `${PLAN_YEAR_LABELS[i] ?? y.year}（${y.year}年）GMV(元)`, value: y.gmvFen === null ? '' : yuan(y.gmvFen) },
        { label: `${PLAN_YEAR_LABELS[i] ?? y.year}（${y.year}年）项目数`, value: y.projects === null ? '' : String(y.projects) },
      ]),
    ],
  };
}

function notFound(productId: string): CoreError {
  return new CoreError('NOT_FOUND', `No business plan for ${productId} in the local cache`, { reason: 'planning.notFound', params: { id: productId } });
}
