import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  computeApigSignature,
  parseApigAuthorization,
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

describe('APIG canonical request: what may vary without changing the signature, and what may not', () => {
  const url = (query: string) => new URL(`https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1/order/query${query}`);
  const date = '20240317T144237Z';
  const signature = (headers: Record<string, string>, query = '?orderId=A') =>
    computeApigSignature('GET', url(query), { Host: 'mkt.myhuaweicloud.com', 'X-Sdk-Date': date, ...headers }, '', '123').signature;

  it('signs headers by lower-cased name in sorted order, values trimmed, never the Authorization header', () => {
    const base = signature({ 'Content-Type': 'application/json', 'x-stage': 'RELEASE' });
    expect(signature({ 'x-stage': 'RELEASE', 'content-type': 'application/json' })).toBe(base);
    expect(signature({ 'Content-Type': '  application/json ', 'X-Stage': 'RELEASE' })).toBe(base);
    expect(signature({ 'Content-Type': 'application/json', 'x-stage': 'RELEASE', Authorization: 'SDK-HMAC-SHA256 Access=old' })).toBe(base);
    expect(signature({ 'Content-Type': 'application/json', 'x-stage': 'TEST' })).not.toBe(base);
  });

  it("signs query parameters sorted by name, then value, escaped as RFC 3986 (!'()* too)", () => {
    expect(signature({}, '?b=2&a=1')).toBe(signature({}, '?a=1&b=2'));
    expect(signature({}, '?a=2&a=1')).toBe(signature({}, '?a=1&a=2'));
    expect(signature({}, '?a=1&b=2')).not.toBe(signature({}, '?a=2&b=1'));
    const canonical = (query: string) => computeApigSignature('GET', url(query), { Host: 'h', 'X-Sdk-Date': date }, '', '1').canonicalRequest.split('\n')[2];
    expect(canonical("?q=it's(1)*!")).toBe('q=it%27s%281%29%2A%21');
    expect(canonical('?b=2&a=1&a=0')).toBe('a=0&a=1&b=2');
    expect(canonical('?b=1&a=2')).toBe('a=2&b=1'); // by name first, whatever the values
  });

  it('signs an empty date line when a request carries no X-Sdk-Date (the marketplace then refuses it)', () => {
    const signed = computeApigSignature('GET', url(''), { Host: 'h' }, '', '1');
    expect(signed.stringToSign.startsWith('SDK-HMAC-SHA256\n\n')).toBe(true);
  });

  it("keeps the caller's own Host and X-Sdk-Date, whatever their case", () => {
    const headers = signApigRequest(
      { method: 'GET', url: 'https://mkt.myhuaweicloud.com/x', headers: { host: 'proxy.example', 'x-sdk-date': date }, body: '' },
      { ak: 'a', sk: 'b' },
      0,
    );
    expect(headers.Host).toBeUndefined();
    expect(headers['X-Sdk-Date']).toBeUndefined();
    expect(headers.Authorization).toContain('SignedHeaders=host;x-sdk-date,');
  });

  it('reads an Authorization header back into its parts, and refuses one that is not exactly that form', () => {
    const { Authorization } = signApigRequest(
      { method: 'GET', url: 'https://mkt.myhuaweicloud.com/x', headers: { 'X-Sdk-Date': date }, body: '' },
      { ak: 'AK1', sk: 'b' },
      0,
    );
    const parsed = parseApigAuthorization(Authorization);
    expect(parsed).toEqual({ access: 'AK1', signedHeaders: ['host', 'x-sdk-date'], signature: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(parseApigAuthorization(Authorization!.replace('SDK-HMAC-SHA256 ', 'SDK-HMAC-SHA256   '))).toEqual(parsed);
    expect(parseApigAuthorization(Authorization!.replace(/, /g, ','))).toEqual(parsed); // no space after the commas
    for (const bad of [
      undefined,
      ` ${Authorization}`,
      Authorization!.replace('SDK-HMAC-SHA256 ', 'SDK-HMAC-SHA256'),
      Authorization!.replace('Access=AK1', 'Access='),
      Authorization!.replace('Access=AK1', 'Access=A K'),
      Authorization!.replace(/SignedHeaders=[^,]+/, 'SignedHeaders='),
      Authorization!.replace(/Signature=([0-9a-f]+)/, (_, hex: string) => `Signature=${hex.toUpperCase()}`),
      Authorization!.replace(/Signature=[0-9a-f]+/, 'Signature='),
    ])
      expect(parseApigAuthorization(bad), String(bad)).toBeNull();
  });
});

describe('Usage Push (New) signature check at its edges', () => {
  it('sends the signed body as JSON, with its ts, nonce and signature', () => {
    const signed = signUsageBody('k', { a: 1 }, '1700000000000', 'n-1');
    expect(signed.headers).toEqual({
      signature: usageBodySignature('k', '1700000000000', 'n-1', '{"a":1}'),
      ts: '1700000000000',
      nonce: 'n-1',
      'content-type': 'application/json',
    });
  });

  it('answers false, not an exception, for a signature of another length', () => {
    expect(verifyUsageBodySignature('k', '1', 'n', '{}', 'short')).toBe(false);
    expect(verifyUsageBodySignature('k', '1', 'n', '{}', '')).toBe(false);
  });
});
