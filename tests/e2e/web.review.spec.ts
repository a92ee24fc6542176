import { expect, test, type WebApp } from './web-host-fixture';
import type { Page } from '@playwright/test';

async function call<T>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([m, i]) => {
      const response = await fetch('/api/call', { method: 'POST', body: JSON.stringify({ method: m, input: i }) });
      return ((await response.json()) as { value: unknown }).value;
    },
    [method, input] as const,
  ) as Promise<T>;
}

async function syncSection(page: Page, webApp: WebApp, section: string, resource: string) {
  await page.goto(webApp.url);
  await page.getByTestId(`nav-${section}`).click();
  await page.getByTestId(`sync-${resource}`).click();
  await expect
    .poll(async () => (await call<{ sync: { state: string; resources: { resource: string; lastSyncedAt: number | null }[] } }>(page, 'status.get', {})).sync, {
      timeout: 170_000,
    })
    .toMatchObject({ state: 'idle', resources: expect.arrayContaining([expect.objectContaining({ resource, lastSyncedAt: expect.any(Number) })]) });
  await expect(page.getByTestId(`sync-${resource}`)).toBeVisible();
}

test('订单列表: sync, filter by status and date, search in Chinese, open the drawer', async ({ page, webApp }) => {
  await syncSection(page, webApp, 'orders', 'orders');
  const table = page.getByTestId('orders-table');
  await expect(page.getByTestId('orders-table-count')).toContainText(/共 [\d,]+ 行/);

  await page.getByTestId('orders-status').click();
  await page.getByTitle('已完成', { exact: true }).click();
  await page.getByTestId('orders-filters-query').click();
  await expect(table.locator('[data-row-index="0"]')).toContainText('已完成');
  for (const row of await table.locator('[data-row-index]').all()) await expect(row).toContainText('已完成');

  const picker = page.getByTestId('page-orders').locator('.ant-picker-range');
  await picker.locator('input').first().click();
  await picker.locator('input').first().fill('2026-01-01');
  await picker.locator('input').nth(1).fill('2026-06-30');
  await picker.locator('input').nth(1).press('Enter');
  await page.getByTestId('orders-filters-query').click();
  const created = table.locator('[data-row-index="0"] .big-table-cell').nth(3);
  await expect(created).toHaveText(/^2026-0[1-6]-/);

  const customer = await table.locator('[data-row-index="0"] .big-table-cell').nth(4).innerText();
  const term = [...customer].slice(2, 5).join('');
  await page.getByPlaceholder('订单号 / 客户名称 / 用户名 / 商品名称').fill(term);
  await page.getByPlaceholder('订单号 / 客户名称 / 用户名 / 商品名称').press('Enter');
  await expect(table.locator('[data-row-index="0"]')).toContainText(term);
  for (const row of await table.locator('[data-row-index]').all()) await expect(row).toContainText(term);

  await table.locator('[data-row-index="0"]').click();
  await expect(page.getByTestId('order-drawer')).toContainText('订单详情');
  await expect(page.getByTestId('order-drawer')).toContainText('-000001');
  await page.screenshot({ path: 'test-results/screenshots/orders-zh-CN.png' });
});

test.describe('1,000,000 transaction details', () => {
  test.use({ sandboxSize: 'large' });
  test.setTimeout(300_000);

  test('交易明细: scroll to the last of a million rows and read its order number', async ({ page, webApp }) => {
    await syncSection(page, webApp, 'transactions', 'transaction_details');
    const { count } = await call<{ count: number }>(page, 'transactionDetails.count', {});
    expect(count).toBeGreaterThan(990_000);
    await expect(page.getByTestId('details-table-count')).toContainText(count.toLocaleString());
    await expect(page.getByTestId('details-complete-through')).toContainText('交易明细已完整同步至');

    await page.getByTestId('details-table-scroller').evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    const lastRow = page.getByTestId('details-table').locator(`[data-row-index="${count - 1}"]`);
    await expect(lastRow.getByTestId('detail-order-id')).toBeVisible();
    const shown = await lastRow.getByTestId('detail-order-id').innerText();
    const { rows } = await call<{ rows: { orderId: string }[] }>(page, 'transactionDetails.page', { limit: 1, offset: count - 1 });
    expect(shown).toBe(rows[0]!.orderId);
    await page.screenshot({ path: 'test-results/screenshots/transaction-details-zh-CN.png' });

    // a new filter starts at the top, with its own count
    await page.getByTestId('page-transactions').getByRole('tab', { name: '通用商品' }).click();
    const general = await call<{ count: number }>(page, 'transactionDetails.count', { filters: { productType: 'general' } });
    await expect(page.getByTestId('details-table-count')).toContainText(general.count.toLocaleString());
    const first = await call<{ rows: { orderId: string }[] }>(page, 'transactionDetails.page', { filters: { productType: 'general' }, limit: 1 });
    await expect(page.getByTestId('details-table').locator('[data-row-index="0"]').getByTestId('detail-order-id')).toHaveText(first.rows[0]!.orderId);
    expect(await page.getByTestId('details-table-scroller').evaluate((element) => element.scrollTop)).toBe(0);
  });
});

test('订单列表: import a Seller Center export by file, and see a bad one refused with its rows listed', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  await page.getByTestId('nav-orders').click();
  await page.getByTestId('import-orders').click();
  const csv = [
    '云商店订单导出',
    '订单号,客户名称,用户名,商品名称,订单状态,订单金额,创建时间',
    'CS2611240100AAAAA,杭州星河信息技术有限公司,hw1,智云财务管理系统,已完成,"¥1,234.56",2026-11-24 09:05',
    'CS2611240200BBBBB,上海云帆网络科技有限公司,hw2,OCR 文字识别 API,处理中,99.5,2026-11-23 10:00',
    '合计,,,,,"¥1,334.06",',
  ].join('\n');
  await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '订单导出.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + csv, 'utf8') });
  await expect(page.getByTestId('import-result')).toContainText('共 2 行，已导入 2 行');
  const bad = ['订单号,订单状态,创建时间', 'CS1,已发货,2026-11-24', 'CS2,已完成,2026-13-01'].join('\n');
  await page.locator('.ant-modal input[type=file]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
  await expect(page.getByTestId('import-result')).toContainText('文件有 2 处错误');
  await expect(page.getByTestId('import-result')).toContainText('已发货');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('orders-table-count')).toContainText('共 2 行');
});

test('账单管理: import a Seller Center bills export and filter by bill status', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  await page.getByTestId('nav-bills').click();
  await page.getByTestId('import-bills').click();
  const csv = [
    '账单列表',
    '账单编号,账期,商品类型,账单金额,结算金额,账单状态,出账时间',
    'BL2026100001,2026年10月,通用商品,"¥18,800.00","¥17,860.00",待开票,2026-11-07 09:00',
    'BL2026090001,2026/09,联营商品,520.50,,申付审核,2026-10-07',
  ].join('\n');
  await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '账单导出.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + csv, 'utf8') });
  await expect(page.getByTestId('import-result')).toContainText('共 2 行，已导入 2 行');
  await page.keyboard.press('Escape');
  const table = page.getByTestId('bills-table');
  await expect(page.getByTestId('bills-table-count')).toContainText('共 2 行');
  await expect(table.locator('[data-row-index="0"]')).toContainText('BL2026100001');
  await expect(table.locator('[data-row-index="0"]')).toContainText('¥18,800.00');
  await page.getByTestId('bills-status').click();
  await page.getByTitle('申付审核', { exact: true }).click();
  await page.getByTestId('bills-filters-query').click();
  await expect(page.getByTestId('bills-table-count')).toContainText('共 1 行');
  await expect(table.locator('[data-row-index="0"]')).toContainText('联营商品');
  await page.screenshot({ path: 'test-results/screenshots/bills-zh-CN.png' });
});

test('客户工单: reply to a ticket waiting on me, and it leaves 待我处理', async ({ page, webApp }) => {
  await syncSection(page, webApp, 'tickets', 'tickets');
  const table = page.getByTestId('tickets-table');
  const firstRow = table.locator('[data-row-index="0"]');
  const ticketId = await firstRow.locator('.big-table-cell').first().innerText();
  await firstRow.click();
  await page.getByTestId('ticket-reply-text').fill('您好，问题已处理，请重试。');
  await page.getByTestId('ticket-reply').click();
  await expect(table.locator('[data-row-index="0"] .big-table-cell').first()).not.toHaveText(ticketId);
  await page.screenshot({ path: 'test-results/screenshots/tickets-zh-CN.png' });
});

test('工单接待: fewer than 5 × 8 hours a week is refused, with the reason', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  await page.getByTestId('nav-tickets').click();
  await page.getByTestId('ticket-settings').click();
  await page.getByRole('checkbox', { name: '周五' }).uncheck();
  await page.getByTestId('save-reception').click();
  await expect(page.getByText('工单接待须每周至少 5 天、每天至少 8 小时（5×8）：当前只选了 4 天')).toBeVisible();
  await page.getByRole('checkbox', { name: '周五' }).check();
  await page.getByRole('checkbox', { name: '周六' }).check();
  await page.getByTestId('save-reception').click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  expect(
    await page.evaluate(
      async () =>
        (await (await fetch('/api/call', { method: 'POST', body: JSON.stringify({ method: 'tickets.receptionHours', input: {} }) })).json()).value.days,
    ),
  ).toEqual([1, 2, 3, 4, 5, 6]);
});
