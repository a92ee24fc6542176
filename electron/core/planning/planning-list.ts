import type { z } from 'zod';
import type { planFiltersSchema, planRowSchema } from '../contract';
import { amountField, dateField, equals, integerField, reviewListExport, textField, type Condition, type ReviewList } from '../lists';

export type PlanListFilters = z.infer<typeof planFiltersSchema> & { id?: string };
type PlanRow = z.infer<typeof planRowSchema>;

const YEARS_SQL = `(SELECT json_group_array(json_object('year', y.year, 'gmvFen', y.gmv_fen, 'projects', y.projects))
  FROM (SELECT * FROM business_plan_years y WHERE y.product_id = business_plans.product_id ORDER BY y.year) y)`;

/** 商业规划, most recently changed first (the approval filter picks 待填写). */
export const PLAN_LIST: ReviewList<PlanListFilters, PlanRow> = {
  table: 'business_plans',
  columns: `product_id AS productId, product_name AS productName, ${YEARS_SQL} AS years, approval, reason, submitted_at AS submittedAt, origin,
    updated_at AS updatedAt`,
  id: { field: 'productId', column: 'product_id' },
  sortable: { updatedAt: { column: 'updated_at' } },
  defaultSort: { field: 'updatedAt', direction: 'desc' },
  fromDb: (row) => ({ ...row, years: JSON.parse(row.years as string) }) as PlanRow,
  conditions(filters) {
    const conditions: Condition[] = [];
    equals(conditions, 'approval', filters.approval, 'approval');
    equals(conditions, 'product_id', filters.id, 'id');
    return conditions;
  },
};

/** The headers of the three years, as the plan file (export and import) writes them: 当年, 次年, 后年. */
export const PLAN_YEAR_LABELS = ['当年', '次年', '后年'] as const;

const yearCell = (offset: number, column: 'gmv_fen' | 'projects') =>
  `(SELECT ${column} FROM business_plan_years y WHERE y.product_id = business_plans.product_id ORDER BY y.year LIMIT 1 OFFSET ${offset})`;

/** One row per product, GMV and projects for each of the three years: the file a seller fills in Excel and imports back. */
export const PLANS_EXPORT = reviewListExport(PLAN_LIST, '商业规划', [
  textField('商品ID', 'product_id', 26),
  textField('商品名称', 'product_name', 28),
  ...PLAN_YEAR_LABELS.flatMap((label, offset) => [
    amountField(`${label}GMV(元)`, yearCell(offset, 'gmv_fen')),
    integerField(`${label}项目数`, yearCell(offset, 'projects')),
  ]),
  textField('审批状态', 'approval', 10, 'planningState'),
  textField('原因', 'reason', 28),
  dateField('提交时间', 'submitted_at'),
]);
