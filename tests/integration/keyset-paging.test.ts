import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import {
  COUNT_CAP,
  between,
  countMatches,
  equals,
  readPage,
  startsWith,
  type Condition,
  type KeptTotals,
  type PageKey,
  type ReviewList,
  type Sort,
} from '../../electron/core/lists/keyset';

/**
 * Keyset pages, capped counts and filter helpers over a handful of rows in an in-memory database:
 * a small list shaped like the app's (客户工单 with its nullable SLA column), so every page
 * boundary can be placed by hand.
 */

interface ItemFilters {
  shop?: string | null;
  priceFrom?: number;
  priceTo?: number;
  namePrefix?: string;
}

interface ItemRow {
  itemId: string;
  shop: string;
  dueAt?: number | null;
  price: number;
  name: string;
}

/** Where an item without a due date sorts (after every date, ascending), like 客户工单's SLA. */
const NO_DUE = 8.64e15;

const ITEMS: ReviewList<ItemFilters, ItemRow> = {
  table: 'items',
  columns: 'item_id AS itemId, shop, due_at AS dueAt, price, name',
  id: { field: 'itemId', column: 'item_id' },
  sortable: { price: { column: 'price' }, dueAt: { column: 'due_at', nullsAs: NO_DUE }, name: { column: 'name' } },
  defaultSort: { field: 'price', direction: 'desc' },
  conditions(filters) {
    const conditions: Condition[] = [];
    equals(conditions, 'shop', filters.shop);
    between(conditions, 'price', filters.priceFrom, filters.priceTo);
    startsWith(conditions, 'name', filters.namePrefix);
    return conditions;
  },
};

//  id  shop     due   price  name
const ROWS: [string, string, number | null, number, string][] = [
  ['a', 'north', 300, 10, 'apple'],
  ['b', 'south', null, 20, 'apricot'],
  ['c', 'north', 100, 20, 'banana'],
  ['d', 'south', null, 30, 'cherry'],
  ['e', 'north', 200, 40, 'apple pie'],
  ['f', 'south', 400, 45, 'grape'],
  ['g', 'north', null, 50, 'pineapple'],
];

let db: Database.Database;
beforeAll(() => {
  db = new Database(':memory:');
  db.exec(`CREATE TABLE items (item_id TEXT PRIMARY KEY, shop TEXT NOT NULL, due_at INTEGER, price INTEGER NOT NULL, name TEXT NOT NULL);
    CREATE TABLE item_totals (item_count INTEGER NOT NULL, kept INTEGER NOT NULL);
    INSERT INTO item_totals VALUES (0, 1);`);
  const insert = db.prepare('INSERT INTO items VALUES (?, ?, ?, ?, ?)');
  for (const row of ROWS) insert.run(...row);
});
afterAll(() => db.close());

/** Every id the list shows, page after page by the `next` cursor. */
function pageThrough(list: ReviewList<ItemFilters, ItemRow>, limit: number, sort: Sort | null = null, filters: ItemFilters = {}): string[] {
  const ids: string[] = [];
  let after: PageKey | null = null;
  for (let pages = 0; pages <= ROWS.length + 1; pages++) {
    const page: { rows: ItemRow[]; next: PageKey | null } = readPage(db, list, { filters, limit, after, offset: 0, sort });
    ids.push(...page.rows.map((row) => row.itemId));
    if (!page.next) return ids;
    after = page.next;
  }
  throw new Error('the pages never ended');
}

const ids = (filters: ItemFilters) => readPage(db, ITEMS, { filters, limit: 100, after: null, offset: 0 }).rows.map((row) => row.itemId);

describe('keyset pages', () => {
  it('a full page carries a cursor at its last row; a shorter page, and the empty page after the last full one, carry none', () => {
    const first = readPage(db, ITEMS, { filters: {}, limit: 3, after: null, offset: 0 });
    expect(first.rows.map((row) => row.itemId)).toEqual(['g', 'f', 'e']);
    expect(first.next).toEqual({ value: 40, id: 'e' });

    const second = readPage(db, ITEMS, { filters: {}, limit: 3, after: first.next, offset: 0 });
    expect(second.rows.map((row) => row.itemId)).toEqual(['d', 'c', 'b']);
    expect(second.next).toEqual({ value: 20, id: 'b' });

    const last = readPage(db, ITEMS, { filters: {}, limit: 3, after: second.next, offset: 0 });
    expect(last.rows.map((row) => row.itemId)).toEqual(['a']);
    expect(last.next).toBeNull();

    // all seven rows in a page of seven: the seller may still ask for more, and gets an empty last page
    const exactlyAll = readPage(db, ITEMS, { filters: {}, limit: ROWS.length, after: null, offset: 0 });
    expect(exactlyAll.next).toEqual({ value: 10, id: 'a' });
    expect(readPage(db, ITEMS, { filters: {}, limit: ROWS.length, after: exactlyAll.next, offset: 0 })).toEqual({ rows: [], next: null });

    const oneShort = readPage(db, ITEMS, { filters: {}, limit: ROWS.length + 1, after: null, offset: 0 });
    expect(oneShort.rows).toHaveLength(ROWS.length);
    expect(oneShort.next).toBeNull();
  });

  it('pages descending (the default) and ascending with ties broken by id, every row once at every page size', () => {
    const descending = ['g', 'f', 'e', 'd', 'c', 'b', 'a'];
    const ascending = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    for (let limit = 1; limit <= ROWS.length + 1; limit++) {
      expect(pageThrough(ITEMS, limit), `limit ${limit}`).toEqual(descending);
      expect(pageThrough(ITEMS, limit, { field: 'price', direction: 'desc' }), `limit ${limit}`).toEqual(descending);
      expect(pageThrough(ITEMS, limit, { field: 'price', direction: 'asc' }), `limit ${limit}`).toEqual(ascending);
    }
    // a column of text pages by its text
    expect(pageThrough(ITEMS, 2, { field: 'name', direction: 'asc' })).toEqual(['a', 'e', 'b', 'c', 'd', 'f', 'g']);
  });

  it('sorts empty cells of a nullable column as its nullsAs (last ascending, first descending) and pages through them', () => {
    const ascending = ['c', 'e', 'a', 'f', 'b', 'd', 'g'];
    const descending = ['g', 'd', 'b', 'f', 'a', 'e', 'c'];
    for (let limit = 1; limit <= ROWS.length + 1; limit++) {
      expect(pageThrough(ITEMS, limit, { field: 'dueAt', direction: 'asc' }), `limit ${limit}`).toEqual(ascending);
      expect(pageThrough(ITEMS, limit, { field: 'dueAt', direction: 'desc' }), `limit ${limit}`).toEqual(descending);
    }
    const dated = readPage(db, ITEMS, { filters: {}, limit: 4, after: null, offset: 0, sort: { field: 'dueAt', direction: 'asc' } });
    expect(dated.next).toEqual({ value: 400, id: 'f' });
    const undated = readPage(db, ITEMS, { filters: {}, limit: 2, after: dated.next, offset: 0, sort: { field: 'dueAt', direction: 'asc' } });
    expect(undated.rows.map((row) => [row.itemId, row.dueAt])).toEqual([
      ['b', null],
      ['d', null],
    ]);
    expect(undated.next).toEqual({ value: NO_DUE, id: 'd' });
  });

  it('pages past empty cells when the list leaves them out of its rows', () => {
    const withoutEmpty: ReviewList<ItemFilters, ItemRow> = {
      ...ITEMS,
      fromDb: (row) => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null)) as unknown as ItemRow,
    };
    for (let limit = 1; limit <= ROWS.length + 1; limit++) {
      expect(pageThrough(withoutEmpty, limit, { field: 'dueAt', direction: 'asc' }), `limit ${limit}`).toEqual(['c', 'e', 'a', 'f', 'b', 'd', 'g']);
    }
    const page = readPage(db, withoutEmpty, { filters: {}, limit: 1, after: null, offset: 0, sort: { field: 'dueAt', direction: 'desc' } });
    expect(page.rows[0]).not.toHaveProperty('dueAt');
    expect(page.next).toEqual({ value: NO_DUE, id: 'g' });
  });

  it('a sort the list cannot do falls back to its default; a default it cannot do throws naming the table and the field', () => {
    expect(pageThrough(ITEMS, 3, { field: 'shop', direction: 'asc' })).toEqual(['g', 'f', 'e', 'd', 'c', 'b', 'a']);
    const broken: ReviewList<ItemFilters, ItemRow> = { ...ITEMS, defaultSort: { field: 'shop', direction: 'asc' } };
    expect(() => readPage(db, broken, { filters: {}, limit: 3, after: null, offset: 0 })).toThrow(/\bitems\b.*\bshop\b/);
  });
});

describe('counts', () => {
  const kept: ReviewList<ItemFilters, ItemRow> = {
    ...ITEMS,
    keptTotals: (): KeptTotals => ({ from: 'FROM item_totals', params: {}, rows: 'item_count', kept: '(SELECT kept FROM item_totals) = 1' }),
  };
  const setTotals = (count: number, isKept: boolean) => db.prepare('UPDATE item_totals SET item_count = ?, kept = ?').run(count, isKept ? 1 : 0);

  it('counts matching rows exactly below the cap', () => {
    expect(countMatches(db, ITEMS, {})).toEqual({ count: 7, exact: true });
    expect(countMatches(db, ITEMS, { shop: 'north' })).toEqual({ count: 4, exact: true });
  });

  it('a count of exactly COUNT_CAP is exact; one more shows COUNT_CAP and is not exact', () => {
    setTotals(COUNT_CAP - 1, true);
    expect(countMatches(db, kept, {})).toEqual({ count: COUNT_CAP - 1, exact: true });
    setTotals(COUNT_CAP, true);
    expect(countMatches(db, kept, {})).toEqual({ count: COUNT_CAP, exact: true });
    setTotals(COUNT_CAP + 1, true);
    expect(countMatches(db, kept, {})).toEqual({ count: COUNT_CAP, exact: false });
    setTotals(5 * COUNT_CAP, true);
    expect(countMatches(db, kept, {})).toEqual({ count: COUNT_CAP, exact: false });
    // totals set aside (a bulk load): the rows themselves are counted
    setTotals(COUNT_CAP + 1, false);
    expect(countMatches(db, kept, {})).toEqual({ count: 7, exact: true });
  });
});

describe('filters', () => {
  it('an equality filter that is unset, null or an empty string is no filter; a value selects its rows', () => {
    expect(ids({})).toEqual(['g', 'f', 'e', 'd', 'c', 'b', 'a']);
    expect(ids({ shop: undefined })).toEqual(['g', 'f', 'e', 'd', 'c', 'b', 'a']);
    expect(ids({ shop: null })).toEqual(['g', 'f', 'e', 'd', 'c', 'b', 'a']);
    expect(ids({ shop: '' })).toEqual(['g', 'f', 'e', 'd', 'c', 'b', 'a']);
    expect(countMatches(db, ITEMS, { shop: '' })).toEqual({ count: 7, exact: true });
    expect(ids({ shop: 'north' })).toEqual(['g', 'e', 'c', 'a']);
    expect(ids({ shop: 'south' })).toEqual(['f', 'd', 'b']);
    expect(ids({ shop: 'east' })).toEqual([]);
  });

  it('between includes a row equal to `from` and excludes a row equal to `to`', () => {
    expect(ids({ priceFrom: 20 })).toEqual(['g', 'f', 'e', 'd', 'c', 'b']);
    expect(ids({ priceFrom: 21 })).toEqual(['g', 'f', 'e', 'd']);
    expect(ids({ priceTo: 40 })).toEqual(['d', 'c', 'b', 'a']);
    expect(ids({ priceTo: 41 })).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(ids({ priceFrom: 20, priceTo: 40 })).toEqual(['d', 'c', 'b']);
    expect(ids({ priceFrom: 30, priceTo: 30 })).toEqual([]);
    expect(countMatches(db, ITEMS, { priceFrom: 20, priceTo: 40 })).toEqual({ count: 3, exact: true });
    // filtered pages continue by key within the filter
    expect(pageThrough(ITEMS, 2, null, { priceFrom: 20, priceTo: 45 })).toEqual(['e', 'd', 'c', 'b']);
  });

  it('a prefix filter matches names starting with it, not containing it; an empty prefix is no filter', () => {
    expect(ids({ namePrefix: 'ap' })).toEqual(['e', 'b', 'a']);
    expect(ids({ namePrefix: 'apple' })).toEqual(['e', 'a']);
    expect(ids({ namePrefix: 'apple pie' })).toEqual(['e']);
    expect(ids({ namePrefix: 'pine' })).toEqual(['g']);
    expect(ids({ namePrefix: 'apples' })).toEqual([]);
    expect(ids({ namePrefix: '' })).toEqual(['g', 'f', 'e', 'd', 'c', 'b', 'a']);
    expect(countMatches(db, ITEMS, { namePrefix: 'ap' })).toEqual({ count: 3, exact: true });
  });
});
