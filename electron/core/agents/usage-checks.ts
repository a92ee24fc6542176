import { AGENTS_BODY_PREVIEW_BYTES, USAGE_INPUT_FIELDS, USAGE_OUTPUT_FIELDS } from '../conventions';
import type { BackendAnswer } from './backend-call';

/**
 * One check of an answer: what the gateway needs (expected) and what came back (actual). `reason`
 * and `params` say it for the seller's language (the renderer words them); `message` is the English
 * sentence for logs and the API.
 */
export interface UsageCheck {
  name: 'answer' | 'status' | 'format' | 'json' | 'usage' | 'tokens' | 'total';
  passed: boolean;
  reason: UsageCheckReason;
  params: Record<string, string | number>;
  message: string;
  expected: string;
  actual: string | null;
}

/** Why a check passed or failed: a passed check's reason is its name. */
export type UsageCheckReason =
  | UsageCheck['name']
  | 'network'
  | 'tls'
  | 'timeout'
  | 'tooLarge'
  | 'redirect'
  | 'formatNone'
  | 'notJson'
  | 'noEvent'
  | 'array'
  | 'notObject'
  | 'usageNested'
  | 'usageMissing';

type Outcome = Pick<UsageCheck, 'reason' | 'message' | 'actual'> & { params?: UsageCheck['params'] };

function passed(name: UsageCheck['name'], expected: string, outcome: Omit<Outcome, 'reason'>): UsageCheck {
  return { name, passed: true, reason: name, params: outcome.params ?? {}, message: outcome.message, expected, actual: outcome.actual };
}

function failed(name: UsageCheck['name'], expected: string, outcome: Outcome): UsageCheck {
  return { name, passed: false, reason: outcome.reason, params: outcome.params ?? {}, message: outcome.message, expected, actual: outcome.actual };
}

type Json = Record<string, unknown>;

/**
 * The checks the Agents gateway's billing depends on, in order, up to the first that fails: an
 * answer, HTTP 2xx, JSON or a stream (SSE), a JSON object (the final event of a stream), a top-level
 * `usage`, integer token counts ≥ 0, and total = input + output.
 */
export function usageChecks(answer: BackendAnswer): UsageCheck[] {
  const checks: UsageCheck[] = [];
  const add = (check: UsageCheck) => checks.push(check) && check.passed;
  if (!add(answerCheck(answer))) return checks;
  if (!add(statusCheck(answer))) return checks;
  const format = formatOf(answer.contentType);
  if (!add(formatCheck(answer.contentType, format))) return checks;
  const document = format === 'sse' ? finalEvent(answer.body.toString('utf8')) : parseObject(answer.body.toString('utf8'));
  if (!add(jsonCheck(document, format))) return checks;
  const usage = (document as Json).usage;
  if (!add(usagePlaceCheck(document as Json))) return checks;
  const counts = tokenCounts(usage as Json);
  if (!add(tokensCheck(counts))) return checks;
  add(totalCheck(counts));
  return checks;
}

/** The first 2 KB of a body, for the seller to see what came back. */
export function bodyPreview(body: Buffer): string {
  return body.subarray(0, AGENTS_BODY_PREVIEW_BYTES).toString('utf8');
}

function answerCheck(answer: BackendAnswer): UsageCheck {
  const expected = 'a complete answer';
  if (!answer.failure) return passed('answer', expected, { message: 'the backend answered', actual: `${answer.body.length} bytes` });
  const { kind, message, seconds } = answer.failure;
  return failed('answer', expected, { reason: kind, message: `${kind}: ${message}`, actual: kind, params: seconds === undefined ? {} : { seconds } });
}

function statusCheck(answer: BackendAnswer): UsageCheck {
  const status = answer.status!;
  const expected = 'HTTP 2xx';
  const actual = String(status);
  if (status >= 200 && status < 300) return passed('status', expected, { message: `HTTP ${status}`, actual, params: { status } });
  if (status < 300 || status >= 400) return failed('status', expected, { reason: 'status', message: `HTTP ${status}`, actual, params: { status } });
  const location = answer.location ?? '?';
  const message = `HTTP ${status}; a redirect to ${location} is not followed (the gateway calls the address as registered)`;
  return failed('status', expected, { reason: 'redirect', message, actual, params: { status, location } });
}

type Format = 'json' | 'sse' | null;

function formatOf(contentType: string | null): Format {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/event-stream') return 'sse';
  return type === 'application/json' || type.endsWith('+json') ? 'json' : null;
}

function formatCheck(contentType: string | null, format: Format): UsageCheck {
  const expected = 'application/json, or text/event-stream for a streamed answer';
  if (format) return passed('format', expected, { message: contentType!, actual: contentType });
  const message = `Content-Type ${contentType ?? '(none)'} is neither JSON nor a stream`;
  return failed('format', expected, {
    reason: contentType ? 'format' : 'formatNone',
    message,
    actual: contentType,
    params: { contentType: contentType ?? '' },
  });
}

function jsonCheck(document: unknown, format: Format): UsageCheck {
  const expected = format === 'sse' ? 'a final stream event whose data is a JSON object' : 'a JSON object';
  if (isObject(document)) return passed('json', expected, { message: 'a JSON object', actual: 'object' });
  const reason = document === undefined ? (format === 'sse' ? 'noEvent' : 'notJson') : Array.isArray(document) ? 'array' : 'notObject';
  const actual = { noEvent: 'no JSON event in the stream', notJson: 'not JSON', array: 'an array', notObject: typeof document }[reason];
  return failed('json', expected, { reason, message: `the answer is ${actual}`, actual });
}

function usagePlaceCheck(document: Json): UsageCheck {
  const expected = 'a top-level "usage" object';
  if (isObject(document.usage)) return passed('usage', expected, { message: 'usage found', actual: 'usage' });
  const nested = findNested(document, 'usage', '');
  if (!nested) return failed('usage', expected, { reason: 'usageMissing', message: 'the answer has no "usage"', actual: 'missing' });
  const message = `usage is at ${nested}; the gateway reads it only at the top level`;
  return failed('usage', expected, { reason: 'usageNested', message, actual: nested, params: { path: nested } });
}

interface Counts {
  input: { field: string; value: unknown };
  output: { field: string; value: unknown };
  total: { field: string; value: unknown };
}

function tokenCounts(usage: Json): Counts {
  const pick = (fields: readonly string[]) => {
    const field = fields.find((f) => f in usage) ?? fields[0]!;
    return { field, value: usage[field] };
  };
  return { input: pick(USAGE_INPUT_FIELDS), output: pick(USAGE_OUTPUT_FIELDS), total: { field: 'total_tokens', value: usage.total_tokens } };
}

function tokensCheck(counts: Counts): UsageCheck {
  const expected = 'prompt_tokens (or input_tokens), completion_tokens (or output_tokens) and total_tokens, each an integer ≥ 0';
  const wrong = [counts.input, counts.output, counts.total].filter(({ value }) => !(typeof value === 'number' && Number.isInteger(value) && value >= 0));
  const actual = describeCounts(counts);
  if (wrong.length === 0) return passed('tokens', expected, { message: 'token counts are integers', actual });
  const message = wrong.map(({ field, value }) => `usage.${field} is ${value === undefined ? 'missing' : JSON.stringify(value)}`).join('; ');
  return failed('tokens', expected, { reason: 'tokens', message, actual, params: { fields: wrong.map(({ field }) => field).join(', ') } });
}

function totalCheck(counts: Counts): UsageCheck {
  const [input, output, total] = [counts.input.value, counts.output.value, counts.total.value] as number[];
  const expected = `total_tokens = ${counts.input.field} + ${counts.output.field} = ${input! + output!}`;
  const sum = input! + output!;
  if (total === sum) return passed('total', expected, { message: 'the total adds up', actual: String(total) });
  return failed('total', expected, {
    reason: 'total',
    message: `total_tokens is ${total}, not ${sum}`,
    actual: String(total),
    params: { actual: total!, sum },
  });
}

function describeCounts(counts: Counts): string {
  return [counts.input, counts.output, counts.total].map(({ field, value }) => `${field}=${JSON.stringify(value)}`).join(', ');
}

/** The last `data:` event of a stream that is JSON ("[DONE]" and the like skipped): where usage arrives (§9). */
function finalEvent(text: string): unknown {
  const events = text
    .split(/\r?\n\r?\n/)
    .map((block) =>
      block
        .split(/\r?\n/)
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n'),
    )
    .filter((data) => data !== '');
  for (let i = events.length - 1; i >= 0; i--) {
    const parsed = parseObject(events[i]!);
    if (parsed !== undefined) return parsed;
  }
  return undefined;
}

function parseObject(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Where `key` sits deeper in the document (data.usage, choices.0.usage …), if anywhere. */
function findNested(value: unknown, key: string, path: string, depth = 0): string | null {
  if (!isObject(value) && !Array.isArray(value)) return null;
  if (depth > 6) return null;
  for (const [name, child] of Object.entries(value)) {
    const here = path ? `${path}.${name}` : name;
    if (name === key && isObject(child) && depth > 0) return here;
    const found = findNested(child, key, here, depth + 1);
    if (found) return found;
  }
  return null;
}
