import { type z } from 'zod';
import { formatCompactTime, parseCompactTime, licenseRequestV1Schema, licenseRequestV2Schema, type LicenseApiVersion } from '../../core/koogallery';
import type { SandboxRequest, SandboxResponse } from '../http-kit';
import type { LicenseState, SandboxState } from '../sandbox-state';

type LicenseResult = { error_code: string; error_msg: string; data?: unknown };

/**
 * A code issued to another seller: KooGallery answers `92020001 Unauthorized` for it (the failure
 * example in koogallery-api.md §3.2), so the app's handling of that code can be tried.
 */
export const OTHER_SELLERS_LICENSE = 'LICOTHERSELLER01';
const unauthorized = (): LicenseResult => ({ error_code: '92020001', error_msg: 'Unauthorized' });

/** License activate and heartbeat, v1 (one license) and v2 (batch); all answers are HTTP 200 (§3.2). */
export function licenseCall(state: SandboxState, request: SandboxRequest, version: LicenseApiVersion, action: 'activate' | 'heartbeat'): SandboxResponse {
  const parsed = parseLicenseBody(request.rawBody, version);
  if (!parsed) return { status: 200, body: { error_code: '92020002', error_msg: 'invalid param' } };
  const results = parsed.map((entry) => (action === 'activate' ? activate(state, entry, request.now) : heartbeat(state, entry.license, request.now)));
  if (version === 'v1') return { status: 200, body: results[0] };
  const allOk = results.every((r) => r.error_code === '92020000');
  return { status: 200, body: { error_code: allOk ? '92020000' : '92020002', error_msg: allOk ? 'success' : 'some licenses failed', data: results } };
}

function parseLicenseBody(rawBody: string, version: LicenseApiVersion): z.infer<typeof licenseRequestV1Schema>[] | null {
  try {
    const json: unknown = JSON.parse(rawBody);
    if (version === 'v1') {
      const one = licenseRequestV1Schema.safeParse(json);
      return one.success ? [one.data] : null;
    }
    const many = licenseRequestV2Schema.safeParse(json);
    return many.success ? many.data.licenses : null;
  } catch {
    return null;
  }
}

function activate(state: SandboxState, entry: z.infer<typeof licenseRequestV1Schema>, now: number): LicenseResult {
  if (entry.license === OTHER_SELLERS_LICENSE) return unauthorized();
  const license = state.licenses.get(entry.license);
  if (!license) return { error_code: '92020002', error_msg: `invalid param: license ${entry.license} not found` };
  const effect = entry.real_effect_time ? parseCompactTime(entry.real_effect_time) : now;
  if (effect === null || effect < license.created_at) {
    return { error_code: '92020002', error_msg: 'invalid param: real_effect_time must not be earlier than the order time' };
  }
  license.activated_at ??= effect;
  state.licenseActivated(license.license, now);
  return { error_code: '92020000', error_msg: 'success', data: { license_code_info: JSON.stringify(codeInfo(license, now)) } };
}

function heartbeat(state: SandboxState, code: string, now: number): LicenseResult {
  if (code === OTHER_SELLERS_LICENSE) return unauthorized();
  const license = state.licenses.get(code);
  if (!license) return { error_code: '92020002', error_msg: `invalid param: license ${code} not found` };
  return {
    error_code: '92020000',
    error_msg: 'success',
    data: {
      license_code: license.license,
      status: codeInfo(license, now).status,
      activate_time: license.activated_at === null ? null : formatCompactTime(license.activated_at),
    },
  };
}

function codeInfo(license: LicenseState, now: number) {
  return {
    status: now > license.expire_at ? 'EXPIRED' : license.activated_at === null ? 'RELEASED' : 'ALIVE',
    expire_time: formatCompactTime(license.expire_at),
    product_id: license.product_id,
    order_id: license.order_id,
    amount: 1,
  };
}
