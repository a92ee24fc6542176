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

/** Writes a JSON answer with the sandbox's own Date header (which the skew fault shifts). */
export function writeJson(res: http.ServerResponse, response: SandboxResponse, dateMs: number): void {
  const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  res.writeHead(response.status, {
    'content-type': 'application/json;charset=UTF-8',
    'content-length': Buffer.byteLength(text),
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
