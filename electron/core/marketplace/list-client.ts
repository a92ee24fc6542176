import { z } from 'zod';
import { exchange, listPath, type ApiOutcome, type EnvelopeReader, type KooGalleryClient, type ListResource } from '../koogallery';

/** A page's items as list endpoints send them (`shape=rows`): one list of field names, then each item's values in that order. */
export interface ItemRows {
  fields: readonly string[];
  values: readonly (readonly unknown[])[];
}

/** One page of a list endpoint (the sandbox's documented extension). */
export interface ListPage {
  /** The items as rows of values: a writer that binds by position reads them without building objects. */
  rows: ItemRows;
  /** The same items as objects, built on first use. */
  readonly items: Record<string, unknown>[];
  nextCursor: string | null;
  hasMore: boolean;
  /** Transaction details only: everything before this instant is complete (T+1). */
  completeThrough: number | null;
  /** About how many items follow, when the source says. */
  remaining: number | null;
}

/**
 * Items are checked as objects, rows as arrays, nothing per key: each list's writer picks its fields
 * (a missing one is null). A per-key check (z.record) cost a 1,000,000-row sync about 6 s, a per-value
 * check of the rows about 0.5 s.
 */
const listItemSchema = z.custom<Record<string, unknown>>(
  (item) => typeof item === 'object' && item !== null && !Array.isArray(item),
  'a list item must be an object',
);
const rowsSchema = z.custom<unknown[][]>((rows) => Array.isArray(rows) && rows.every((row) => Array.isArray(row)), 'rows must be arrays of values');

const listEnvelopeSchema = z
  .object({
    resultCode: z.string(),
    resultMsg: z.string().optional(),
    items: z.array(listItemSchema).optional(),
    fields: z.array(z.string()).optional(),
    rows: rowsSchema.optional(),
    next_cursor: z.string().nullable().optional(),
    has_more: z.boolean().optional(),
    complete_through: z.number().optional(),
    remaining_estimate: z.number().optional(),
  })
  .passthrough();
type ListEnvelope = z.infer<typeof listEnvelopeSchema>;

const listReader: EnvelopeReader<ListEnvelope> = { schema: listEnvelopeSchema, code: (e) => e.resultCode, message: (e) => e.resultMsg ?? '' };

/** Pages come as rows of values under one list of field names (`shape=rows`): half the bytes and parse time of objects. */
export function fetchListPage(client: KooGalleryClient, resource: ListResource, cursor: string | null, limit: number): Promise<ApiOutcome<ListPage>> {
  const query = new URLSearchParams({ limit: String(limit), shape: 'rows', ...(cursor ? { cursor } : {}) });
  return client.sendApig(`${listPath(resource)}?${query}`, 'GET', undefined, listReader, (e) =>
    listPage(e.items ? rowsOfItems(e.items) : { fields: e.fields ?? [], values: e.rows ?? [] }, {
      nextCursor: e.next_cursor ?? null,
      hasMore: e.has_more ?? false,
      completeThrough: e.complete_through ?? null,
      remaining: e.remaining_estimate ?? null,
    }),
  );
}

function listPage(rows: ItemRows, rest: Omit<ListPage, 'rows' | 'items'>): ListPage {
  let items: Record<string, unknown>[] | null = null;
  return {
    rows,
    get items() {
      return (items ??= itemsOfRows(rows));
    },
    ...rest,
  };
}

/** Each row as an object of its fields. */
export function itemsOfRows({ fields, values }: ItemRows): Record<string, unknown>[] {
  return values.map((row) => {
    const item: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) item[fields[i]!] = row[i];
    return item;
  });
}

/**
 * Objects as rows under every key any of them has, in the order first met (an item without one has
 * null). The sandbox serves every detail page through this: spreading each item's keys into one
 * array and looking each value up by name cost 1.9-2.4 s of its CPU per 1,000,000 details, taken
 * from the sync it serves on a 2-core machine; counting keys as met and taking an item's values in
 * one go when its keys are the fields in order, 0.25-0.33 s.
 */
export function rowsOfItems(items: Record<string, unknown>[]): ItemRows {
  const seen = new Set<string>();
  for (const item of items) for (const key of Object.keys(item)) seen.add(key);
  const fields = [...seen];
  return { fields, values: items.map((item) => valuesUnder(item, fields)) };
}

function valuesUnder(item: Record<string, unknown>, fields: string[]): unknown[] {
  const keys = Object.keys(item);
  if (keys.length !== fields.length || !keys.every((key, i) => key === fields[i])) return fields.map((field) => item[field] ?? null);
  const values = Object.values(item);
  for (let i = 0; i < values.length; i++) values[i] ??= null;
  return values;
}

const actionEnvelope = z.object({ resultCode: z.string(), resultMsg: z.string().optional() }).passthrough();
const actionReader: EnvelopeReader<z.infer<typeof actionEnvelope>> = { schema: actionEnvelope, code: (e) => e.resultCode, message: (e) => e.resultMsg ?? '' };

/** A ticket reply or close on the sandbox's ticket endpoint (a sandbox extension, like the lists). */
export function sendTicketAction(client: KooGalleryClient, ticketId: string, action: 'reply' | 'close', body: string | null): Promise<ApiOutcome<unknown>> {
  return client.sendApig(`/sandbox/v1/tickets/${encodeURIComponent(ticketId)}/actions`, 'POST', JSON.stringify({ action, body }), actionReader, () => null);
}

/** A 服务监管 action as the sandbox's supervision endpoint takes it; `action_id` makes a resend harmless. */
export interface SupervisionActionBody {
  action_id: string;
  action: string;
  note: string | null;
  files: { file_name: string; sha256: string; size: number }[];
  at: number;
}

const supervisionEnvelope = actionEnvelope.extend({ flow: z.record(z.string(), z.unknown()).optional() });
const supervisionReader: EnvelopeReader<z.infer<typeof supervisionEnvelope>> = {
  schema: supervisionEnvelope,
  code: (e) => e.resultCode,
  message: (e) => e.resultMsg ?? '',
};

/** A 服务监管 action on the sandbox's supervision endpoint (a sandbox extension); answers with the flow after it. */
export function sendSupervisionAction(client: KooGalleryClient, flowId: string, body: SupervisionActionBody): Promise<ApiOutcome<unknown>> {
  const path = `/sandbox/v1/supervision/${encodeURIComponent(flowId)}/actions`;
  return client.sendApig(path, 'POST', JSON.stringify(body), supervisionReader, (e) => e.flow ?? null);
}

/** A 销售管理 submission on the sandbox's endpoints (a sandbox extension); the answer's fields (the item after it). */
export function sendSalesAction(client: KooGalleryClient, path: string, body: Record<string, unknown>): Promise<ApiOutcome<Record<string, unknown>>> {
  return client.sendApig(`/sandbox/v1/${path}`, 'POST', JSON.stringify(body), actionReader, (e) => e as Record<string, unknown>);
}

/** A pay-per-use instance usage can be reported for, as a source knows it. */
export interface KnownInstance {
  instanceId: string;
  productName: string | null;
  customerName: string | null;
  billingCycle: 'hourly' | 'daily' | null;
}

const sandboxInstancesSchema = z.object({
  instances: z.array(
    z.object({ instance_id: z.string(), product_name: z.string(), customer_name: z.string(), billing_cycle: z.enum(['hourly', 'daily']) }).passthrough(),
  ),
});

/** The sandbox's pay-per-use instances (a sandbox-only path; KooGallery lists none). Empty when it cannot answer. */
export async function fetchSandboxInstances(baseUrl: string): Promise<KnownInstance[]> {
  const result = await exchange({ url: `${baseUrl}/sandbox/instances`, method: 'GET', headers: {}, timeoutMs: 5000 });
  if (result.kind !== 'response' || result.status !== 200) return [];
  const parsed = sandboxInstancesSchema.safeParse(JSON.parse(result.body));
  if (!parsed.success) return [];
  return parsed.data.instances.map((i) => ({
    instanceId: i.instance_id,
    productName: i.product_name,
    customerName: i.customer_name,
    billingCycle: i.billing_cycle,
  }));
}
