import { termLabel } from '../conventions';
/**
 * What to do with each KooGallery answer (koogallery-api.md §1.4, §3.1, §3.2; APIG error pages).
 * - retryable: try again later (network, 5xx, internal errors)
 * - permanent: the request itself is wrong (validation, signature, auth, unknown instance, too old)
 * - throttled: slow down; wait at least Retry-After when given
 * - ambiguous: the request may have reached the marketplace but no answer came back — resend the
 *   identical records (the duplicate rule makes them count once), never new ones
 */
export type OutcomeClass = 'ok' | 'retryable' | 'permanent' | 'throttled' | 'ambiguous';

export interface CodeInfo {
  class: OutcomeClass;
  meaning: string;
  /** MKT.9003: more than 1000 records — split the batch and send the halves. */
  splitBatch?: true;
}

/** How each KooGallery code is handled; what it means is in the shared vocabulary (marketplaceCode). */
const CODE_CLASSES: Record<string, { class: OutcomeClass; splitBatch?: true }> = {
  'MKT.0000': { class: 'ok' },
  'MKT.0999': { class: 'retryable' },
  'MKT.0100': { class: 'permanent' },
  'MKT.0101': { class: 'permanent' },
  'MKT.0102': { class: 'permanent' },
  'MKT.0199': { class: 'permanent' },
  'MKT.0150': { class: 'permanent' },
  'MKT.0151': { class: 'permanent' },
  'MKT.0154': { class: 'permanent' },
  'MKT.0250': { class: 'throttled' },
  'MKT.9001': { class: 'permanent' },
  'MKT.9002': { class: 'permanent' },
  'MKT.9003': { class: 'permanent', splitBatch: true },
  'MKT.9004': { class: 'permanent' },
  'MKT.9005': { class: 'permanent' },
  '92020000': { class: 'ok' },
  '92020001': { class: 'retryable' },
  '92020002': { class: 'permanent' },
  'APIGW.0101': { class: 'permanent' },
  'APIGW.0201': { class: 'permanent' },
  'APIGW.0301': { class: 'permanent' },
  'APIGW.0303': { class: 'permanent' },
  'APIGW.0304': { class: 'permanent' },
  'APIGW.0308': { class: 'throttled' },
};

export const KOOGALLERY_CODES: Record<string, CodeInfo> = Object.fromEntries(
  Object.entries(CODE_CLASSES).map(([code, info]) => [code, { ...info, meaning: termLabel('marketplaceCode', code, 'en-US') }]),
);

/** Codes not in the table are judged by family and HTTP status, never silently treated as success. */
export function classifyCode(code: string | null, httpStatus: number): CodeInfo {
  const known = code ? KOOGALLERY_CODES[code] : undefined;
  if (known) return known;
  if (httpStatus === 429) return { class: 'throttled', meaning: 'Too many requests' };
  if (httpStatus >= 500) return { class: 'retryable', meaning: `Server error ${httpStatus}` };
  if (httpStatus >= 400) return { class: 'permanent', meaning: `Rejected with HTTP ${httpStatus}` };
  return { class: 'retryable', meaning: code ? `Unknown code ${code}` : 'Answer without an error code' };
}
