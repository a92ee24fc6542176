import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { formatFen } from '../../renderer/app/format-money';
import { expect, test, type WebApp } from './web-host-fixture';

/**
 * The pages as an operations person uses them (issue 13): a failing sync is seen and retried, errors
 * read in Chinese, a ticket is closed only after confirming, 待我处理 is worked by SLA, filtered
 * totals add up, and an empty table says what to do.
 */
async function sandboxUrl(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const response = await fetch('/api/call', { method: 'POST', body: JSON.stringify({ method: 'status.get', input: {} }) });
    return ((await response.json()) as { value: { dataSource: { baseUrl: string } } }).value.dataSource.baseUrl;
  });
}

async function setFaults(request: APIRequestContext, baseUrl: string, rates: Record<string, number>) {
  const response = await request.put(`${baseUrl}/sandbox/faults`, { data: { rates } });
  expect(response.ok()).toBe(true);
}

function database(webApp: WebApp) {
  return new Database(path.join(webApp.dataDir, 'seller-desk.sqlite'), { readonly: true });
}

async function syncAll(page: Page) {
  await page.getByTestId('sync-all').click();
  await expect(page.locator('.ant-message')).toContainText('同步完成', { timeout: 90_000 }); // idle may read before it starts
  await expect(page.getByTestId('status-sync')).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });
}

test('a sync against a failing marketplace shows 同步出错 with the reason, and recovers on retry', async ({ page, webApp, request }) => {
  await page.goto(webApp.url);
  const baseUrl = await sandboxUrl(page);
  await setFaults(request, baseUrl, { server_error: 1 });
  await page.getByTestId('nav-orders').click();
  await page.getByTestId('sync-orders').click();
  await expect(page.getByTestId('status-sync')).toHaveAttribute('data-state', 'error');
  await expect(page.getByTestId('status-sync-reason')).toContainText('订单：云商店服务异常：系统内部错误（MKT.0999），HTTP 50');
  await expect(page.getByTestId('status-connectivity')).toHaveAttribute('data-state', 'degraded');
  await expect(page.getByTestId('status-connectivity')).toContainText('服务异常');
  await expect(page.getByText('同步订单出错：云商店服务异常')).toBeVisible(); // the page's own message, not only the status bar
  await expect(page.getByTestId('status-sync')).not.toContainText('上次同步');
  await page.screenshot({ path: 'test-results/screenshots/sync-error-zh-CN.png' });

  await setFaults(request, baseUrl, {});
  await page.getByTestId('status-sync-retry').click();
  await expect(page.getByTestId('status-sync')).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });
  await expect(page.getByTestId('status-sync')).toContainText('上次同步');
  await expect(page.getByTestId('status-connectivity')).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('orders-table-count')).not.toContainText('共 0 行');
});

test.describe('话单 entered by hand', () => {
  test.use({ clockStart: '2026-11-24T06:06:00Z' });

  test('a bad value is refused in Chinese, naming the field, with no English and no pattern', async ({ page, webApp }) => {
    await page.goto(`${webApp.url}#/usage`);
    await page.getByRole('tab', { name: '录入话单' }).click();
    await page.getByTestId('usage-instance').locator('input').fill('inst-e2e-001');
    await page.getByTestId('usage-value').fill('-1');
    // the defaults are the last full hour in Beijing time, whose window is still open
    await expect(page.getByTestId('usage-window-note')).toContainText('上报窗口内送达云商店');
    await page.getByTestId('usage-submit').click();
    const problems = page.getByTestId('usage-problems');
    await expect(problems).toContainText('使用量');
    await expect(problems).toContainText('使用量应为大于 0、最多 4 位小数的数字，实际为“-1”');
    const text = await page.getByTestId('usage-capture-result').innerText();
    expect(text).not.toMatch(/[A-Za-z]{3,}/); // no English words, no field names such as usage_value
    expect(text).not.toMatch(/\\d|\^|\$\//); // no pattern
    await page.screenshot({ path: 'test-results/screenshots/usage-manual-zh-CN.png' });
  });

  test('a record whose window has closed is queued only after the seller confirms it will be late', async ({ page, webApp }) => {
    await page.goto(`${webApp.url}#/usage`);
    await page.getByRole('tab', { name: '录入话单' }).click();
    for (const [testId, time] of [
      ['usage-begin', '2026-11-24 10:00:00'],
      ['usage-end', '2026-11-24 10:59:59'],
    ] as const) {
      const input = page.getByTestId(testId);
      await input.click();
      await input.fill(time);
      await input.press('Enter');
    }
    await expect(page.getByTestId('usage-window-note')).toContainText('上报窗口 2026-11-24 11:00–11:15（北京时间）已关闭');
    await page.getByTestId('usage-instance').locator('input').fill('inst-e2e-002');
    await page.getByTestId('usage-value').fill('2.5');
    await page.getByTestId('usage-submit').click();
    await expect(page.getByRole('dialog')).toContainText('上报窗口已关闭');
    await page.getByRole('button', { name: '仍然加入队列' }).click();
    await expect(page.getByTestId('usage-capture-result')).toContainText('已加入队列：1 条');
    const db = database(webApp);
    const row = db.prepare('SELECT begin_at AS beginAt, end_at AS endAt FROM usage_records WHERE instance_id = ?').get('inst-e2e-002') as {
      beginAt: number;
      endAt: number;
    };
    db.close();
    // picked in Beijing time, stored and sent as UTC
    expect(row).toEqual({ beginAt: Date.parse('2026-11-24T02:00:00Z'), endAt: Date.parse('2026-11-24T02:59:59Z') });
  });
});

test('客户工单: 待我处理 is ordered by SLA, the conversation shows, and closing asks first', async ({ page, webApp }) => {
  await page.goto(`${webApp.url}#/tickets`);
  await syncAll(page);
  await page.getByTestId('sync-tickets').click(); // the page reloads its rows after its own sync
  await expect(page.getByTestId('status-sync')).toHaveAttribute('data-state', 'idle');
  const db = database(webApp);
  const bySla = db.prepare('SELECT ticket_id AS id FROM tickets WHERE waiting_on_me = 1 ORDER BY sla_due_at, ticket_id LIMIT 5').pluck().all() as string[];
  db.close();
  const table = page.getByTestId('tickets-table');
  for (const [i, id] of bySla.entries()) await expect(table.locator(`[data-row-index="${i}"] .big-table-cell`).first()).toHaveText(id);
  await expect(table.locator('[data-row-index="0"]')).toContainText('已超时');
  await expect(page.getByTestId('column-sla')).toHaveAttribute('aria-sort', 'ascending');

  await table.locator('[data-row-index="0"]').click();
  const drawer = page.getByTestId('ticket-drawer');
  await expect(drawer.getByTestId('ticket-description')).not.toBeEmpty();
  await expect(drawer.getByTestId('ticket-conversation').locator('li').first()).toHaveAttribute('data-author', 'customer');
  await page.screenshot({ path: 'test-results/screenshots/ticket-drawer-zh-CN.png' });

  await drawer.getByTestId('ticket-close').click();
  await expect(page.getByText('关闭此工单？')).toBeVisible();
  await page.getByRole('button', { name: /取\s*消/ }).click();
  await expect(drawer.getByTestId('ticket-close')).toBeVisible(); // still open: nothing was closed
  await drawer.getByTestId('ticket-close').click();
  await page.getByTestId('ticket-close-confirm').click();
  await expect(page.getByText('关闭已发送到云商店')).toBeVisible();
  await expect(drawer.getByTestId('ticket-conversation')).toContainText('卖家已关闭工单');
  await expect(drawer.getByTestId('ticket-close')).toHaveCount(0);
});

test('交易明细: a filtered view shows 合计 equal to the sum of its rows', async ({ page, webApp }) => {
  await page.goto(`${webApp.url}#/transactions`);
  await syncAll(page);
  await page.getByTestId('page-transactions').getByRole('tab', { name: '联营商品' }).click();
  await page.getByTestId('details-billing').click();
  await page.getByTitle('待出账', { exact: true }).click();
  await page.getByTestId('details-filters-query').click();
  const db = database(webApp);
  const expected = db
    .prepare(
      `SELECT COUNT(*) AS rows, SUM(amount_fen) AS amount, SUM(settlement_amount_fen) AS settlement FROM transaction_details
       WHERE product_type = 'joint_operation' AND billing_status = 'unbilled'`,
    )
    .get() as { rows: number; amount: number; settlement: number };
  // a detail whose order is in the cache (on-demand orders are not in Seller Center's order list, §4.4)
  const cachedOrder = db
    .prepare(
      `SELECT d.order_id FROM transaction_details d JOIN orders o ON o.order_id = d.order_id
       WHERE d.product_type = 'joint_operation' AND d.billing_status = 'unbilled' ORDER BY d.transaction_at DESC LIMIT 1`,
    )
    .pluck()
    .get() as string;
  db.close();
  expect(expected.rows).toBeGreaterThan(10);
  await expect(page.getByTestId('details-table-count')).toHaveText(`共 ${expected.rows.toLocaleString()} 行`);
  await expect(page.getByTestId('details-totals')).toHaveAttribute('data-amount-fen', String(expected.amount));
  await expect(page.getByTestId('details-totals')).toContainText(`交易金额 ${formatFen(expected.amount)}`);
  await expect(page.getByTestId('details-totals')).toContainText(`结算金额 ${formatFen(expected.settlement)}`);

  await page.getByTestId('details-order-id').fill(cachedOrder);
  await page.getByTestId('details-filters-query').click();
  await expect(page.getByTestId('details-table').locator('[data-row-index="0"]')).toContainText(cachedOrder);
  await page.getByTestId('details-table').locator('[data-row-index="0"]').click();
  await expect(page.getByTestId('detail-ops-ratio')).toHaveText(/^(\d+(\.\d+)?%|-)$/);
  await page.getByTestId('detail-open-order').click();
  await expect(page.getByTestId('order-drawer')).toContainText('订单类型');
});

test('an empty table offers its next step; a filter that matches nothing offers 清除筛选', async ({ page, webApp }) => {
  await page.goto(`${webApp.url}#/orders`);
  const empty = page.getByTestId('table-empty');
  await expect(empty).toHaveAttribute('data-kind', 'no-data');
  await expect(empty).toContainText('本地缓存中还没有订单列表');
  await page.getByTestId('sync-orders-empty').click();
  await expect(page.getByTestId('orders-table').locator('[data-row-index="0"]')).toBeVisible({ timeout: 30_000 });

  await page.getByPlaceholder('订单号 / 客户名称 / 用户名 / 商品名称').fill('不存在的客户名称');
  await page.getByTestId('orders-filters-query').click();
  await expect(empty).toHaveAttribute('data-kind', 'no-match');
  await expect(empty).toContainText('没有符合筛选条件的记录');
  await page.getByTestId('clear-filters').click();
  await expect(page.getByTestId('orders-table').locator('[data-row-index="0"]')).toBeVisible();
  await expect(page.getByPlaceholder('订单号 / 客户名称 / 用户名 / 商品名称')).toHaveValue('');
});
