import type { Page } from '@playwright/test';
import { sectionKeys } from '../../renderer/app/sections';
import { expect, test } from './web-host-fixture';

/**
 * Every page as an operations person sees it, in Chinese, at a small laptop window and a common one:
 * the window never scrolls (the status bar and the last menu item stay in view), and no visible text
 * is English, an ISO timestamp or a raw epoch number. Each page is photographed at both sizes.
 */
const SIZES = [
  { name: '1024x640', width: 1024, height: 640 },
  { name: '1440x900', width: 1440, height: 900 },
] as const;

/** Words that may show in Latin letters: product and company names, formats, and codes shown beside their meaning. */
const ALLOWED = new Set(
  [
    'KooGallery',
    'Huawei',
    'Excel',
    'CSV',
    'UTF',
    'XLSX',
    'xlsx',
    'csv',
    'JSON',
    'Lines',
    'jsonl',
    'ndjson',
    'SKU',
    'SLA',
    'AK',
    'SK',
    'ID',
    'Key',
    'License',
    'HTTP',
    'SHA',
    'ts',
    'nonce',
    'Agents',
    'UTC',
    'GMT',
    'Asia',
    'Shanghai',
    'Hong_Kong',
    'Singapore',
    'Europe',
    'Berlin',
    'America',
    'New_York',
    'MKT',
    'APIGW',
    'English',
    'npm',
    'run',
    'web',
    'usage',
    'mkt',
    'myhuaweicloud',
    'com',
    'intl',
    'http',
    'Users',
    'me',
    'Downloads',
    'imported',
    'refused',
    'exports',
    // in the sandbox's product names (天枢OCR 文字识别 API, 安盾LNMP 运行环境, 天枢CRM 客户管理) and 商业规划 (GMV)
    'API',
    'OCR',
    'LNMP',
    'CRM',
    'GMV',
    'PDF',
    // Seller Center's own terms on 商品上架检查: the access type SaaS and 联营Kit对接
    'SaaS',
    'Kit',
  ].map((w) => w.toLowerCase()),
);

async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || !node.textContent?.trim()) continue;
      if (element.closest('[translate="no"]')) continue; // keys and ids: data, not words
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      if (style.visibility === 'hidden' || style.display === 'none' || box.width === 0 || box.height === 0) continue;
      if (box.bottom < 0 || box.top > innerHeight || box.right < 0 || box.left > innerWidth) continue;
      texts.push(node.textContent.trim());
    }
    // the data folder's path and the sandbox's address are the machine's, not words
    return texts.join('\n');
  });
}

/** What a Chinese page must not show: English words, ISO timestamps, epoch numbers. */
function problemsIn(text: string, dataDir: string): string[] {
  const cleaned = text.replaceAll(dataDir, '').replace(/https?:\/\/[^\s）)]+/g, '');
  const problems: string[] = [];
  for (const iso of cleaned.match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\d{8}T\d{6}Z/g) ?? []) problems.push(`ISO timestamp: ${iso}`);
  for (const epoch of cleaned.match(/(?<![\d.,])1[6-9]\d{11}(?![\d.])/g) ?? []) problems.push(`epoch number: ${epoch}`);
  // ids such as CS2611240915ABCDE, TK…, TD…, instance ids and hashes are data, not English
  const words = cleaned.replace(/\b[A-Za-z0-9_]*\d[A-Za-z0-9_-]*\b/g, ' ').match(/[A-Za-z][A-Za-z_]{1,}/g) ?? [];
  for (const word of words) if (!ALLOWED.has(word.toLowerCase())) problems.push(`English word: ${word}`);
  return [...new Set(problems)];
}

async function expectWindowFits(page: Page): Promise<void> {
  const fit = await page.evaluate(() => ({
    documentHeight: document.documentElement.scrollHeight,
    documentWidth: document.documentElement.scrollWidth,
    windowHeight: innerHeight,
    windowWidth: innerWidth,
    statusBar: document.querySelector('[data-testid="status-bar"]')?.getBoundingClientRect().toJSON() as DOMRect | undefined,
    statusBarScrollHeight: document.querySelector('[data-testid="status-bar"]')?.scrollHeight,
  }));
  expect(fit.documentHeight, 'the page itself must not scroll').toBe(fit.windowHeight);
  expect(fit.documentWidth, 'the page itself must not scroll sideways').toBe(fit.windowWidth);
  expect(fit.statusBar!.bottom, 'the status bar is inside the window').toBeLessThanOrEqual(fit.windowHeight);
  expect(fit.statusBarScrollHeight, 'the status bar does not wrap').toBeLessThanOrEqual(Math.ceil(fit.statusBar!.height));
}

test.describe.configure({ timeout: 360_000 });

test('every page in Chinese fits the window and shows no English, ISO times or epoch numbers', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  await page.getByTestId('sync-all').click();
  await expect(page.locator('.ant-message')).toContainText('同步完成', { timeout: 90_000 }); // idle may read before it starts
  await expect(page.getByTestId('status-sync')).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });
  const problems: string[] = [];
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const key of sectionKeys) {
      await page.goto(`${webApp.url}#/${key}`);
      await expect(page.getByTestId(`page-${key}`)).toBeVisible();
      await page.waitForLoadState('networkidle');
      await expectWindowFits(page);
      problems.push(...problemsIn(await visibleText(page), webApp.dataDir).map((p) => `${key} @ ${size.name}: ${p}`));
      await page.screenshot({ path: `test-results/screenshots/${key}-${size.name}.png` });
    }
  }
  expect(problems).toEqual([]);
});
