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
  state: z.enum(['online', 'offline', 'unknown']),
  checkedAt: z.number().int().nullable(),
  /** Why the last probe failed, in the source's own words (e.g. ECONNREFUSED). */
  detail: z.string().nullable(),
});

export const syncResourceSchema = z.enum(['orders', 'transaction_details', 'tickets', 'products']);
export type SyncResource = z.infer<typeof syncResourceSchema>;

export const syncSummarySchema = z.object({
  state: z.enum(['never', 'idle', 'running', 'error']),
  /** The most recent completed sync of any resource, UTC epoch ms. */
  lastSyncedAt: z.number().int().nullable(),
  resources: z.array(
    z.object({
      resource: syncResourceSchema,
      lastSyncedAt: z.number().int().nullable(),
      cursor: z.string().nullable(),
      /** Transaction details: everything before this instant is in the cache (T+1). */
      completeThrough: z.number().int().nullable(),
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
