import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Document, Packer, Paragraph } from 'docx';
import { expect, test } from './web-host-fixture';

/**
 * 注册Agents, 商品上架检查 and 消息接收管理 in Chinese: the backend checker against a test backend on
 * 127.0.0.1 (usage nested in `data` fails at usage位置, naming where it is; a correct answer passes),
 * the region rule, the listing matrix with a user guide missing its login section, and a message
 * category without receivers saying where its messages go instead.
 */

const USAGE = { prompt_tokens: 12, completion_tokens: 30, total_tokens: 42 };

/** The seller's backend: /nested answers usage inside `data` (no top-level usage); /ok answers it right. */
async function startBackend(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const answer =
        request.url === '/ok'
          ? { id: 'chat-1', choices: [{ message: { role: 'assistant', content: '你好' } }], usage: USAGE }
          : { id: 'chat-1', data: { choices: [{ message: { role: 'assistant', content: '你好' } }], usage: USAGE } };
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test.describe.configure({ timeout: 240_000 });

test('注册Agents checks a backend, 商品上架检查 reports a missing guide item, 消息接收管理 says where messages go without receivers', async ({
  page,
  webApp,
}) => {
  const backend = await startBackend();
  try {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(webApp.url);
    await page.getByTestId('sync-all').click();
    await expect(page.getByTestId('status-sync')).toHaveAttribute('data-state', 'idle', { timeout: 90_000 });

    // ── 注册Agents: the checker, no registration needed ──
    await page.getByTestId('nav-agents').click();
    await expect(page.getByTestId('page-agents')).toBeVisible();
    await expect(page.getByTestId('agents-region-rule')).toContainText('目前华为云云商店的Agents网关默认在华北-北京四,其他区域暂不支持');
    await expect(page.getByTestId('agents-empty')).toBeVisible();
    const checker = page.getByTestId('agents-checker');
    await checker.getByTestId('agents-check-url').fill(`${backend.url}/nested`);
    await checker.getByTestId('agents-check-body').fill(JSON.stringify({ messages: [{ role: 'user', content: '你好' }] }));
    await checker.getByTestId('agents-check-run').click();
    const result = checker.getByTestId('agents-check-result');
    await expect(result).toHaveAttribute('data-passed', 'false', { timeout: 35_000 });
    await expect(result).toHaveAttribute('data-failed', 'usage');
    await expect(checker.getByTestId('agents-check-verdict')).toContainText('检查未通过：usage位置');
    for (const name of ['answer', 'status', 'format', 'json'])
      await expect(checker.getByTestId(`agents-check-${name}`)).toHaveAttribute('data-state', 'passed');
    const usage = checker.getByTestId('agents-check-usage');
    await expect(usage).toHaveAttribute('data-state', 'failed');
    await expect(usage).toContainText('usage 位于 data.usage：网关只读取顶层的 usage');
    await expect(usage).toContainText('顶层的 usage 对象');
    await expect(checker.getByTestId('agents-check-usage-actual')).toHaveText('data.usage');
    await expect(checker.getByTestId('agents-check-tokens')).toHaveAttribute('data-state', 'not-run');
    await expect(checker.getByTestId('agents-answer-status')).toHaveText('200');
    await expect(checker.getByTestId('agents-answer-body')).toContainText('"data"');
    await page.screenshot({ path: 'test-results/screenshots/agents-zh-CN.png' });
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.screenshot({ path: 'test-results/screenshots/agents-zh-CN-1024x640.png' });
    await page.setViewportSize({ width: 1440, height: 900 });

    // a correct answer passes every check
    await checker.getByTestId('agents-check-url').fill(`${backend.url}/ok`);
    await checker.getByTestId('agents-check-run').click();
    await expect(result).toHaveAttribute('data-passed', 'true', { timeout: 35_000 });
    await expect(checker.getByTestId('agents-check-verdict')).toContainText('检查通过');
    for (const name of ['answer', 'status', 'format', 'json', 'usage', 'tokens', 'total'])
      await expect(checker.getByTestId(`agents-check-${name}`)).toHaveAttribute('data-state', 'passed');

    // registering: another region shows the rule at once and the core refuses it too
    await page.getByTestId('agents-register').click();
    const dialog = page.getByTestId('agents-register-dialog');
    await dialog.getByTestId('agents-form-product-name').fill('天枢OCR 文字识别 API');
    await dialog.getByTestId('agents-form-backend-url').fill(`${backend.url}/ok`);
    await dialog.getByTestId('agents-form-region').click();
    await page.getByTitle('华东-上海一', { exact: true }).click();
    await expect(dialog.getByTestId('agents-region-refused')).toContainText('目前华为云云商店的Agents网关默认在华北-北京四,其他区域暂不支持');
    await page.getByTestId('agents-register-submit').click();
    await expect(dialog.getByTestId('agents-register-error')).toContainText('目前华为云云商店的Agents网关默认在华北-北京四,其他区域暂不支持');
    await dialog.getByTestId('agents-form-region').click();
    await page.getByTitle('华北-北京四', { exact: true }).click();
    await expect(dialog.getByTestId('agents-region-refused')).toHaveCount(0);
    await page.getByTestId('agents-register-submit').click();
    const drawer = page.getByTestId('agents-drawer');
    // the embedded sandbox takes registrations: sent at once, registered there
    await expect(drawer.getByTestId('agents-state')).toHaveAttribute('data-state', 'registered');
    await expect(drawer.getByTestId('sales-history')).toContainText('已送达：注册');
    await drawer.getByTestId('sales-history').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screenshots/agents-registered-zh-CN.png' });
    await expect(drawer.getByTestId('sales-sheet-menu')).toContainText('注册Agents');
    await drawer.getByTestId('agents-drawer-check').click();
    await expect(drawer.getByTestId('agents-history-0')).toHaveAttribute('data-passed', 'true', { timeout: 35_000 });
    await drawer.locator('.ant-drawer-close').click();
    await expect(page.getByTestId('agents-last-check')).toHaveAttribute('data-passed', 'true');

    // ── 商品上架检查: the matrix as the seed's table, a guide missing how to log in ──
    await page.getByTestId('nav-listing').click();
    await expect(page.getByTestId('page-listing')).toBeVisible();
    const matrix = page.getByTestId('listing-matrix');
    const applies = async (kind: string) =>
      matrix.locator(`tr[data-kind="${kind}"] [data-applies]`).evaluateAll((cells) => cells.map((c) => c.getAttribute('data-applies') === 'true'));
    expect(await applies('saas')).toEqual([true, true, false]);
    expect(await applies('license')).toEqual([true, true, true]);
    expect(await applies('professional_service')).toEqual([false, false, false]);
    expect(await applies('hardware')).toEqual([true, false, false]);
    const products = page.getByTestId('listing-products');
    await expect(products.locator('tbody tr').first()).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/listing-zh-CN.png' });

    await products.locator('tbody tr').first().click();
    const listingDrawer = page.getByTestId('listing-drawer');
    await expect(listingDrawer).toBeVisible();
    const guide = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('产品使用指南'), new Paragraph('使用步骤：在控制台创建任务，按向导操作，查看结果。')] }] }),
    );
    await listingDrawer.locator('input[type="file"]').setInputFiles({ name: '使用指南.docx', mimeType: 'application/octet-stream', buffer: guide });
    const checked = listingDrawer.getByTestId('listing-guide-result');
    await expect(checked).toHaveAttribute('data-passed', 'false', { timeout: 30_000 });
    await expect(checked.getByTestId('listing-item-login')).toHaveAttribute('data-state', 'missing');
    await expect(checked.getByTestId('listing-item-login')).toContainText('如何登录');
    await expect(checked.getByTestId('listing-item-use')).toHaveAttribute('data-state', 'covered');
    await listingDrawer.locator('input[type="file"]').setInputFiles({ name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
    await expect(listingDrawer.getByTestId('listing-guide-refused')).toContainText('使用指南只能是');
    await listingDrawer.locator('.ant-drawer-close').click();

    // ── 消息接收管理: a category without receivers says where its messages go ──
    await page.getByTestId('nav-receivers').click();
    await expect(page.getByTestId('page-receivers')).toBeVisible();
    await expect(page.getByTestId('receivers-fallback-901')).toHaveText('若商家未设置消息接收人,系统消息将自动发送至商家的华为云账号绑定的手机号及邮箱');
    await page.getByTestId('receivers-add-901').click();
    await page.getByTestId('receiver-name').fill('王五');
    await page.getByTestId('receiver-email').fill('wangwu@');
    await page.getByTestId('receiver-mobile').fill('12345');
    await page.getByTestId('receiver-submit').click();
    const receiverDialog = page.getByTestId('receiver-dialog');
    await expect(receiverDialog).toContainText('不是有效的邮箱地址');
    await expect(receiverDialog).toContainText('不是中国大陆手机号');
    await page.getByTestId('receiver-email').fill('wangwu@example.com');
    await page.getByTestId('receiver-mobile').fill('+86 139 1234 5678');
    await page.getByTestId('receiver-submit').click();
    await expect(receiverDialog).toHaveCount(0);
    const category = page.getByTestId('receivers-category-901');
    await expect(category).toHaveAttribute('data-count', '1');
    await expect(category).toHaveAttribute('data-pending', 'true');
    await expect(category.getByTestId('receivers-table-901')).toContainText('13912345678');
    await expect(page.getByTestId('receivers-fallback-901')).toHaveCount(0);
    // removed again: the fallback sentence is back in place
    await category.getByRole('button', { name: '删除' }).click();
    await page.getByTestId('receiver-remove-ok').click();
    await expect(page.getByTestId('receivers-fallback-901')).toHaveText('若商家未设置消息接收人,系统消息将自动发送至商家的华为云账号绑定的手机号及邮箱');
    await expect(category.getByTestId('receivers-sheet-901')).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/receivers-zh-CN.png' });

    // ── 设置 › 通知 ──
    await page.getByTestId('nav-settings').click();
    const notices = page.getByTestId('notices-card');
    await expect(notices).toContainText('客户工单待处理');
    const ticketsOs = notices.getByTestId('notice-tickets.waiting-os');
    await expect(ticketsOs).toBeEnabled();
    await notices.getByTestId('notice-tickets.waiting-enabled').click();
    await expect(ticketsOs).toBeDisabled();
  } finally {
    await backend.close();
  }
});
