import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { classifyCode, KOOGALLERY_CODES, type EnvelopeReader, type HttpExchangeResult } from '../../electron/core/koogallery';
import { toOutcome } from '../../electron/core/koogallery/outcome';

describe('KooGallery error codes → what the outbox does', () => {
  it.each([
    ['MKT.0000', 200, 'ok'],
    ['MKT.0999', 500, 'retryable'],
    ['MKT.0100', 500, 'permanent'],
    ['MKT.0101', 400, 'permanent'],
    ['MKT.0102', 400, 'permanent'],
    ['MKT.0199', 400, 'permanent'],
    ['MKT.0150', 401, 'permanent'],
    ['MKT.0151', 401, 'permanent'],
    ['MKT.0154', 401, 'permanent'],
    ['MKT.0250', 406, 'throttled'],
    ['MKT.9001', 500, 'permanent'],
    ['MKT.9002', 500, 'permanent'],
    ['MKT.9003', 500, 'permanent'],
    ['MKT.9004', 500, 'permanent'],
    ['92020000', 200, 'ok'],
    ['92020001', 200, 'retryable'],
    ['92020002', 200, 'permanent'],
    ['APIGW.0303', 401, 'permanent'],
    ['APIGW.0308', 429, 'throttled'],
  ] as const)('%s (HTTP %i) is %s', (code, status, expected) => {
    expect(classifyCode(code, status).class).toBe(expected);
  });

  it('asks for a split only on MKT.9003', () => {
    const splitting = Object.entries(KOOGALLERY_CODES).filter(([, info]) => info.splitBatch);
    expect(splitting.map(([code]) => code)).toEqual(['MKT.9003']);
  });

  it('judges unknown codes by HTTP status and never as success', () => {
    expect(classifyCode('APIGW.0999', 503).class).toBe('retryable');
    expect(classifyCode('APIGW.0404', 403).class).toBe('permanent');
    expect(classifyCode('WHATEVER', 429).class).toBe('throttled');
    expect(classifyCode(null, 200).class).toBe('retryable');
  });
});

describe('a code not in the table: judged by the HTTP status at its edges, with the words the attempts log shows', () => {
  it('is retryable from 500, rejected from 400 to 499, throttled on 429', () => {
    expect(classifyCode('X.1', 500)).toEqual({ class: 'retryable', meaning: 'Server error 500' });
    expect(classifyCode('X.1', 499)).toEqual({ class: 'permanent', meaning: 'Rejected with HTTP 499' });
    expect(classifyCode('X.1', 400)).toEqual({ class: 'permanent', meaning: 'Rejected with HTTP 400' });
    expect(classifyCode('X.1', 429)).toEqual({ class: 'throttled', meaning: 'Too many requests' });
  });

  it('below 400 is retried (never success), saying whether the answer carried a code', () => {
    expect(classifyCode('X.1', 399)).toEqual({ class: 'retryable', meaning: 'Unknown code X.1' });
    expect(classifyCode(null, 200)).toEqual({ class: 'retryable', meaning: 'Answer without an error code' });
  });
});

describe('an HTTP answer → the outcome the outbox acts on', () => {
  const reader: EnvelopeReader<{ error_code: string; error_msg?: string; n?: number }> = {
    schema: z.object({ error_code: z.string().regex(/^MKT\./), error_msg: z.string().optional(), n: z.number().optional() }),
    code: (e) => e.error_code,
    message: (e) => e.error_msg ?? '',
  };
  const answer = (status: number, body: string, headers: Record<string, string> = {}): HttpExchangeResult => ({
    kind: 'response',
    status,
    headers,
    body,
    serverDate: null,
    sentAt: 1_000,
    receivedAt: 2_000,
  });
  const outcomeOf = (result: HttpExchangeResult) => toOutcome('https://mkt.example/api', result, reader, (e) => e.n ?? null);

  it('MKT.0000 is ok, with the data and the message', () => {
    expect(outcomeOf(answer(200, '{"error_code":"MKT.0000","error_msg":"success","n":7}'))).toMatchObject({
      class: 'ok',
      code: 'MKT.0000',
      message: 'success',
      data: 7,
    });
  });

  it("a refusal keeps the marketplace's message, or the code's meaning when it sent none, and asks for a split only on MKT.9003", () => {
    expect(outcomeOf(answer(500, '{"error_code":"MKT.9004","error_msg":"Record beginTime extends Limit."}'))).toMatchObject({
      class: 'permanent',
      code: 'MKT.9004',
      message: 'Record beginTime extends Limit.',
      splitBatch: false,
    });
    expect(outcomeOf(answer(500, '{"error_code":"MKT.9004"}')).message).toBe('begin_time is older than 21 days');
    expect(outcomeOf(answer(500, '{"error_code":"MKT.9003"}'))).toMatchObject({ class: 'permanent', splitBatch: true });
  });

  it('reads Retry-After on a refusal', () => {
    expect(outcomeOf(answer(429, '{"error_code":"MKT.0250"}', { 'retry-after': '120' }))).toMatchObject({ class: 'throttled', retryAfterMs: 120_000 });
  });

  it("reads the API gateway's own envelope: a code, its message, never success, never a split", () => {
    expect(outcomeOf(answer(429, '{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached"}'))).toMatchObject({
      class: 'throttled',
      code: 'APIGW.0308',
      message: 'The throttling threshold has been reached',
      splitBatch: false,
    });
    expect(outcomeOf(answer(401, '{"error_code":"APIGW.0303"}')).message).toBe('Incorrect app authentication information (AK/SK signature)');
    expect(outcomeOf(answer(200, '{"error_code":"92020000"}')).class).toBe('ambiguous');
  });

  it('an unreadable answer is ambiguous from 200 to 299 (the marketplace may have acted), judged by status otherwise', () => {
    for (const status of [200, 299])
      expect(outcomeOf(answer(status, '<html>'))).toMatchObject({
        class: 'ambiguous',
        code: null,
        message: `Unreadable answer (HTTP ${status})`,
        splitBatch: false,
      });
    expect(outcomeOf(answer(300, '<html>')).class).toBe('retryable');
    expect(outcomeOf(answer(199, '<html>')).class).toBe('retryable');
    expect(outcomeOf(answer(502, 'Bad Gateway')).class).toBe('retryable');
    expect(outcomeOf(answer(403, 'Forbidden')).class).toBe('permanent');
  });

  it('no answer: ambiguous once the request was sent, a plain retry when it never left', () => {
    const failure = (sent: boolean): HttpExchangeResult => ({ kind: 'network-error', sent, code: 'ECONNRESET', sentAt: 1_000 });
    expect(outcomeOf(failure(true))).toMatchObject({
      class: 'ambiguous',
      message: 'No answer after the request was sent (ECONNRESET); the marketplace may have received it',
      splitBatch: false,
      meta: { httpStatus: null, networkError: 'ECONNRESET' },
    });
    expect(outcomeOf(failure(false))).toMatchObject({ class: 'retryable', message: 'Could not reach the marketplace (ECONNRESET)', splitBatch: false });
  });
});
