import { normalizeText, parseAmountFen } from '../conventions';
import { findHeader, firstRows, HeaderMatcher, isDataRow, mapColumns, openTableFile, rowsBelow, withUploadedFile } from '../imports';
import { PLAN_YEAR_LABELS } from './planning-list';

export interface PlanFromFile {
  productId: string;
  productName: string;
  years: { year: number; gmvFen: number | null; projects: number | null }[];
}
export interface PlanFileProblem {
  row: number;
  column: string;
  reason: string;
  params: Record<string, string | number>;
}

/** The plan file's headers: 商品ID, then GMV(元) and 项目数 for each year, as 当年/次年/后年 or as 2026年. */
function planHeaders(years: readonly number[]): HeaderMatcher {
  const aliases: Record<string, string[]> = { productId: ['商品ID', '商品编号', 'product_id', 'productId'], productName: ['商品名称', '商品'] };
  years.forEach((year, i) => {
    aliases[`gmv${i}`] = [`${PLAN_YEAR_LABELS[i]}GMV(元)`, `${PLAN_YEAR_LABELS[i]}GMV`, `${year}年GMV(元)`, `${year}年GMV`, `${year}GMV`];
    aliases[`projects${i}`] = [`${PLAN_YEAR_LABELS[i]}项目数`, `${year}年项目数`, `${year}项目数`];
  });
  return new HeaderMatcher(aliases);
}

/**
 * Reads plans from a seller's XLSX/CSV: one row per product, GMV (元, ≥ 0) and projects (a whole
 * number ≥ 0) for each of the three years. Every bad cell is listed with its row and column; when
 * any is bad, no plan is returned (nothing half-applied).
 */
export async function readPlanFile(
  fileName: string,
  contentBase64: string,
  years: readonly number[],
  known: Map<string, string>,
): Promise<{ plans: PlanFromFile[]; problems: PlanFileProblem[] }> {
  return withUploadedFile(fileName, contentBase64, async (file) => {
    const table = openTableFile(file, '商业规划 file');
    const headers = planHeaders(years);
    const head = await firstRows(table.rows);
    const header = findHeader(head, headers);
    const mapping = header ? mapColumns(header, headers) : [];
    const missing = header ? requiredColumns(years).filter((f) => !mapping.includes(f)) : ['productId'];
    if (!header || missing.length > 0) {
      return {
        plans: [],
        problems: missing.map((field) => ({ row: header?.row ?? 1, column: field, reason: 'planning.missingColumn', params: { column: field } })),
      };
    }
    const plans: PlanFromFile[] = [];
    const problems: PlanFileProblem[] = [];
    const seen = new Set<string>();
    const cell = (cells: unknown[], field: string) => cells[mapping.indexOf(field)];
    const headerOf = (field: string) => normalizeText(header.cells[mapping.indexOf(field)]);
    for await (const { row, cells } of rowsBelow(header, head, table.rows)) {
      if (!isDataRow(cells)) continue;
      const productId = normalizeText(cell(cells, 'productId'));
      const problem = (field: string, reason: string, params: Record<string, string | number> = {}) =>
        problems.push({ row, column: headerOf(field), reason, params });
      if (!known.has(productId)) problem('productId', 'planning.unknownProduct', { productId });
      else if (seen.has(productId)) problem('productId', 'planning.duplicateProduct', { productId });
      seen.add(productId);
      const planYears = years.map((year, i) => {
        const gmvFen = parseAmountFen(cell(cells, `gmv${i}`));
        const projects = wholeNumber(cell(cells, `projects${i}`));
        if (gmvFen === null || gmvFen < 0) problem(`gmv${i}`, 'planning.gmv', { year, value: normalizeText(cell(cells, `gmv${i}`)) });
        if (projects === null) problem(`projects${i}`, 'planning.projects', { year, value: normalizeText(cell(cells, `projects${i}`)) });
        return { year, gmvFen, projects };
      });
      plans.push({ productId, productName: known.get(productId) ?? normalizeText(cell(cells, 'productName')), years: planYears });
    }
    return problems.length > 0 ? { plans: [], problems } : { plans, problems };
  });
}

function requiredColumns(years: readonly number[]): string[] {
  return ['productId', ...years.flatMap((_, i) => [`gmv${i}`, `projects${i}`])];
}

function wholeNumber(value: unknown): number | null {
  const text = normalizeText(value).replace(/,/g, '');
  return /^\d+$/.test(text) && Number(text) <= 1_000_000 ? Number(text) : null;
}
