import type { Locator, Page } from '@playwright/test';
import { expect, test } from './web-host-fixture';

/**
 * 销售管理 in Chinese after the sandbox is synced: a requirement accepted, converted and turned into an
 * offer with its provider's share; three 待填写 products planned at once (修改商业规划提交成功,请等待审批);
 * a 满减 voucher published for two on-sale products of one category.
 */
interface Requirement {
  requirementId: string;
  providerName: string;
  customerName: string;
  productName: string;
  state: string;
  expectedShare: number;
  maxShare: number;
  lapsesAt: number | null;
}
interface Plan {
  productId: string;
  productName: string;
  approval: string;
}
interface ProductChoice {
  productId: string;
  name: string;
  onSale: boolean;
}

async function call<T>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([m, i]) =>
      ((await (await fetch('/api/call', { method: 'POST', body: JSON.stringify({ method: m, input: i }) })).json()) as { value: unknown }).value,
    [method, input] as const,
  ) as Promise<T>;
}

async function rows<T>(page: Page, method: string, filters: Record<string, unknown>): Promise<T[]> {
  const all: T[] = [];
  let after: unknown = null;
  do {
    const result = await call<{ rows: T[]; next: unknown }>(page, method, { filters, limit: 500, after });
    all.push(...result.rows);
    after = result.next;
  } while (after);
  return all;
}

/** Picks options of an antd Select by their labels, in the dropdown it opens (a multiple select stays open). */
async function choose(page: Page, select: Locator, ...options: string[]): Promise<void> {
  await select.click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (const option of options) await dropdown.getByTitle(option, { exact: true }).click();
}

test.describe.configure({ timeout: 240_000 });

test('销售管理: requirement → offer with the provider’s share; three plans at once; a 满减 voucher for two products', async ({ page, webApp }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(webApp.url);
  await page.getByTestId('sync-all').click();
  // 全部同步 says when it has finished (the status bar may still read idle the moment it starts)
  await expect(page.locator('.ant-message')).toContainText('同步完成', { timeout: 90_000 });
  await expect(page.getByTestId('status-sync')).toHaveAttribute('data-state', 'idle', { timeout: 90_000 });

  // ── (a) 客户需求: 接收, 转化, 创建商家优惠 ─────────────────────────────────────────────
  await page.getByTestId('nav-offers').click();
  await expect(page.getByTestId('page-offers')).toBeVisible();
  await expect(page.getByTestId('requirements-table-count')).toContainText(/共 [\d,]+ 行/);
  const waiting = await rows<Requirement>(page, 'requirements.page', { state: 'to_accept' });
  expect(waiting.length).toBeGreaterThanOrEqual(2);
  const target = waiting[0]!;
  await choose(page, page.getByTestId('requirements-state'), '待接收');
  await page.getByTestId('requirements-filters-query').click();
  await expect(page.getByTestId('requirements-table-count')).toHaveText(`共 ${waiting.length} 行`);
  const row = page.getByTestId('requirements-table').locator('[data-row-index]').filter({ hasText: target.requirementId });
  await expect(row).toContainText('待接收');
  await expect(row.getByTestId('requirement-time-left')).toContainText(/^剩余 /);
  await page.screenshot({ path: 'test-results/screenshots/offers-requirements-zh-CN.png' });
  await row.click();

  const drawer = page.getByTestId('requirement-drawer');
  await expect(drawer.getByTestId('requirement-state')).toHaveAttribute('data-state', 'to_accept');
  await drawer.getByTestId('requirement-accept').click();
  await expect(drawer.getByTestId('requirement-state')).toHaveAttribute('data-state', 'accepted');
  await drawer.getByTestId('requirement-convert').click();
  await expect(drawer.getByTestId('requirement-state')).toHaveAttribute('data-state', 'converting');
  await expect(drawer.getByTestId('sales-history')).toContainText('商家');
  await drawer.getByTestId('requirement-create-offer').click();

  const form = page.getByTestId('offer-form');
  await expect(form.getByTestId('offer-form-provider')).toHaveText(target.providerName);
  const expected = `${+(target.expectedShare * 100).toFixed(2)}`;
  await expect(form.getByTestId('offer-form-share')).toHaveValue(new RegExp(`^${expected}(\\.0+)?$`));
  // within the maximum: the requirement's own maximum share
  const share = +(target.maxShare * 100).toFixed(2);
  await form.getByTestId('offer-form-share').fill(String(share));
  await form.getByTestId('offer-form-discount').fill('8.5');
  await form.getByTestId('offer-form-submit').click();
  await expect(form).toHaveCount(0);

  const offerDrawer = page.getByTestId('offer-drawer');
  await expect(offerDrawer.getByTestId('offer-fields')).toContainText(target.providerName);
  await expect(offerDrawer.getByTestId('offer-fields')).toContainText(`${share}%`);
  await expect(offerDrawer.getByTestId('offer-fields')).toContainText('8.5折');
  await expect(offerDrawer.getByTestId('offer-state')).toHaveAttribute('data-state', /submitted|accepted/);
  await offerDrawer.locator('.ant-drawer-close').click();
  await expect(offerDrawer).toHaveCount(0);
  // the requirement now says 已创建优惠, with its offer listed
  await expect(drawer.getByTestId('requirement-state')).toHaveAttribute('data-state', 'offer_created');
  await expect(drawer.getByTestId('requirement-offers')).toContainText(`${share}%`);
  await drawer.locator('.ant-drawer-close').click();
  await expect(drawer).toHaveCount(0);
  await page.getByTestId('requirements-filters-reset').click();
  await expect(page.getByTestId('requirements-table').locator('[data-row-index]').filter({ hasText: target.requirementId })).toContainText('已创建优惠');

  await page.getByTestId('tab-offers').click();
  const offerRow = page.getByTestId('offers-table').locator('[data-row-index="0"]');
  await expect(offerRow).toContainText(target.customerName);
  await expect(offerRow).toContainText(target.providerName);
  await expect(offerRow).toContainText(`${share}%`);
  await expect(offerRow).toContainText('8.5折');
  await expect(page.locator('html')).toHaveJSProperty('scrollHeight', 900);
  await page.screenshot({ path: 'test-results/screenshots/offers-zh-CN.png' });

  // ── (b) 商业规划设置: three 待填写 products at once ─────────────────────────────────────
  await page.getByTestId('nav-planning').click();
  await expect(page.getByTestId('page-planning')).toBeVisible();
  await expect(page.getByTestId('planning-table-count')).toContainText(/共 [\d,]+ 行/);
  const toFill = await rows<Plan>(page, 'planning.page', { approval: 'to_fill' });
  expect(toFill.length).toBeGreaterThanOrEqual(3);
  const planned = toFill.slice(0, 3);
  await page.getByTestId('plan-settings-open').click();
  const settings = page.getByTestId('plan-settings');
  await expect(settings).toContainText(`${toFill.length} 个商品待填写`);
  for (const [n, plan] of planned.entries()) {
    const panel = page.getByTestId(`plan-panel-${plan.productId}`);
    const header = settings.locator('.ant-collapse-header').filter({ has: panel });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    for (let y = 0; y < 3; y++) {
      await settings.getByTestId(`plan-gmv-${plan.productId}-${y}`).fill(String(100_000 * (n + 1) * (y + 1) + 0.5));
      await settings.getByTestId(`plan-projects-${plan.productId}-${y}`).fill(String(5 * (y + 1)));
    }
    await expect(panel).toContainText('已填写 3/3');
  }
  await page.screenshot({ path: 'test-results/screenshots/planning-settings-zh-CN.png' });
  await settings.getByTestId('plan-settings-ok').click();
  await expect(page.locator('.ant-message')).toContainText('修改商业规划提交成功,请等待审批');
  await expect(settings).toHaveCount(0);
  const planRows = page.getByTestId('planning-table');
  for (const plan of planned) {
    const planRow = planRows.locator('[data-row-index]').filter({ has: page.locator(`[data-product-id="${plan.productId}"]`) });
    await expect(planRow).toContainText(plan.productName);
    await expect(planRow).toContainText('待审批');
  }
  const pending = await rows<Plan>(page, 'planning.page', { approval: 'pending_approval' });
  for (const plan of planned) expect(pending.map((p) => p.productId)).toContain(plan.productId);
  await expect(page.locator('html')).toHaveJSProperty('scrollHeight', 900);
  await page.screenshot({ path: 'test-results/screenshots/planning-zh-CN.png' });
  // 导出: the plans as the file 导入 reads back, through the export dialog, with the filter in words
  await choose(page, page.getByTestId('planning-approval'), '待审批');
  await page.getByTestId('planning-filters-query').click();
  await expect(page.getByTestId('planning-table-count')).toHaveText(`共 ${pending.length} 行`);
  await page.getByTestId('export-planning').click();
  await expect(page.getByTestId('export-scope')).toContainText(`将导出 ${pending.length} 行`);
  await expect(page.getByTestId('export-filters')).toContainText('审批状态：待审批');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-scope')).toBeHidden();

  // ── (c) 发布代金券: 满减 for two on-sale products of one category ──────────────────────────
  const categories = [
    { code: 'general', label: '通用商品' },
    { code: 'joint_operation', label: '联营商品' },
  ];
  let category = categories[0]!;
  let products: ProductChoice[] = [];
  for (const candidate of categories) {
    products = await call<ProductChoice[]>(page, 'vouchers.products', { category: candidate.code });
    category = candidate;
    if (products.length >= 2) break;
  }
  expect(products.length).toBeGreaterThanOrEqual(2);
  await page.getByTestId('nav-vouchers').click();
  await expect(page.getByTestId('page-vouchers')).toBeVisible();
  await expect(page.getByTestId('vouchers-table-count')).toContainText(/共 [\d,]+ 行/);
  await page.getByTestId('voucher-create').click();
  const voucherForm = page.getByTestId('voucher-form');
  await expect(voucherForm.getByTestId('voucher-type-rule')).toHaveText('云商店当前仅支持满减券');
  const name = `端到端满500减50`;
  await voucherForm.getByTestId('voucher-form-name').fill(name);
  await voucherForm.getByTestId('voucher-form-threshold').fill('500');
  await voucherForm.getByTestId('voucher-form-discount').fill('50');
  await voucherForm.getByTestId('voucher-form-category').getByText(category.label, { exact: true }).click();
  const picker = voucherForm.getByTestId('voucher-form-products');
  await choose(page, picker, ...products.slice(0, 2).map((p) => p.name));
  // the dropdown stays open for more: a click elsewhere in the form closes it
  await voucherForm.locator('.ant-modal-title').click();
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
  await voucherForm.getByTestId('voucher-form-submit').click();
  await expect(voucherForm).toHaveCount(0);
  const voucherDrawer = page.getByTestId('voucher-drawer');
  await expect(voucherDrawer.getByTestId('voucher-fields')).toContainText('满500减50');
  for (const product of products.slice(0, 2)) await expect(voucherDrawer.getByTestId('voucher-scope')).toContainText(product.name);
  await voucherDrawer.locator('.ant-drawer-close').click();
  await expect(voucherDrawer).toHaveCount(0);
  const voucherRow = page.getByTestId('vouchers-table').locator('[data-row-index]').filter({ hasText: name });
  await expect(voucherRow).toContainText('满500减50');
  await expect(voucherRow).toContainText(category.label);
  for (const product of products.slice(0, 2)) await expect(voucherRow).toContainText(product.name);
  await expect(page.locator('html')).toHaveJSProperty('scrollHeight', 900);
  await page.screenshot({ path: 'test-results/screenshots/vouchers-zh-CN.png' });

  // 商家总览's to-do: the products still 待填写, a link to 商业规划 filtered to them
  await page.getByTestId('nav-overview').click();
  const todo = page.getByTestId('todo-planning.toFill');
  await expect(todo).toContainText('待填写商业规划的商品');
  await expect(todo).toHaveAttribute('data-count', String(toFill.length - planned.length));
  await todo.click();
  await expect(page.getByTestId('page-planning')).toBeVisible();
  await expect(page.getByTestId('planning-table-count')).toHaveText(`共 ${toFill.length - planned.length} 行`);

  // a small laptop window: the pages still fit, the tables scroll inside
  await page.setViewportSize({ width: 1024, height: 640 });
  for (const section of ['offers', 'vouchers', 'planning']) {
    // the narrow menu shows icons only: open the page by its address
    await page.goto(`${webApp.url}#/${section}`);
    await expect(page.getByTestId(`page-${section}`)).toBeVisible();
    await expect(page.getByTestId(section === 'offers' ? 'requirements-table-count' : `${section}-table-count`)).toContainText(/共 [\d,]+ 行/);
    await expect(page.locator('html')).toHaveJSProperty('scrollHeight', 640);
    await page.screenshot({ path: `test-results/screenshots/${section}-zh-CN-1024x640.png` });
  }
});
