import { describe, expect, it } from 'vitest';
import { classifyCode, KOOGALLERY_CODES } from '../../electron/core/koogallery';

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
