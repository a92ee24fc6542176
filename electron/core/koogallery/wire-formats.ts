import { z } from 'zod';
import { formatSdrTime, parseSdrTime, SDR_TIME_PATTERN } from '../conventions';
import { LIST_RESOURCES, type ListResource } from '../contract';

export { formatSdrTime, parseSdrTime, SDR_TIME_PATTERN };

/**
 * KooGallery wire formats (koogallery-api.md §1, §3), shared by the client and the sandbox so the
 * two cannot drift. Points the public docs leave open are marked [UNCONFIRMED] and decided here.
 */
export const PATHS = {
  usagePushNew: '/api/mkp-openapi-public/global/v1/isv/usage-data',
  usagePushOld: '/rest/marketplace/v1/isv/usage-data',
  orderQuery: '/api/mkp-openapi-public/global/v1/order/query',
  license: (version: LicenseApiVersion, action: 'activate' | 'heartbeat') => `/api/mkp-openapi-public/global/${version}/license/${action}`,
} as const;

export type LicenseApiVersion = 'v1' | 'v2';

/** KooGallery hosts (§1.1). The China fallback host is used only when the main one cannot be reached. */
export const KOOGALLERY_HOSTS = {
  cn: ['https://mkt.myhuaweicloud.com', 'https://mkt.myhuaweicloud.cn'],
  intl: ['https://mkt-intl.myhuaweicloud.com', 'https://mkt.myhuaweicloud.cn'],
} as const;

export const MAX_RECORDS_PER_PUSH = 1000;
export const MAX_BEGIN_AGE_MS = 21 * 24 * 3_600_000;

const SDR_TIME_EXPECTED = "expected yyyyMMdd'T'HHmmss'Z' (UTC)";
/** `yyyyMMdd'T'HHmmss'Z'`, UTC, and a time that exists (not 30 February, not hour 25): both are format failures. */
const sdrTime = z
  .string()
  .regex(SDR_TIME_PATTERN, SDR_TIME_EXPECTED)
  .superRefine((text, ctx) => {
    if (SDR_TIME_PATTERN.test(text) && parseSdrTime(text) === null)
      ctx.addIssue({
        code: 'invalid_format',
        format: 'regex',
        pattern: SDR_TIME_PATTERN.source,
        input: text,
        message: `${SDR_TIME_EXPECTED}: ${text} is not a real time`,
      });
  });

export const usagePushRecordSchema = z.object({
  instance_id: z.string().min(1).max(64),
  record_time: sdrTime,
  begin_time: sdrTime,
  end_time: sdrTime,
  /** A JSON string as in the doc example: > 0, at most 4 decimals. */
  usage_value: z.string().min(1).max(20),
  metering_sn: z.string().min(1).max(64),
  relate_pkg_instance: z.string().min(1).max(64).optional(),
});
export type UsagePushRecord = z.infer<typeof usagePushRecordSchema>;

/** Old variant: `product_id` added, no `metering_sn`, no body signature (§1.3). */
export const usagePushOldRecordSchema = usagePushRecordSchema.omit({ metering_sn: true }).extend({ product_id: z.string().min(1).max(64) });
export type UsagePushOldRecord = z.infer<typeof usagePushOldRecordSchema>;

export const mktEnvelopeSchema = z.object({ error_code: z.string(), error_msg: z.string().optional() }).passthrough();

export const orderQueryEnvelopeSchema = z.object({ resultCode: z.string(), resultMsg: z.string().optional(), orderInfo: z.unknown().optional() }).passthrough();

export const orderInfoSchema = z
  .object({
    orderId: z.string(),
    orderType: z.enum(['NEW', 'TRIAL', 'TRIAL_TO_FORMAL', 'UNSUBSCRIBE', 'RENEW', 'CHANGE']),
    createTime: z.string(),
    orderLine: z.array(
      z
        .object({
          orderLineId: z.string(),
          chargingMode: z.enum(['ON_DEMAND', 'ONE_TIME', 'PERIOD', 'ON_DEMAND_PKG']),
          expireTime: z.string().nullable().optional(),
        })
        .passthrough(),
    ),
    buyerInfo: z.unknown().optional(),
    extendParams: z.array(z.object({ name: z.string(), value: z.unknown() })).optional(),
  })
  .passthrough();
export type OrderInfo = z.infer<typeof orderInfoSchema>;

/**
 * License v2 batch bodies [UNCONFIRMED]: the docs say v2 "supports batch" but publish no schema.
 * Chosen: `{"licenses":[{"license":…,"real_effect_time":…}]}`, answered with `data` as an array of
 * per-license results. Change here (client and sandbox follow) if the real service differs.
 */
export const licenseRequestV1Schema = z.object({ license: z.string().min(1).max(64), real_effect_time: z.string().max(16).optional() });
export const licenseRequestV2Schema = z.object({ licenses: z.array(licenseRequestV1Schema).min(1).max(100) });
export type LicenseRequest = z.infer<typeof licenseRequestV1Schema>;

/** Order query and license times: `yyyyMMddHHmmss`, UTC. */
export function formatCompactTime(epochMs: number): string {
  return formatSdrTime(epochMs).replace('T', '').replace('Z', '');
}

/** Parses `yyyyMMddHHmmss` (UTC); null for a malformed or impossible time. */
export function parseCompactTime(text: string): number | null {
  return /^\d{14}$/.test(text) ? parseSdrTime(`${text.slice(0, 8)}T${text.slice(8)}Z`) : null;
}

/**
 * List endpoints: a sandbox extension (KooGallery publishes none, §3.6), the reference of what a
 * list-capable marketplace API looks like: `GET /sandbox/v1/lists/{resource}?cursor=&limit=`.
 */
export { LIST_RESOURCES, type ListResource };
export const listPath = (resource: ListResource) => `/sandbox/v1/lists/${resource}`;
