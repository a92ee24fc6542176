import crypto from 'node:crypto';

/**
 * Usage Push (New) body signature (koogallery-api.md §1.2):
 * `signature = base64(HMAC-SHA256(key, "ts={ts}&nonce={nonce}&body={body}"))`, where body is the
 * JSON with object keys sorted at every level ("按自然排序"), compact, UTF-8. The exact string
 * signed is the exact string sent.
 */
export interface SignedUsageBody {
  body: string;
  headers: { signature: string; ts: string; nonce: string; 'content-type': string };
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value));
}

export function usageBodySignature(key: string, ts: string, nonce: string, body: string): string {
  return crypto.createHmac('sha256', key).update(`ts=${ts}&nonce=${nonce}&body=${body}`, 'utf8').digest('base64');
}

export function signUsageBody(key: string, payload: unknown, ts: string, nonce: string): SignedUsageBody {
  const body = canonicalJson(payload);
  return {
    body,
    headers: { signature: usageBodySignature(key, ts, nonce, body), ts, nonce, 'content-type': 'application/json' },
  };
}

/** Constant-time check of a received signature against the raw received body. */
export function verifyUsageBodySignature(key: string, ts: string, nonce: string, rawBody: string, signature: string): boolean {
  const expected = Buffer.from(usageBodySignature(key, ts, nonce, rawBody));
  const given = Buffer.from(signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const child = (value as Record<string, unknown>)[key];
    if (child !== undefined) sorted[key] = sortKeysDeep(child);
  }
  return sorted;
}
