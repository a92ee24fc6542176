import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { DATABASE_FILE_NAME, openWorkerConnection } from '../../electron/core/db';
import { countMatches, readPage } from '../../electron/core/lists';
import { DETAIL_LIST } from '../../electron/core/transaction-details';
import { webHostArgs } from '../support/web-host-command';
import { breakdown, percentile, report } from './report';
import { startNodeProcess } from './node-process';

/**
 * The review UI in Chromium on a synced 1,000,000-row cache (browser mode, large sandbox):
 * filter change → rendered rows, and frame times while scrolling the big table.
 *
 * Chromium runs with its frame-rate limit lifted (--disable-frame-rate-limit --disable-gpu-vsync),
 * so the time between two animation frames is what producing a frame costs, not the display's
 * 60 Hz cadence: with the limit, even an idle page's frame interval p95 is about 17.3 ms here
 * (headless timer jitter), so a 16.7 ms target could never be read from it.
 *
 * Each measurement follows an unmeasured warm-up: this VM pages out memory left idle for a few
 * seconds (a DAMON pageout scheme), so the first touches after the sync measure page faults more
 * than the app (scroll frame p95 ~20-25 ms cold, ~12-14 ms warm). The first filter change after the
 * million-row sync is reported on its own line. Counts (and 合计) come from the day totals the
 * database keeps and are remembered, as they are in use.
 *
 * Where a filter change's time goes (BREAKDOWN lines): the page records when each core call leaves
 * and its answer arrives on the WebSocket, which splits the change into the render of the click (up
 * to the first call), the wait for the core's answers (page and count), and the render of the
 * answers up to the frame that shows them. The core's share of the wait is timed afterwards, on the
 * same database with the core's own list code on a connection of the bench's (a new connection for
 * the first change: nothing remembered; the median of warm runs for the others); the rest of the
 * wait is transport and queueing (both processes waiting for a core of this 2-core machine
 * included). Being timed apart, the core's share is an estimate: when the separate run is colder
 * than the app's was, the transport part comes out small or even negative.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seller-desk-bench-browser-'));
const { child: host, match: url } = await startNodeProcess(
  webHostArgs(),
  { SELLER_DESK_DATA_DIR: dataDir, SELLER_DESK_SANDBOX_SIZE: 'large', SELLER_DESK_AUTO_SYNC: '0' },
  /open: (\S+)/,
);
type ProductType = Parameters<typeof DETAIL_LIST.conditions>[0]['productType'];
const TABS: [label: string, productType: ProductType][] = [
  ['通用商品', 'general'],
  ['联营商品', 'joint_operation'],
  ['严选&认证部件', 'curated_certified'],
  ['华为自服务商品', 'huawei_self_service'],
  ['全部', undefined],
];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-frame-rate-limit',
    '--disable-gpu-vsync',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.addInitScript(recordCoreCalls);
  await page.goto(url);
  await page.evaluate(async () => {
    await fetch('/api/call', { method: 'POST', body: JSON.stringify({ method: 'sync.run', input: { resources: ['transaction_details'] } }) });
  });
  await page.getByTestId('nav-transactions').click();
  await page.getByTestId('details-table').locator('[data-row-index="0"] [data-testid="detail-order-id"]').waitFor();

  const firstAfterSync = await timeTabChange(page, TABS[0]!);
  for (const tab of TABS.slice(1)) await timeTabChange(page, tab); // warm-up round, unmeasured
  // 50 changes: with 20, two stalls of this VM (a core taken for 40-90 ms, seen in every thread of
  // the app at once) decided the p95 whatever the app did
  const filterSamples: TabChange[] = [];
  for (let round = 0; round < 10; round++) {
    for (const tab of TABS) filterSamples.push(await timeTabChange(page, tab));
  }
  const database = path.join(dataDir, DATABASE_FILE_NAME);
  const changeTimes = filterSamples.map((s) => s.total);
  const p95 = percentile(changeTimes, 95);
  const p95Sample = filterSamples.find((s) => s.total === p95)!;
  report({ name: 'ui.filter_change_to_rows_p95', value: p95, unit: 'ms', target: 60, better: 'lower' });
  reportParts('ui.filter_change_to_rows_p95', p95Sample, timeCoreQueries(database, p95Sample.productType, 'warm'));
  report({ name: 'ui.filter_change_first_after_sync', value: Math.round(firstAfterSync.total * 10) / 10, unit: 'ms', target: 100, better: 'lower' });
  reportParts('ui.filter_change_first_after_sync', firstAfterSync, timeCoreQueries(database, firstAfterSync.productType, 'first'));

  const frames = await page.evaluate(async () => {
    const scroller = document.querySelector('[data-testid="details-table-scroller"]') as HTMLElement;
    // warm-up, unmeasured, far from the measured rows (none of which it leaves in the page cache)
    scroller.scrollTop = scroller.scrollHeight / 2;
    for (let i = 0; i < 60; i++) {
      scroller.scrollTop += 900 + (i % 7) * 1000;
      await new Promise((r) => requestAnimationFrame(r));
    }
    scroller.scrollTop = 0;
    await new Promise((r) => setTimeout(r, 200));
    const intervals: number[] = [];
    let last = performance.now();
    for (let i = 0; i < 240; i++) {
      scroller.scrollTop += 900 + (i % 7) * 1000;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      intervals.push(now - last);
      last = now;
    }
    return intervals.slice(10);
  });
  report({ name: 'ui.scroll_frame_p95', value: percentile(frames, 95), unit: 'ms', target: 16.7, better: 'lower' });
} finally {
  await browser.close();
  host.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/** One filter change as the page saw it, in ms from the click. */
interface TabChange {
  productType: ProductType;
  total: number;
  /** Click → the first core call leaves: React renders the new filter and its effects ask for rows. */
  toFirstCall: number;
  /** The first call leaves → the last answer (page or count) arrives. */
  waitingForCore: number;
  /** The last answer arrives → the frame showing the total and the first row. */
  afterAnswers: number;
}

/** Runs in the page before the app: notes when each core call leaves and its answer arrives on the WebSocket. */
function recordCoreCalls(): void {
  const calls = new Map<number, { method: string; sent: number; answered?: number }>();
  (window as unknown as { coreCalls: typeof calls }).coreCalls = calls;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      this.addEventListener('message', (event: MessageEvent<string>) => {
        const call = calls.get((JSON.parse(event.data) as { id?: number }).id ?? -1);
        if (call && call.answered === undefined) call.answered = performance.now();
      });
    }
    override send(data: string): void {
      const message = JSON.parse(data) as { kind: string; id: number; method: string };
      if (message.kind === 'call') calls.set(message.id, { method: message.method, sent: performance.now() });
      super.send(data);
    }
  };
}

/** Clicks a product-type tab; times until the table has fetched and drawn the first page of the new filter, in parts. */
async function timeTabChange(page: Page, [label, productType]: [string, ProductType]): Promise<TabChange> {
  const times = await page.evaluate(async (label) => {
    const calls = (window as unknown as { coreCalls: Map<number, { method: string; sent: number; answered?: number }> }).coreCalls;
    const table = document.querySelector('[data-testid="details-table"]') as HTMLElement;
    const versionBefore = Number(table.dataset.version);
    const tabElement = [...document.querySelectorAll('.ant-tabs-tab-btn')].find((e) => e.textContent === label) as HTMLElement;
    const started = performance.now();
    tabElement.click();
    let ready = false;
    while (!ready && performance.now() - started < 5000) {
      await new Promise((r) => requestAnimationFrame(r));
      ready = table.dataset.total !== '' && table.dataset.firstRowLoaded === 'true' && Number(table.dataset.version) > versionBefore;
    }
    const shown = performance.now();
    const answered = [...calls.values()].filter(
      (c) => c.sent >= started && c.answered !== undefined && c.answered <= shown && /^transactionDetails\.(page|count)$/.test(c.method),
    );
    const firstSent = Math.min(...answered.map((c) => c.sent));
    const lastAnswer = Math.max(...answered.map((c) => c.answered!));
    return { total: shown - started, toFirstCall: firstSent - started, waitingForCore: lastAnswer - firstSent, afterAnswers: shown - lastAnswer };
  }, label);
  return { productType, ...times };
}

/** The core's page (first 50 rows) and count queries for a tab, in ms: the first on a new connection, or the median of warm runs. */
function timeCoreQueries(database: string, productType: ProductType, run: 'first' | 'warm'): { page: number; count: number } {
  const db = openWorkerConnection(database, { readonly: true });
  try {
    const filters = productType ? { productType } : {};
    const timed = (query: () => unknown) => {
      const started = performance.now();
      query();
      return performance.now() - started;
    };
    const once = () => ({
      page: timed(() => readPage(db, DETAIL_LIST, { filters, limit: 50, after: null, offset: 0 })),
      count: timed(() => countMatches(db, DETAIL_LIST, filters)),
    });
    if (run === 'first') return once();
    const runs = Array.from({ length: 7 }, once);
    const median = (values: number[]) => percentile(values, 50);
    return { page: median(runs.map((r) => r.page)), count: median(runs.map((r) => r.count)) };
  } finally {
    db.close();
  }
}

function reportParts(figure: string, change: TabChange, core: { page: number; count: number }): void {
  breakdown(figure, 'react_render_click', change.toFirstCall, 'ms');
  breakdown(figure, 'core_page_query', core.page, 'ms');
  breakdown(figure, 'core_count_query', core.count, 'ms');
  breakdown(figure, 'transport_and_queueing', change.waitingForCore - core.page - core.count, 'ms');
  breakdown(figure, 'react_render_answers_to_frame', change.afterAnswers, 'ms');
}
