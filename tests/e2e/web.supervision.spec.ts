import type { Page } from '@playwright/test';
import { expect, test } from './web-host-fixture';

/** 服务监管 in Chinese after the sandbox is synced: 激活授权码 moves a flow on; 申诉 opens on its grounds. */
interface Flow {
  flowId: string;
  orderId: string;
  flowType: string;
  step: string;
  turn: string | null;
  licenseCode: string | null;
  appealGrounds: string[];
}

async function call<T>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([m, i]) =>
      ((await (await fetch('/api/call', { method: 'POST', body: JSON.stringify({ method: m, input: i }) })).json()) as { value: unknown }).value,
    [method, input] as const,
  ) as Promise<T>;
}

/** Every flow matching `filters`, read page by page. */
async function flows(page: Page, filters: Record<string, unknown>): Promise<Flow[]> {
  const all: Flow[] = [];
  let after: unknown = null;
  do {
    const result = await call<{ rows: Flow[]; next: unknown }>(page, 'supervision.page', { filters, limit: 500, after });
    all.push(...result.rows);
    after = result.next;
  } while (after);
  return all;
}

async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByTitle(option, { exact: true }).click();
}

test.describe.configure({ timeout: 150_000 });

test('服务监管: 激活授权码 on a flow waiting on the seller moves it on; 申诉 is open on a flow that has its grounds', async ({ page, webApp }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(webApp.url);
  await page.getByTestId('sync-all').click();
  // 全部同步 says when it has finished (the status bar may still read idle the moment it starts)
  await expect(page.locator('.ant-message')).toContainText('同步完成', { timeout: 90_000 });
  await expect(page.getByTestId('status-sync')).toHaveAttribute('data-state', 'idle', { timeout: 90_000 });
  await page.getByTestId('nav-supervision').click();
  await expect(page.getByTestId('page-supervision')).toBeVisible();
  await expect(page.getByTestId('supervision-table-count')).toContainText(/共 [\d,]+ 行/);
  await page.screenshot({ path: 'test-results/screenshots/supervision-list-zh-CN.png' });

  // waiting on the seller at 授权码激活, with a code to activate
  const waiting = await flows(page, { turn: 'seller', status: 'in_progress' });
  const activatable = waiting.filter((f) => f.step === 'license_activate' && f.licenseCode);
  expect(activatable.length).toBeGreaterThanOrEqual(3);
  const target = activatable[0]!;
  await choose(page, 'supervision-turn', '商家');
  await choose(page, 'supervision-status', '进行中');
  await page.getByTestId('supervision-filters-query').click();
  await expect(page.getByTestId('supervision-table-count')).toHaveText(`共 ${waiting.length.toLocaleString()} 行`);
  await page.getByTestId('supervision-order-id').fill(target.orderId);
  await page.getByTestId('supervision-filters-query').click();
  await expect(page.getByTestId('supervision-table-count')).toHaveText('共 1 行');
  const row = page.getByTestId('supervision-table').locator('[data-row-index="0"]');
  await expect(row).toContainText('授权码激活');
  await expect(row).toContainText('商家');
  await row.click();

  const drawer = page.getByTestId('supervision-drawer');
  await expect(drawer.getByTestId('supervision-current-step')).toHaveText('授权码激活');
  await expect(drawer.getByTestId('supervision-steps')).toContainText('授权码激活');
  await drawer.getByTestId('supervision-action-activate_license').click();
  await expect(page.getByTestId('license-code')).toHaveValue(target.licenseCode!);
  await page.getByTestId('license-submit').click();
  // a real round trip to the marketplace through the shared send job: its answer, or the dialog's error
  const answer = drawer.getByTestId('license-answer');
  const refused = page.getByTestId('license-error');
  await expect(answer.or(refused)).toBeVisible({ timeout: 20_000 });
  await expect(refused, 'the dialog shows an error instead of the marketplace answer').toHaveCount(0);
  await expect(answer).toHaveAttribute('data-code', '92020000');
  await expect(answer).toContainText('激活成功');
  await expect(answer).toContainText('已激活');
  const next = target.flowType === 'license_online_code' ? '上传交付凭证' : '华为云复核';
  await expect(drawer.getByTestId('supervision-current-step')).toHaveText(next);
  await expect(drawer.getByTestId('supervision-timeline')).toContainText('激活授权码');
  await expect(drawer.getByTestId('supervision-timeline')).toContainText(`流程进入“${next}”`);
  await expect(drawer).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: 'test-results/screenshots/supervision-activated-zh-CN.png' });
  await drawer.locator('.ant-drawer-close').click();
  await expect(drawer).toHaveCount(0);

  // 仅看可申诉: 申诉 enabled, with the condition that holds
  const appealable = await flows(page, { appealable: true });
  expect(appealable.length).toBeGreaterThan(0);
  await page.getByTestId('supervision-filters-reset').click();
  await page.getByTestId('supervision-appealable').check();
  await page.getByTestId('supervision-filters-query').click();
  await expect(page.getByTestId('supervision-table-count')).toHaveText(`共 ${appealable.length.toLocaleString()} 行`);
  const first = page.getByTestId('supervision-table').locator('[data-row-index="0"]');
  await expect(first).toContainText('可申诉');
  await first.click();
  await expect(drawer.getByTestId('supervision-action-appeal')).toBeEnabled();
  await expect(drawer.getByTestId('appeal-grounds')).toContainText(/客户处理已超过5天|驳回已超过3次/);
  await expect(drawer).toBeInViewport({ ratio: 1 }); // slid in
  await page.screenshot({ path: 'test-results/screenshots/supervision-zh-CN.png' });
  await page.setViewportSize({ width: 1024, height: 640 });
  await expect(drawer).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: 'test-results/screenshots/supervision-zh-CN-1024x640.png' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await drawer.locator('.ant-drawer-close').click();

  // the overview's to-do lands here with the same filter
  await page.getByTestId('nav-overview').click();
  const todo = page.getByTestId('todo-supervision.appealable');
  await expect(todo).toHaveAttribute('data-count', String(appealable.length));
  await todo.click();
  await expect(page.getByTestId('supervision-appealable')).toBeChecked();
  await expect(page.getByTestId('supervision-table-count')).toHaveText(`共 ${appealable.length.toLocaleString()} 行`);
});
