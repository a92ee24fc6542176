import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  computeApigSignature,
  signApigRequest,
  signUsageBody,
  usageBodySignature,
  verifyUsageBodySignature,
} from '../../electron/core/koogallery';

describe('APIG SDK-HMAC-SHA256 (koogallery-api.md §7.1, §7.2)', () => {
  it('reproduces the published license-activate vector', () => {
    const headers = signApigRequest(
      {
        method: 'POST',
        url: 'https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1/license/activate',
        headers: { 'x-stage': 'RELEASE', 'X-Sdk-Date': '20240317T144237Z', 'Content-Type': 'application/json' },
        body: '',
      },
      { ak: 'test', sk: '123' },
      0,
    );
    expect(headers.Host).toBe('mkt.myhuaweicloud.com');
    expect(headers.Authorization).toBe(
      'SDK-HMAC-SHA256 Access=test, SignedHeaders=content-type;host;x-sdk-date;x-stage, Signature=77595ad624b6e4e49990b8c4e84bf1c287457fca61069c4e60b9b6765b52053d',
    );
  });

  it('matches the intermediate values of §7.1', () => {
    const url = new URL('https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1/license/activate');
    const headers = { 'x-stage': 'RELEASE', 'X-Sdk-Date': '20240317T144237Z', 'Content-Type': 'application/json', Host: 'mkt.myhuaweicloud.com' };
    const signed = computeApigSignature('POST', url, headers, '', '123');
    expect(signed.stringToSign).toBe('SDK-HMAC-SHA256\n20240317T144237Z\n9a33b07351104f6c775075faa7dc0db58ec18bc532feaa8fd0b8fcf7990b1a9e');
  });

  it('reproduces the order-query vector with a query string', () => {
    const headers = signApigRequest(
      {
        method: 'GET',
        url: 'https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1/order/query?orderId=MOCKPERIODYEARNEW',
        headers: { 'Content-Type': 'application/json', 'X-Sdk-Date': '20240317T144237Z' },
        body: '',
      },
      { ak: 'test', sk: '123' },
      0,
    );
    expect(headers.Authorization).toContain('SignedHeaders=content-type;host;x-sdk-date,');
    expect(headers.Authorization).toContain('Signature=b2395e9e1eec2a32e164466eeb5be45956dcc7eeb9b6ebcb1ed2e4079df4c435');
  });

  it('adds X-Sdk-Date from the clock when the caller did not', () => {
    const headers = signApigRequest(
      { method: 'GET', url: 'https://mkt.myhuaweicloud.com/x', headers: {}, body: '' },
      { ak: 'a', sk: 'b' },
      Date.UTC(2026, 10, 24, 1, 2, 3),
    );
    expect(headers['X-Sdk-Date']).toBe('20261124T010203Z');
  });
});

describe('Usage Push (New) body signature (koogallery-api.md §7.3)', () => {
  const key = 'test-interconnection-key';
  const ts = '1709690865879';
  const nonce = '6c63c221-1f6b-4141-8ff4-22f5dfe82b65';
  const record = {
    instance_id: '7f141bf1-aec8-4859-8323-fb3a8ad50721',
    record_time: '20220809T091000Z',
    begin_time: '20220809T080000Z',
    end_time: '20220809T090000Z',
    usage_value: '99',
    metering_sn: 'sn-0001',
  };

  it('signs keys sorted at every level, compact', () => {
    const signed = signUsageBody(key, { usage_records: [record] }, ts, nonce);
    expect(signed.body).toBe(
      '{"usage_records":[{"begin_time":"20220809T080000Z","end_time":"20220809T090000Z","instance_id":"7f141bf1-aec8-4859-8323-fb3a8ad50721","metering_sn":"sn-0001","record_time":"20220809T091000Z","usage_value":"99"}]}',
    );
    expect(signed.headers).toMatchObject({ signature: 'QhP3xQMvs6FFETcBb5lwald8ur1h7bOYWYlCTWOKVPc=', ts, nonce });
  });

  it('gives the contrasting signature for document field order', () => {
    expect(usageBodySignature(key, ts, nonce, JSON.stringify({ usage_records: [record] }))).toBe('IVf4vSulujVYQLCnP3lv0wGibQtumG2Ijr+cXy4R5GI=');
  });

  it('verifies the exact bytes and refuses a tampered body', () => {
    const signed = signUsageBody(key, { usage_records: [record] }, ts, nonce);
    expect(verifyUsageBodySignature(key, ts, nonce, signed.body, signed.headers.signature)).toBe(true);
    expect(verifyUsageBodySignature(key, ts, nonce, signed.body.replace('"99"', '"98"'), signed.headers.signature)).toBe(false);
    expect(verifyUsageBodySignature('another-key', ts, nonce, signed.body, signed.headers.signature)).toBe(false);
  });

  it('sorts nested objects, keeps array order, drops undefined, keeps Chinese unescaped', () => {
    expect(canonicalJson({ b: [{ z: 1, a: 2 }, 3], a: { d: '云商店', c: undefined } })).toBe('{"a":{"d":"云商店"},"b":[{"a":2,"z":1},3]}');
  });
});
