import crypto from 'node:crypto';
import { sha256Hex } from './hashing';
import { formatSdrTime } from './wire-formats';

/**
 * Huawei APIG App authentication, `SDK-HMAC-SHA256` (koogallery-api.md §2.2, vectors §7.1–7.2).
 * Every header given is signed (names lowercased, sorted), plus `host` and `x-sdk-date`.
 */
export const APIG_ALGORITHM = 'SDK-HMAC-SHA256';

export interface ApigRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface ApigCredentials {
  ak: string;
  sk: string;
}

/** `X-Sdk-Date` uses the same `yyyyMMdd'T'HHmmss'Z'` form as usage records. */
export const formatSdkDate = formatSdrTime;

/** Returns the headers to send: the given ones plus Host, X-Sdk-Date and Authorization. */
export function signApigRequest(request: ApigRequest, credentials: ApigCredentials, nowMs: number): Record<string, string> {
  const url = new URL(request.url);
  const headers: Record<string, string> = { ...request.headers };
  if (!findHeader(headers, 'x-sdk-date')) headers['X-Sdk-Date'] = formatSdkDate(nowMs);
  if (!findHeader(headers, 'host')) headers.Host = url.host;
  const { signature, signedHeaders } = computeApigSignature(request.method, url, headers, request.body, credentials.sk);
  headers.Authorization = `${APIG_ALGORITHM} Access=${credentials.ak}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return headers;
}

export function computeApigSignature(method: string, url: URL, headers: Record<string, string>, body: string, sk: string) {
  const canonical = canonicalRequest(method, url, headers, body);
  const sdkDate = findHeader(headers, 'x-sdk-date') ?? '';
  const stringToSign = `${APIG_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonical.text)}`;
  const signature = crypto.createHmac('sha256', sk).update(stringToSign, 'utf8').digest('hex');
  return { signature, signedHeaders: canonical.signedHeaders, canonicalRequest: canonical.text, stringToSign };
}

export interface ParsedAuthorization {
  access: string;
  signedHeaders: string[];
  signature: string;
}

export function parseApigAuthorization(value: string | undefined): ParsedAuthorization | null {
  const match = /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/.exec(value ?? '');
  if (!match) return null;
  return { access: match[1]!, signedHeaders: match[2]!.split(';'), signature: match[3]! };
}

function canonicalRequest(method: string, url: URL, headers: Record<string, string>, body: string) {
  const lowered = Object.entries(headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim()] as const)
    .filter(([name]) => name !== 'authorization')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = lowered.map(([name]) => name).join(';');
  const text = [
    method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQuery(url.searchParams),
    lowered.map(([name, value]) => `${name}:${value}\n`).join(''),
    signedHeaders,
    sha256Hex(body),
  ].join('\n');
  return { text, signedHeaders };
}

function canonicalUri(pathname: string): string {
  const encoded = pathname
    .split('/')
    .map((segment) => rfc3986(decodeURIComponent(segment)))
    .join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

function canonicalQuery(params: URLSearchParams): string {
  return [...params.entries()]
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : 1) : ak < bk ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function findHeader(headers: Record<string, string>, name: string): string | undefined {
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
}
