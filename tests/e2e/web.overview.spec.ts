import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { formatFen } from '../../renderer/app/format-money';
import { expect, test } from './web-host-fixture';

/** 商家总览 and 云商店订单交易额/订单数 in Chinese, after the sandbox is synced (issue 14). */
async function call<T>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([m, i]) =>
      ((await (await fetch('/api/call', { method: 'POST', body: JSON.stringify({ method: m, input: i }) })).json()) as { value: unknown }).value,
    [method, input] as const,
  ) as Promise<T>;
}

/** How many pixels of a chart's canvas are drawn (not transparent). */
async function drawnPixels(page: Page, testId: string): Promise<number> {
  return page
    .getByTestId(testId)
    .locator('canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let drawn = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) drawn++;
      return drawn;
    });
}

test('商家总览: the seller, both charts drawn, the Key shown and hidden, and a to-do that opens 待我处理', async ({ page, webApp }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(webApp.url);
  await expect(page.getByTestId('first-steps')).toBeVisible(); // before anything is synced
  await page.getByTestId('sync-all').click();
  await expect(page.locator('.ant-message')).toContainText('同步完成', { timeout: 90_000 }); // idle may read before it starts
  await expect(page.getByTestId('status-sync')).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });
  await expect(page.getByTestId('first-steps')).toHaveCount(0);

  const overview = await call<{ seller: { name: string; keyMasked: string }; months: { amountFen: number }[] }>(page, 'overview.get', {});
  await expect(page.getByTestId('seller-name')).toHaveText(overview.seller.name);
  await expect(page.getByTestId('seller-card')).toContainText('已认证');
  await expect.poll(() => drawnPixels(page, 'chart-sales')).toBeGreaterThan(2000);
  await expect.poll(() => drawnPixels(page, 'chart-traffic')).toBeGreaterThan(2000);
  const thisMonth = page.getByTestId('months-table').locator('tbody tr').last();
  await expect(thisMonth).toContainText(formatFen(overview.months.at(-1)!.amountFen));

  const key = page.getByTestId('seller-key');
  await expect(key).toHaveText(overview.seller.keyMasked);
  await page.getByTestId('seller-key-reveal').click();
  await expect(key).toHaveAttribute('data-revealed', 'true');
  const full = await key.innerText();
  expect(full.length).toBeGreaterThan(8);
  expect(full.slice(0, 4) + full.slice(-4)).toBe(overview.seller.keyMasked.slice(0, 4) + overview.seller.keyMasked.slice(-4));
  await page.getByTestId('seller-key-hide').click();
  await expect(key).toHaveText(overview.seller.keyMasked);
  await page.screenshot({ path: 'test-results/screenshots/overview-zh-CN.png', fullPage: true });

  const waiting = page.getByTestId('todo-tickets.waiting');
  expect(Number(await waiting.getAttribute('data-count'))).toBeGreaterThan(0);
  await waiting.click();
  await expect(page.getByTestId('page-tickets')).toBeVisible();
  await expect(page.getByTestId('ticket-tabs').getByRole('tab', { name: '待我处理' })).toHaveAttribute('aria-selected', 'true');
  const count = await call<number>(page, 'overview.get', {}).then(
    (o) => (o as unknown as { todos: { key: string; count: number }[] }).todos.find((t) => t.key === 'tickets.waiting')!.count,
  );
  await expect(page.getByTestId('tickets-table-count')).toHaveText(`共 ${count.toLocaleString()} 行`);
});

test('云商店订单交易额/订单数: a quarter printed to PDF says the period and the total', async ({ page, webApp }) => {
  test.skip(spawnSync('pdftotext', ['-v']).error !== undefined, 'pdftotext (poppler-utils) is not installed, so the PDF cannot be read back');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(webApp.url);
  await page.getByTestId('sync-all').click();
  await expect(page.locator('.ant-message')).toContainText('同步完成', { timeout: 90_000 }); // idle may read before it starts
  await expect(page.getByTestId('status-sync')).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });
  await page.getByTestId('nav-storeFigures').click();
  const report = await call<{ period: { from: string; to: string }; totals: { orderAmountFen: number; paidOrders: number } }>(page, 'reports.storeFigures', {
    period: { kind: 'quarter', year: 2026, quarter: 4 },
  });
  expect(report.totals.paidOrders).toBeGreaterThan(10);
  await page.getByTestId('period-quarter').click();
  await page.getByTestId('period-quarter').fill('2026-Q4');
  await page.getByTestId('period-quarter').press('Enter');
  await expect(page.getByTestId('report-period')).toContainText('2026年第4季度（2026-10-01 至 2026-12-31）');
  await expect(page.getByTestId('total-order-amount')).toContainText(formatFen(report.totals.orderAmountFen));
  await page.screenshot({ path: 'test-results/screenshots/store-figures-zh-CN.png', fullPage: true });

  const pdf = path.join(webApp.dataDir, 'store-figures.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8');
  expect(text).toContain('2026-10-01 至 2026-12-31');
  expect(text).toContain(formatFen(report.totals.orderAmountFen));
  expect(text).toContain('统计口径');
  expect(text).not.toContain('全部同步'); // the app's frame is not printed
  fs.copyFileSync(pdf, 'test-results/screenshots/store-figures-zh-CN.pdf');
});
