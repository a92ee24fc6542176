import ExcelJS from 'exceljs';
import { expect, test } from './web-host-fixture';

test('交易明细: export the filtered view to Excel in browser mode and download it', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  await page.getByTestId('nav-transactions').click();
  await page.getByTestId('sync-transaction_details').click();
  await expect(page.getByTestId('sync-transaction_details')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('tab', { name: '联营商品' }).click();
  await expect(page.getByTestId('details-table').locator('[data-row-index="0"]')).toBeVisible();
  const shown = Number((await page.getByTestId('details-table-count').innerText()).replace(/[^\d]/g, ''));
  expect(shown).toBeGreaterThan(100);

  await page.getByTestId('export-transaction-details').click();
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-result')).toContainText(`已导出 ${shown.toLocaleString()} 行`);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-download').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^交易明细_\d{8}_\d{4}\.xlsx$/);
  await page.screenshot({ path: 'test-results/screenshots/export-zh-CN.png' });

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0]!;
  expect(sheet.rowCount - 1).toBe(shown);
  const types = new Set<unknown>();
  sheet.eachRow((row, n) => n > 1 && types.add(row.getCell(4).value));
  expect([...types]).toEqual(['联营商品']);
});
