import path from 'node:path';
import Database from 'better-sqlite3';
import { sectionKeys } from '../../renderer/app/sections';
import { enUS } from '../../renderer/i18n/en-US';
import { zhCN } from '../../renderer/i18n/zh-CN';
import { expect, test } from './web-host-fixture';

test('opens in Simplified Chinese with the Seller Center navigation', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('app-title')).toHaveText('华为云云商店 · 商家工作台');
  await expect(page.getByTestId('page-title')).toHaveText('商家总览');
  for (const name of ['订单列表', '交易明细', '话单管理', '客户工单', '服务监管', '商家优惠', '代金券', '商业规划', '消息接收管理', '注册Agents']) {
    await expect(page.getByTestId('navigation').getByText(name, { exact: true })).toBeVisible();
  }
  await expect(page.getByTestId('sandbox-banner')).toContainText('沙箱市场');
});

test('every section is reachable from the navigation', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  for (const key of sectionKeys) {
    await page.getByTestId(`nav-${key}`).click();
    await expect(page.getByTestId('page-title')).toHaveText(zhCN.nav.sections[key]);
    await expect(page.getByTestId(`page-${key}`)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`#/${key}$`));
  }
  await page.reload();
  await expect(page.getByTestId('page-settings')).toBeVisible();
  // 版本与更新: the version, and browser mode says it does not update itself
  const updates = page.getByTestId('app-update-card');
  await expect(updates).toHaveAttribute('data-state', 'browser');
  await expect(updates.getByTestId('app-version')).toHaveText(/^\d+\.\d+\.\d+/);
  await expect(updates.getByTestId('app-update-state')).toHaveText(zhCN.updates.states.browser);
  await updates.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/settings-updates-zh-CN.png' });
});

test('switches to English and back, and remembers the choice', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('app-title')).toHaveText(enUS.app.title);
  await expect(page.getByTestId('page-title')).toHaveText(enUS.nav.sections.overview);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
  await expect(page.getByTestId('navigation').getByText('Orders', { exact: true })).toBeVisible();
  await expect(page.getByTestId('status-connectivity')).toContainText('Online');

  await page.reload();
  await expect(page.getByTestId('page-title')).toHaveText('Overview');

  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('page-title')).toHaveText('商家总览');
  await expect(page.getByTestId('status-connectivity')).toContainText('在线');
});

test('the status bar shows values read from the core', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  const status = await page.evaluate(async () => {
    const response = await fetch('/api/call', { method: 'POST', body: JSON.stringify({ method: 'status.get', input: {} }) });
    return (await response.json()) as { ok: true; value: { dataSource: { kind: string; baseUrl: string } } };
  });
  expect(status.ok).toBe(true);
  await expect(page.getByTestId('status-data-source')).toHaveAttribute('data-kind', 'sandbox');
  await page.getByTestId('status-data-source').hover();
  await expect(page.getByRole('tooltip')).toContainText(status.value.dataSource.baseUrl);
  await expect(page.getByTestId('status-connectivity')).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('status-sync')).toContainText('从未同步');
  await expect(page.getByTestId('status-usage-queue')).toContainText('0 条待发送 · 0 条发送中');

  queueUsageRecords(webApp.dataDir);
  await page.reload();
  await expect(page.getByTestId('status-usage-queue')).toContainText('3 条待发送 · 1 条发送中');
  await expect(page.getByTestId('status-usage-queue')).toContainText('1 条已超出上报窗口');
  await page.screenshot({ path: 'test-results/screenshots/browser-mode-zh-CN.png', fullPage: true });
});

test('choosing the real API without credentials keeps the sandbox and says why', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('capabilities')).toContainText('话单推送');
  await expect(page.getByTestId('credentials-card')).toContainText('未配置');
  await page.getByText('KooGallery 云商店（真实接口）').click();
  await expect(page.getByTestId('sandbox-banner')).toContainText('未保存密钥');
  await expect(page.getByTestId('sandbox-banner')).toHaveAttribute('data-reason', 'no-credentials');
  await expect(page.getByTestId('status-data-source')).toHaveAttribute('data-kind', 'sandbox');
  await page.screenshot({ path: 'test-results/screenshots/settings-zh-CN.png', fullPage: true });
});

test('a browser without the printed token is refused', async ({ browser, webApp }) => {
  const stranger = await browser.newContext();
  const response = await stranger.request.get(webApp.origin + '/');
  expect(response.status()).toBe(401);
  const call = await stranger.request.post(webApp.origin + '/api/call', { data: { method: 'settings.get', input: {} } });
  expect(call.status()).toBe(401);
  await stranger.close();
});

/** Writes usage records straight into the app's SQLite file, as the outbox will: 3 queued (1 past its window), 1 sending. */
function queueUsageRecords(dataDir: string): void {
  const db = new Database(path.join(dataDir, 'seller-desk.sqlite'));
  const now = Date.now();
  const insert = db.prepare(
    `INSERT INTO usage_records (metering_sn, instance_id, begin_at, end_at, recorded_at, usage_value, billing_cycle, state,
       window_opens_at, window_closes_at, created_at, updated_at)
     VALUES (?, 'e2e-instance', ?, ?, ?, '1.5', 'hourly', ?, ?, ?, ?, ?)`,
  );
  const rows: [string, number][] = [
    ['queued', -60],
    ['queued', 45],
    ['queued', 50],
    ['sending', 55],
  ];
  rows.forEach(([state, closesInMinutes], i) => {
    const begin = now - (i + 2) * 3_600_000;
    insert.run(`e2e-${i}`, begin, begin + 3_600_000, now, state, now, now + closesInMinutes * 60_000, now, now);
  });
  db.close();
}
