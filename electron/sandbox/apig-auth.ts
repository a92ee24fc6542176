import type http from 'node:http';
import { computeApigSignature, parseApigAuthorization } from '../core/koogallery';
import { parseSdrTime } from '../core/koogallery';
import type { SandboxResponse } from './http-kit';

const MAX_DATE_SKEW_MS = 15 * 60_000;

/**
 * Checks `SDK-HMAC-SHA256` App authentication like APIG: returns null when the request is signed by
 * the sandbox's AK/SK, otherwise the APIGW-style 401 the client would get.
 */
export function checkApigAuth(req: http.IncomingMessage, url: URL, rawBody: string, ak: string, sk: string, now: number): SandboxResponse | null {
  const auth = parseApigAuthorization(header(req, 'authorization'));
  if (!auth) return refuse('Authorization header missing or not SDK-HMAC-SHA256');
  if (auth.access !== ak) return refuse('app not found');
  const sdkDate = parseSdrTime(header(req, 'x-sdk-date') ?? '');
  if (sdkDate === null) return refuse('X-Sdk-Date missing or malformed');
  if (Math.abs(sdkDate - now) > MAX_DATE_SKEW_MS) return refuse('signature expired (X-Sdk-Date more than 15 minutes from server time)');
  const signed: Record<string, string> = {};
  for (const name of auth.signedHeaders) signed[name] = header(req, name) ?? '';
  const expected = computeApigSignature(req.method ?? 'GET', url, signed, rawBody, sk).signature;
  return expected === auth.signature ? null : refuse('verify aksk signature fail');
}

function refuse(detail: string): SandboxResponse {
  return { status: 401, body: { error_code: 'APIGW.0303', error_msg: `Incorrect app authentication information: ${detail}`, request_id: cryptoRandomId() } };
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(',') : value;
}

function cryptoRandomId(): string {
  return Math.random().toString(16).slice(2).padEnd(32, '0');
}
