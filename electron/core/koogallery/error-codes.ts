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

export const KOOGALLERY_CODES: Record<string, CodeInfo> = {
  'MKT.0000': { class: 'ok', meaning: 'Success' },
  'MKT.0999': { class: 'retryable', meaning: 'System internal error' },
  'MKT.0100': { class: 'permanent', meaning: 'Failure of input parameter (out of range, illegal value or bad format)' },
  'MKT.0101': { class: 'permanent', meaning: 'Invalid parameter (undefined, extra or missing parameter)' },
  'MKT.0102': { class: 'permanent', meaning: 'Invalid body sign (check the seller interconnection key)' },
  'MKT.0199': { class: 'permanent', meaning: 'Request parameter error' },
  'MKT.0150': { class: 'permanent', meaning: "Illegal operation (the instance is not this seller's)" },
  'MKT.0151': { class: 'permanent', meaning: 'No authority (not a seller role)' },
  'MKT.0154': { class: 'permanent', meaning: 'Illegal token (authentication failed)' },
  'MKT.0250': { class: 'throttled', meaning: 'Access frequency overlimit' },
  'MKT.9001': { class: 'permanent', meaning: 'Instance ID not found' },
  'MKT.9002': { class: 'permanent', meaning: 'Invalid usage entities' },
  'MKT.9003': { class: 'permanent', meaning: 'Usage records exceed the size limit (1000)', splitBatch: true },
  'MKT.9004': { class: 'permanent', meaning: 'begin_time is older than 21 days' },
  'MKT.9005': { class: 'permanent', meaning: 'Request rejected (see extra_info)' },
  '92020000': { class: 'ok', meaning: 'Success' },
  '92020001': { class: 'retryable', meaning: 'License service internal error' },
  '92020002': { class: 'permanent', meaning: 'Invalid license parameter' },
  'APIGW.0101': { class: 'permanent', meaning: 'The API does not exist or has not been published' },
  'APIGW.0201': { class: 'permanent', meaning: 'API request error' },
  'APIGW.0301': { class: 'permanent', meaning: 'Incorrect IAM authentication information' },
  'APIGW.0303': { class: 'permanent', meaning: 'Incorrect app authentication information (AK/SK signature)' },
  'APIGW.0304': { class: 'permanent', meaning: 'The app is not authorized to access the API' },
  'APIGW.0308': { class: 'throttled', meaning: 'The throttling threshold has been reached' },
};

/** Codes not in the table are judged by family and HTTP status, never silently treated as success. */
export function classifyCode(code: string | null, httpStatus: number): CodeInfo {
  const known = code ? KOOGALLERY_CODES[code] : undefined;
  if (known) return known;
  if (httpStatus === 429) return { class: 'throttled', meaning: 'Too many requests' };
  if (httpStatus >= 500) return { class: 'retryable', meaning: `Server error ${httpStatus}` };
  if (httpStatus >= 400) return { class: 'permanent', meaning: `Rejected with HTTP ${httpStatus}` };
  return { class: 'retryable', meaning: code ? `Unknown code ${code}` : 'Answer without an error code' };
}
