import { z } from 'zod';
import { parseCompactTime, type ApiOutcome } from '../koogallery';

/** What the License API answered, in the contract's terms (the flow is added by the caller). */
export interface LicenseAnswer {
  ok: boolean;
  code: string | null;
  message: string;
  status: 'ALIVE' | 'EXPIRED' | 'RELEASED' | null;
  expireTime: number | null;
  activateTime: number | null;
  queued: boolean;
}

const statusSchema = z.enum(['ALIVE', 'EXPIRED', 'RELEASED']);
/** `data.license_code_info` is a JSON *string* (§3.2). */
const codeInfoSchema = z.object({ status: statusSchema.optional(), expire_time: z.string().optional() }).passthrough();
const heartbeatSchema = z.object({ status: statusSchema.optional(), activate_time: z.string().nullable().optional() }).passthrough();
/** v2 answers one result per license; a single-license call reads the first. */
const perLicense = z.array(z.object({ data: z.unknown().optional() }).passthrough());

const compact = (text: string | null | undefined) => (text ? parseCompactTime(text) : null);

function firstData(data: unknown): unknown {
  const many = perLicense.safeParse(data);
  return many.success ? (many.data[0]?.data ?? null) : data;
}

function failed(outcome: Exclude<ApiOutcome<unknown>, { class: 'ok' }>): LicenseAnswer {
  return { ok: false, code: outcome.code, message: outcome.message, status: null, expireTime: null, activateTime: null, queued: false };
}

/** 激活授权码's answer: the status and estimated expiry from `license_code_info`. */
export function activationAnswer(outcome: ApiOutcome<unknown>): LicenseAnswer {
  if (outcome.class !== 'ok') return failed(outcome);
  const data = z.object({ license_code_info: z.string() }).safeParse(firstData(outcome.data));
  let info: z.infer<typeof codeInfoSchema> = {};
  try {
    info = data.success ? codeInfoSchema.parse(JSON.parse(data.data.license_code_info)) : {};
  } catch {
    info = {};
  }
  return {
    ok: true,
    code: outcome.code,
    message: outcome.message,
    status: info.status ?? null,
    expireTime: compact(info.expire_time),
    activateTime: null,
    queued: false,
  };
}

/** 查询授权码's answer: ALIVE / EXPIRED / RELEASED and when it was activated. */
export function heartbeatAnswer(outcome: ApiOutcome<unknown>): LicenseAnswer {
  if (outcome.class !== 'ok') return failed(outcome);
  const data = heartbeatSchema.safeParse(firstData(outcome.data));
  const info = data.success ? data.data : {};
  return {
    ok: true,
    code: outcome.code,
    message: outcome.message,
    status: info.status ?? null,
    expireTime: null,
    activateTime: compact(info.activate_time),
    queued: false,
  };
}

/** The marketplace gave an answer (a code): the seller sees it; no answer at all waits in the queue. */
export function answered(outcome: ApiOutcome<unknown>): boolean {
  return outcome.class === 'ok' || outcome.code !== null;
}
