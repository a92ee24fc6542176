import { z } from 'zod';
import { LIST_RESOURCES, type ListResource } from '../../core/koogallery';
import { transactionDetailsVisibleBefore } from '../../core/conventions';
import { rowsOfItems } from '../../core/marketplace';
import type { SandboxRequest, SandboxResponse } from '../http-kit';
import type { SandboxState } from '../sandbox-state';

/**
 * List endpoints — a documented sandbox extension (KooGallery publishes no list API, §3.6):
 * `GET /sandbox/v1/lists/{resource}?cursor=…&limit=…`, AK/SK-signed like the real APIs. Items come
 * in updated_at order; `next_cursor` resumes after the last item (an updated-since cursor).
 */

const cursorSchema = z.object({ updated_at: z.number().int(), id: z.string() });
type Cursor = z.infer<typeof cursorSchema>;
type Item = { updated_at: number } & Record<string, unknown>;

const MAX_LIMIT = 1000;

export function listPage(state: SandboxState, request: SandboxRequest, resource: string): SandboxResponse {
  if (!(LIST_RESOURCES as readonly string[]).includes(resource)) return fail(400, 'MKT.0101', `Invalid parameter: unknown list ${resource}`);
  const limit = Number(request.url.searchParams.get('limit') ?? 200);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return fail(400, 'MKT.0101', `Invalid parameter: limit must be 1–${MAX_LIMIT}`);
  const cursorText = request.url.searchParams.get('cursor');
  const cursor = decodeCursor(cursorText);
  if (cursor === undefined) return fail(400, 'MKT.0101', 'Invalid parameter: cursor is not one this server issued');
  const shape = request.url.searchParams.get('shape') ?? 'items';
  if (shape !== 'items' && shape !== 'rows') return fail(400, 'MKT.0101', 'Invalid parameter: shape must be items or rows');
  const ask: PageRequest = { resource: resource as ListResource, cursorText, cursor, limit, shape, now: request.now };
  const body = readAhead.take(state, ask) ?? pageBody(state, ask);
  if (READ_AHEAD.includes(ask.resource) && body.next) readAhead.prepare(state, { ...ask, cursorText: body.next, cursor: decodeCursor(body.next)! });
  return { status: 200, body: body.text };
}

interface PageRequest {
  resource: ListResource;
  cursorText: string | null;
  cursor: Cursor | null;
  limit: number;
  shape: 'items' | 'rows';
  now: number;
}

/** A page's JSON (as UTF-8, ready for the socket), and the cursor of the page after it when there is one. */
interface PageBody {
  text: Buffer;
  next: string | null;
}

function pageBody(state: SandboxState, ask: PageRequest): PageBody {
  const page = pageOf(state, ask.resource, ask.cursor, ask.limit, ask.now);
  const last = page.items.at(-1);
  const next = last ? encodeCursor({ updated_at: last.updated_at, id: itemId(last) }) : ask.cursorText;
  const body = {
    resultCode: 'MKT.0000',
    resultMsg: 'Success',
    ...(ask.shape === 'rows' ? asRows(page.items) : { items: page.items }),
    has_more: page.hasMore,
    remaining_estimate: page.remaining,
    next_cursor: next,
    ...(ask.resource === 'transaction_details' ? { complete_through: page.completeThrough } : {}),
  };
  return { text: Buffer.from(JSON.stringify(body)), next: page.hasMore ? next : null };
}

/** The lists generated from the seed, whose pages do not change: a page prepared ahead stays right. */
const READ_AHEAD: readonly ListResource[] = ['orders', 'transaction_details'];

/**
 * The page a sync will ask for next, prepared while the app writes the one just answered, as a
 * marketplace serving from more than one core would overlap them. One page per dataset, used only
 * for exactly that request (the same cursor, limit, shape and T+1 visibility).
 */
const readAhead = {
  pages: new WeakMap<object, { key: string; body: PageBody }>(),

  take(state: SandboxState, ask: PageRequest): PageBody | null {
    const prepared = this.pages.get(state.dataset);
    if (!prepared || prepared.key !== pageKey(ask)) return null;
    this.pages.delete(state.dataset);
    return prepared.body;
  },

  prepare(state: SandboxState, ask: PageRequest): void {
    const dataset = state.dataset;
    setImmediate(() => {
      if (state.dataset === dataset) this.pages.set(dataset, { key: pageKey(ask), body: pageBody(state, ask) });
    });
  },
};

function pageKey(ask: PageRequest): string {
  const visibleBefore = ask.resource === 'transaction_details' ? transactionDetailsVisibleBefore(ask.now) : 0;
  return [ask.resource, ask.cursorText, ask.limit, ask.shape, visibleBefore].join(' ');
}

interface Page {
  items: Item[];
  hasMore: boolean;
  /** About how many items follow this page (for progress and ETA). */
  remaining: number;
  completeThrough?: number;
}

function pageOf(state: SandboxState, resource: ListResource, cursor: Cursor | null, limit: number, now: number): Page {
  const data = state.dataset;
  switch (resource) {
    case 'orders':
      return generatedPage(
        cursor,
        limit,
        data.counts.orders,
        (i) => data.order(i) as unknown as Item,
        (u) => data.indexAfterUpdate('orders', u),
        (item) => !isOnDemandOnly(item),
      );
    case 'tickets':
      return generatedPage(
        cursor,
        limit,
        data.counts.tickets,
        (i) => state.ticket(i) as unknown as Item,
        (u) => data.indexAfterUpdate('tickets', u),
      );
    case 'transaction_details': {
      const visibleBefore = transactionDetailsVisibleBefore(now);
      const visible = data.detailIndexAt(visibleBefore);
      const page = generatedPage(
        cursor,
        limit,
        visible,
        (i) => data.detail(i) as unknown as Item,
        (u) => data.indexAfterUpdate('transaction_details', u),
      );
      return { ...page, completeThrough: visibleBefore };
    }
    case 'products':
      return arrayPage(data.products as unknown as Item[], cursor, limit);
    case 'supervision':
      return arrayPage(state.supervisionFlows(now) as unknown as Item[], cursor, limit);
    case 'requirements':
      return arrayPage(state.sales.requirements.list(now) as unknown as Item[], cursor, limit);
    case 'offers':
      return arrayPage(state.sales.offers.list(now) as unknown as Item[], cursor, limit);
    case 'vouchers':
      return arrayPage(state.sales.vouchers.list(now) as unknown as Item[], cursor, limit);
    case 'planning':
      return arrayPage(state.sales.planning.list(now) as unknown as Item[], cursor, limit);
    case 'receivers':
      return arrayPage(data.receivers as unknown as Item[], cursor, limit);
    case 'seller_profile':
      return arrayPage([data.profile()] as unknown as Item[], cursor, limit);
    case 'store_traffic':
      return arrayPage(data.storeTraffic(now) as unknown as Item[], cursor, limit);
  }
}

/**
 * `shape=rows`: the items as rows of values under one list of field names, about half the bytes
 * and half the parse time of a page of objects (every item repeats its keys). The fields are every
 * key any item of the page has (an item without one has null); nested values (an order's lines) stay.
 */
function asRows(items: Item[]): { fields: readonly string[]; rows: readonly (readonly unknown[])[] } {
  const { fields, values } = rowsOfItems(items);
  return { fields, rows: values };
}

/** On-demand orders are not in Seller Center's order list (§4.4); their income shows in bills. */
function isOnDemandOnly(item: Item): boolean {
  const lines = item.lines as { charging_mode: string }[];
  return lines.every((line) => line.charging_mode === 'ON_DEMAND');
}

/** Items generated by index in updated_at order: the cursor's time gives the index to start near. */
function generatedPage(
  cursor: Cursor | null,
  limit: number,
  count: number,
  make: (i: number) => Item,
  indexNear: (updatedAt: number) => number,
  keep: (item: Item) => boolean = () => true,
): Page {
  const items: Item[] = [];
  let i = cursor ? Math.max(0, indexNear(cursor.updated_at) - 1) : 0;
  for (; i < count && items.length < limit; i++) {
    const item = make(i);
    if (cursor && !isAfter(item, cursor)) continue;
    if (keep(item)) items.push(item);
  }
  return { items, hasMore: i < count, remaining: count - i };
}

function arrayPage(all: Item[], cursor: Cursor | null, limit: number): Page {
  const sorted = [...all].sort((a, b) => a.updated_at - b.updated_at || itemId(a).localeCompare(itemId(b)));
  const remaining = cursor ? sorted.filter((item) => isAfter(item, cursor)) : sorted;
  return { items: remaining.slice(0, limit), hasMore: remaining.length > limit, remaining: Math.max(0, remaining.length - limit) };
}

function isAfter(item: Item, cursor: Cursor): boolean {
  return item.updated_at > cursor.updated_at || (item.updated_at === cursor.updated_at && itemId(item) > cursor.id);
}

function itemId(item: Item): string {
  for (const key of [
    'offer_id',
    'order_id',
    'detail_id',
    'ticket_id',
    'flow_id',
    'requirement_id',
    'voucher_id',
    'product_id',
    'category_code',
    'seller_id',
    'month',
  ]) {
    if (typeof item[key] === 'string') return item[key];
  }
  return '';
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** null: start from the beginning; undefined: not a valid cursor. */
function decodeCursor(text: string | null): Cursor | null | undefined {
  if (!text) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function fail(status: number, resultCode: string, resultMsg: string): SandboxResponse {
  return { status, body: { resultCode, resultMsg } };
}
