import type http from 'node:http';
import type { FailureAnswer } from '../http-boundary';

/** A request as the sandbox handlers see it: parsed URL, raw body text, the sandbox clock. */
export interface SandboxRequest {
  req: http.IncomingMessage;
  url: URL;
  rawBody: string;
  now: number;
}

export interface SandboxResponse {
  status: number;
  /** An object to send as JSON, or JSON already written (a string, or its UTF-8 bytes). */
  body: unknown;
  headers?: Record<string, string>;
}

export const MAX_BODY_BYTES = 12 * 1024 * 1024; // APIG's limit (koogallery-api.md §2.2)

export function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Writes a JSON answer with the sandbox's own Date header (which the skew fault shifts). The body
 * goes out as bytes: a string handed to the socket cost a list page about a millisecond more (its
 * length counted, then encoded again inside the socket write).
 */
export function writeJson(res: http.ServerResponse, response: SandboxResponse, dateMs: number): void {
  const text = Buffer.isBuffer(response.body) ? response.body : Buffer.from(typeof response.body === 'string' ? response.body : JSON.stringify(response.body));
  res.writeHead(response.status, {
    'content-type': 'application/json;charset=UTF-8',
    'content-length': text.length,
    date: new Date(dateMs).toUTCString(),
    ...response.headers,
  });
  res.end(text);
}

export function mkt(status: number, code: string, message: string, extra: Record<string, unknown> = {}): SandboxResponse {
  return { status, body: { error_code: code, error_msg: message, ...extra } };
}

/** A request that failed, in the marketplace's envelope: APIG's 400 for a malformed URL, the service's own 500 otherwise. */
export function failureAnswer(now: () => number): FailureAnswer {
  return (res, status, message) => writeJson(res, mkt(status, status === 400 ? 'APIGW.0201' : 'MKT.0999', message), now());
}
