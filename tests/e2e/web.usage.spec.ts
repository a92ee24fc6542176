import { expect, test } from './web-host-fixture';

test.use({ clockStart: '2026-11-24T06:06:00Z' });

test('imports a usage file on 话单管理 and sees its window turn on time', async ({ page, webApp, request }) => {
  await page.goto(webApp.url);
  const sandboxUrl = await page.evaluate(async () => {
    const response = await fetch('/api/call', { method: 'POST', body: JSON.stringify({ method: 'status.get', input: {} }) });
    return ((await response.json()) as { value: { dataSource: { baseUrl: string } } }).value.dataSource.baseUrl;
  });
  const { instances } = (await (await request.get(`${sandboxUrl}/sandbox/instances`)).json()) as { instances: { instance_id: string }[] };
  const lines = ['实例ID,开始时间,结束时间,使用量', ...instances.slice(0, 30).map((i, n) => `${i.instance_id},20261124T050000Z,20261124T055959Z,${n + 1}.5`)];

  await page.getByTestId('nav-usage').click();
  await expect(page.getByTestId('page-usage')).toBeVisible();
  await page.getByRole('tab', { name: '导入文件' }).click();
  await page
    .locator('input[type=file][accept*=jsonl]')
    .setInputFiles({ name: '话单.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + lines.join('\n'), 'utf8') });
  await expect(page.getByTestId('usage-import-result')).toContainText('共 30 行，已加入队列 30 条');

  await page.getByRole('tab', { name: '上报窗口' }).click();
  const windowRow = page.getByTestId(`usage-window-${Date.parse('2026-11-24T06:00:00Z')}`);
  await expect(windowRow).toBeVisible();
  await expect(windowRow.getByTestId('usage-on-time-ratio')).toHaveText('100.0%', { timeout: 15_000 });
  await expect(page.getByTestId('status-usage-queue')).toContainText('0 条待发送');
  const ledger = (await (await request.get(`${sandboxUrl}/sandbox/ledger`)).json()) as { count: number };
  expect(ledger.count).toBe(30);
  await page.screenshot({ path: 'test-results/screenshots/usage-zh-CN.png', fullPage: true });

  await page.getByRole('tab', { name: '导入文件' }).click();
  const bad = [
    lines[0],
    `${instances[0]!.instance_id},20261124T050000Z,20261124T055959Z,-1`,
    `${instances[1]!.instance_id},2026-11-24,20261124T055959Z,2`,
  ].join('\n');
  await page.locator('input[type=file][accept*=jsonl]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
  await expect(page.getByTestId('usage-import-result')).toContainText('文件有 2 处错误，已整体拒绝');
  await expect(page.getByTestId('usage-problems')).toContainText('使用量'); // the file's own column header
  await expect(page.getByTestId('usage-problems')).toContainText('开始时间');
});
