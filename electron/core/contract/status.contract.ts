import { z } from 'zod';
import { method } from './define';

export const dataSourceSchema = z.object({
  /** `sandbox`: the embedded sandbox marketplace; `real`: KooGallery Open API with the seller's credentials. */
  kind: z.enum(['sandbox', 'real']),
  /** Where the connector sends requests; null while the source is not started. */
  baseUrl: z.string().nullable(),
  /**
   * Why this source: `selected` in settings; `default` (the sandbox is the embedded default);
   * `no-credentials` (the real API was chosen but no credentials are stored, so the sandbox runs).
   */
  reason: z.enum(['selected', 'default', 'no-credentials']),
});

export const connectivitySchema = z.object({
  /**
   * online: the source answers; degraded: it answers with server errors (HTTP 5xx, or no answer after
   * a request was sent); offline: it cannot be reached. Requests and the probe both move it.
   */
  state: z.enum(['online', 'degraded', 'offline', 'unknown']),
  checkedAt: z.number().int().nullable(),
  /** Why the source is not online, in its own words (ECONNREFUSED, HTTP 503, a marketplace code). */
  detail: z.string().nullable(),
});

/** The lists a sync fills, each from its own cursor (商家总览's profile and store traffic too). */
export const syncResourceSchema = z.enum([
  'orders',
  'transaction_details',
  'tickets',
  'products',
  'seller_profile',
  'store_traffic',
  'supervision',
  'requirements',
  'offers',
  'vouchers',
  'planning',
  'receivers',
]);
export type SyncResource = z.infer<typeof syncResourceSchema>;

/** Why a resource's last sync stopped: the marketplace's code, its HTTP status or the network's error, when. */
export const syncErrorSchema = z.object({
  code: z.string().nullable(),
  httpStatus: z.number().int().nullable(),
  /** No answer: ECONNREFUSED, ETIMEDOUT, ECONNRESET … */
  networkError: z.string().nullable().default(null),
  message: z.string(),
  at: z.number().int(),
});
export type SyncError = z.infer<typeof syncErrorSchema>;

const syncStateSchema = z.enum(['never', 'idle', 'running', 'error']);

export const syncSummarySchema = z.object({
  /** running while any resource syncs; error while any resource's last sync failed; never before the first. */
  state: syncStateSchema,
  /** The most recent completed sync of any resource, UTC epoch ms. */
  lastSyncedAt: z.number().int().nullable(),
  resources: z.array(
    z.object({
      resource: syncResourceSchema,
      state: syncStateSchema,
      lastSyncedAt: z.number().int().nullable(),
      cursor: z.string().nullable(),
      /** Transaction details: everything before this instant is in the cache (T+1). */
      completeThrough: z.number().int().nullable(),
      /** Set while the last sync of this resource failed, until one succeeds. */
      error: syncErrorSchema.nullable(),
    }),
  ),
});

export const usageQueueSummarySchema = z.object({
  queued: z.number().int().nonnegative(),
  sending: z.number().int().nonnegative(),
  /** Unsent records whose reporting window closes within 15 minutes. */
  dueSoon: z.number().int().nonnegative(),
  /** Unsent records whose reporting window has already closed. */
  atRisk: z.number().int().nonnegative(),
});

export const appStatusSchema = z.object({
  /** The core's clock as the marketplace keeps it (corrected by its Date headers): windows and SLAs are counted on it. */
  now: z.number().int(),
  dataSource: dataSourceSchema,
  connectivity: connectivitySchema,
  sync: syncSummarySchema,
  usageQueue: usageQueueSummarySchema,
});
export type AppStatus = z.infer<typeof appStatusSchema>;
export type UsageQueueSummary = z.infer<typeof usageQueueSummarySchema>;

export const statusContract = {
  'status.get': method({
    summary: 'The status bar: data source, online/offline, sync state and usage-queue depth, read from the core.',
    input: z.object({}).strict(),
    output: appStatusSchema,
  }),
  'status.checkConnectivity': method({
    summary: 'Probes the current data source now instead of waiting for the next scheduled probe.',
    input: z.object({}).strict(),
    output: connectivitySchema,
  }),
};
