import { describe, expect, it } from 'vitest';
import { PageCache, PAGE_SIZE, type FetchedPage, type PageKey } from '../../renderer/components/big-table/page-cache';
import { MAX_SCROLL_PX, ROW_HEIGHT, scrollWindow } from '../../renderer/components/big-table/scroll-window';

describe('the big table scroll window', () => {
  it('shows the rows under the viewport at their natural height', () => {
    const window = scrollWindow(100, 10 * ROW_HEIGHT, 0);
    expect(window).toEqual({ firstRow: 0, slots: 11, spacerHeight: 100 * ROW_HEIGHT, offsetInSpacer: 0 });
    expect(scrollWindow(100, 10 * ROW_HEIGHT, 10 * ROW_HEIGHT).firstRow).toBe(10);
    expect(scrollWindow(100, 10 * ROW_HEIGHT, 10 * ROW_HEIGHT + ROW_HEIGHT - 1).firstRow).toBe(10); // a partly scrolled row stays first
    // at the bottom the last row is drawn, and scrolling further changes nothing
    const bottom = scrollWindow(100, 10 * ROW_HEIGHT, 90 * ROW_HEIGHT);
    expect(bottom.firstRow + bottom.slots - 1).toBe(100);
    expect(scrollWindow(100, 10 * ROW_HEIGHT, 10_000 * ROW_HEIGHT).firstRow).toBe(bottom.firstRow);
  });

  it('scales the scrollbar only past the browser height cap, and still reaches row 1,000,000', () => {
    const natural = Math.floor(MAX_SCROLL_PX / ROW_HEIGHT); // the largest table drawn at natural height
    expect(scrollWindow(natural, 720, 0).spacerHeight).toBe(natural * ROW_HEIGHT);
    expect(scrollWindow(natural + 1, 720, 0).spacerHeight).toBe(MAX_SCROLL_PX);

    const height = 720;
    const maxScroll = MAX_SCROLL_PX - height;
    const top = scrollWindow(1_000_000, height, 0);
    const end = scrollWindow(1_000_000, height, maxScroll);
    expect(top.firstRow).toBe(0);
    expect(end.firstRow + end.slots - 1).toBe(1_000_000); // the last row is reachable
    expect(scrollWindow(1_000_000, height, maxScroll * 10).firstRow).toBe(end.firstRow);
    const middle = scrollWindow(1_000_000, height, maxScroll / 2);
    expect(Math.abs(middle.firstRow - (1_000_000 - middle.slots + 1) / 2)).toBeLessThanOrEqual(1);
    expect(middle.offsetInSpacer).toBe(maxScroll / 2); // drawn at the top of the viewport
  });
});

/** A fake list of `count` rows, newest first, recording every request the cache makes. */
function fakeSource(count: number) {
  const requests: { limit: number; after: PageKey | null; offset: number }[] = [];
  const fetchPage = async (request: { limit: number; after: PageKey | null; offset: number }): Promise<FetchedPage<number>> => {
    requests.push(request);
    const start = request.after ? Number(request.after.id) + 1 : request.offset;
    const rows = Array.from({ length: Math.max(0, Math.min(request.limit, count - start)) }, (_, i) => start + i);
    const last = rows.at(-1);
    return { rows, next: rows.length === request.limit && last !== undefined ? { value: -last, id: String(last) } : null };
  };
  return { requests, fetchPage };
}

describe('the big table page cache', () => {
  it('fetches the next page by key after a cached one, and a far page by offset', async () => {
    const source = fakeSource(1_000_000);
    const cache = new PageCache(source.fetchPage);
    await cache.ensure(0, PAGE_SIZE - 1);
    await cache.ensure(PAGE_SIZE, 2 * PAGE_SIZE - 1);
    await cache.ensure(500_000, 500_010);
    expect(source.requests).toEqual([
      { limit: PAGE_SIZE, after: null, offset: 0 },
      { limit: PAGE_SIZE, after: { value: -(PAGE_SIZE - 1), id: String(PAGE_SIZE - 1) }, offset: 0 },
      { limit: PAGE_SIZE, after: null, offset: 500_000 },
    ]);
    expect(cache.row(0)).toBe(0);
    expect(cache.row(PAGE_SIZE + 3)).toBe(PAGE_SIZE + 3);
    expect(cache.row(500_007)).toBe(500_007);
    expect(cache.row(PAGE_SIZE * 2)).toBeUndefined(); // never asked for
    expect(cache.firstPageRows()).toBe(PAGE_SIZE);
  });

  it('asks once for a page wanted twice at the same time, and reads rows across a page boundary', async () => {
    const source = fakeSource(1000);
    const cache = new PageCache(source.fetchPage);
    await Promise.all([cache.ensure(0, 10), cache.ensure(5, 20)]);
    expect(source.requests).toHaveLength(1);
    await cache.ensure(PAGE_SIZE - 2, PAGE_SIZE + 2); // two pages
    expect([PAGE_SIZE - 1, PAGE_SIZE].map((i) => cache.row(i))).toEqual([PAGE_SIZE - 1, PAGE_SIZE]);
    expect(source.requests).toHaveLength(2);
  });

  it('keeps the pages near the viewport and forgets the far ones', async () => {
    const source = fakeSource(1_000_000);
    const cache = new PageCache(source.fetchPage);
    for (let page = 0; page < 100; page++) await cache.ensure(page * PAGE_SIZE, page * PAGE_SIZE);
    expect(cache.row(99 * PAGE_SIZE)).toBe(99 * PAGE_SIZE); // the current one
    expect(cache.row(20 * PAGE_SIZE)).toBe(20 * PAGE_SIZE); // 80 pages kept: 20..99
    expect(cache.row(19 * PAGE_SIZE)).toBeUndefined(); // farther: dropped
    expect(cache.firstPageRows()).toBeNull();
    await cache.ensure(0, 0); // scrolled back: fetched again
    expect(cache.row(0)).toBe(0);
    expect(source.requests.at(-1)).toEqual({ limit: PAGE_SIZE, after: null, offset: 0 });
  });
});
