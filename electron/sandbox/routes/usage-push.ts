import { verifyUsageBodySignature } from '../../core/koogallery';
import {
  MAX_BEGIN_AGE_MS,
  MAX_RECORDS_PER_PUSH,
  parseSdrTime,
  usagePushOldRecordSchema,
  usagePushRecordSchema,
  type UsagePushRecord,
} from '../../core/koogallery';
import { z } from 'zod';
import { mkt, type SandboxRequest, type SandboxResponse } from '../http-kit';
import type { SandboxState } from '../sandbox-state';

/** Usage Push (New): the body signature is checked against the raw bytes received. */
export function pushUsageNew(state: SandboxState, request: SandboxRequest): SandboxResponse {
  const { signature, ts, nonce } = request.req.headers as Record<string, string | undefined>;
  if (!signature || !ts || !nonce) return mkt(400, 'MKT.0101', 'Invalid parameter: signature, ts and nonce headers are required');
  if (!/^\d{13}$/.test(ts)) return mkt(400, 'MKT.0101', 'Invalid parameter: ts must be Unix time in milliseconds');
  if (!verifyUsageBodySignature(state.credentials.sellerKey, ts, nonce, request.rawBody, signature)) {
    return mkt(400, 'MKT.0102', 'Invalid body sign');
  }
  return receive(state, request, z.object({ usage_records: z.array(usagePushRecordSchema.strict()) }).strict(), nonce);
}

/** Usage Push (Old): AK/SK checked by the router; records carry product_id and no metering_sn. */
export function pushUsageOld(state: SandboxState, request: SandboxRequest): SandboxResponse {
  const schema = z.object({ usage_records: z.array(usagePushOldRecordSchema.strict()) }).strict();
  return receive(state, request, schema, state.nextOldPushDelivery());
}

function receive(
  state: SandboxState,
  request: SandboxRequest,
  schema: z.ZodType<{ usage_records: (Omit<UsagePushRecord, 'metering_sn'> & { metering_sn?: string })[] }>,
  delivery: string,
): SandboxResponse {
  let json: unknown;
  try {
    json = JSON.parse(request.rawBody);
  } catch {
    return mkt(400, 'MKT.0101', 'Invalid parameter: body is not JSON');
  }
  const count = Array.isArray((json as { usage_records?: unknown })?.usage_records) ? (json as { usage_records: unknown[] }).usage_records.length : 0;
  if (count > MAX_RECORDS_PER_PUSH) return mkt(500, 'MKT.9003', 'Usage records extends size limit.');
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const badFormat = parsed.error.issues.some((issue) => issue.code === 'invalid_format');
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    return badFormat ? mkt(500, 'MKT.0100', `Failure of input parameter: ${detail}`) : mkt(400, 'MKT.0101', `Invalid parameter: ${detail}`);
  }
  const records = parsed.data.usage_records;
  for (const record of records) {
    if (parseSdrTime(record.begin_time)! < request.now - MAX_BEGIN_AGE_MS) return mkt(500, 'MKT.9004', 'Record beginTime extends Limit.');
    if (!state.instances.has(record.instance_id)) return mkt(500, 'MKT.9001', 'Instance ID not found.');
  }
  state.ledger.receive(
    records.map((r) => ({ metering_sn: '', ...r })),
    request.now,
    delivery,
  );
  return mkt(200, 'MKT.0000', 'success');
}
