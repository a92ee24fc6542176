import { z } from 'zod';
import { method } from './define';
import { badRowSchema } from './imports.contract';
import { fileNameSchema, vocabEnum } from './lists.contract';

const sdrTime = z.string().regex(/^\d{8}T\d{6}Z$/, "expected yyyyMMdd'T'HHmmss'Z' (UTC)");

export const captureResultSchema = z.object({
  /** The text encoding a CSV or JSON Lines file was read in; null for a workbook or the form. */
  encoding: z.string().nullable(),
  rows: z.number().int(),
  queued: z.number().int(),
  problems: z.array(badRowSchema),
  refused: z.boolean(),
});

export const usageWindowSchema = z.object({
  windowOpensAt: z.number().int(),
  windowClosesAt: z.number().int(),
  billingCycle: vocabEnum('billingCycle'),
  records: z.number().int(),
  waiting: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  overdue: z.number().int(),
  rejected: z.number().int(),
  expired: z.number().int(),
  anomaly: z.number().int(),
  /** Accepted on time / all records of the window; null while nothing is settled. */
  onTimeRatio: z.number().nullable(),
});

export const usageRecordViewSchema = z.object({
  id: z.number().int(),
  meteringSn: z.string(),
  instanceId: z.string(),
  beginAt: z.number().int(),
  endAt: z.number().int(),
  usageValue: z.string(),
  billingCycle: vocabEnum('billingCycle'),
  state: vocabEnum('usageState'),
  timeliness: vocabEnum('timeliness').nullable(),
  attempts: z.number().int(),
  lastErrorCode: z.string().nullable(),
  lastErrorMessage: z.string().nullable(),
  acceptedAt: z.number().int().nullable(),
});

export const uploadAttemptSchema = z.object({
  id: z.number().int(),
  startedAt: z.number().int(),
  finishedAt: z.number().int().nullable(),
  ts: z.string(),
  nonce: z.string(),
  bodySha256: z.string(),
  recordCount: z.number().int(),
  httpStatus: z.number().int().nullable(),
  code: z.string().nullable(),
  message: z.string().nullable(),
  outcome: z.string().nullable(),
});

export const manualUsageSchema = z
  .object({
    instance_id: z.string().trim().min(1).max(64),
    begin_time: sdrTime,
    end_time: sdrTime,
    usage_value: z.string().trim().min(1).max(20),
    billing_cycle: vocabEnum('billingCycle').default('hourly'),
    relate_pkg_instance: z.string().trim().max(64).optional(),
    product_id: z.string().trim().max(64).optional(),
  })
  .strict();

export const flushReportSchema = z.object({
  batches: z.number().int(),
  accepted: z.number().int(),
  retried: z.number().int(),
  rejected: z.number().int(),
  pausedUntil: z.number().int().nullable(),
});

export const usageContract = {
  'usage.capture': method({
    summary: 'Queues one usage record from the manual form, after the same validation as an import.',
    input: manualUsageSchema,
    output: captureResultSchema,
  }),
  'usage.importFile': method({
    summary: 'Imports a CSV, XLSX or JSON Lines file of usage records. A file with bad rows is refused whole unless queueValidOnly.',
    input: z
      .object({
        fileName: fileNameSchema,
        /** The file's bytes, base64: works the same from Electron and from a browser. */
        contentBase64: z.string().max(200 * 1024 * 1024),
        queueValidOnly: z.boolean().default(false),
      })
      .strict(),
    output: captureResultSchema,
  }),
  'usage.reconcile': method({
    summary: "Imports Seller Center's SDR anomaly list: records the API accepted but the marketplace lists as anomalies become anomaly.",
    input: z.object({ fileName: fileNameSchema, contentBase64: z.string().max(200 * 1024 * 1024) }).strict(),
    output: z.object({ rows: z.number().int(), marked: z.number().int(), unmatched: z.array(badRowSchema) }),
  }),
  'usage.windows': method({
    summary: 'One row per reporting window, newest first: record counts by outcome and the on-time ratio.',
    input: z.object({ limit: z.number().int().min(1).max(500).default(48), before: z.number().int().optional() }).strict(),
    output: z.array(usageWindowSchema),
  }),
  'usage.records': method({
    summary: 'The records of one window (drill-down), optionally of one state.',
    input: z
      .object({
        windowOpensAt: z.number().int(),
        state: usageRecordViewSchema.shape.state.optional(),
        limit: z.number().int().min(1).max(1000).default(200),
        afterId: z.number().int().default(0),
      })
      .strict(),
    output: z.array(usageRecordViewSchema),
  }),
  'usage.correct': method({
    summary: 'Corrects a rejected, anomalous or expired record and queues it again (new metering_sn when its times change).',
    input: z
      .object({ id: z.number().int(), usage_value: z.string().trim().min(1).max(20).optional(), begin_time: sdrTime.optional(), end_time: sdrTime.optional() })
      .strict(),
    output: captureResultSchema,
  }),
  'usage.attempts': method({
    summary: 'The upload attempts log, newest first: the proof of every push.',
    input: z.object({ limit: z.number().int().min(1).max(1000).default(100), beforeId: z.number().int().optional() }).strict(),
    output: z.array(uploadAttemptSchema),
  }),
  'usage.instances': method({
    summary:
      "Pay-per-use instances usage can be reported for: the cache's pay-per-use order lines, instances usage was captured for, and the source's own list (the sandbox's).",
    input: z.object({}).strict(),
    output: z.array(
      z.object({
        instanceId: z.string(),
        productName: z.string().nullable(),
        customerName: z.string().nullable(),
        billingCycle: vocabEnum('billingCycle').nullable(),
      }),
    ),
  }),
  'usage.flushNow': method({
    summary: 'Sends everything due now instead of waiting for the scheduler.',
    input: z.object({}).strict(),
    output: flushReportSchema,
  }),
};
