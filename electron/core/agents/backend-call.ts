import http from 'node:http';
import https from 'node:https';
import { AGENTS_CHECK_MAX_BYTES } from '../conventions';

export interface BackendRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
  timeoutMs: number;
}

/** What came back, or why nothing (complete) did: always an answer, never a hang. */
export interface BackendAnswer {
  /** null: no answer at all (see `failure`). */
  status: number | null;
  contentType: string | null;
  location: string | null;
  body: Buffer;
  /** Why the answer is incomplete or missing: refused, TLS, timeout, too large, reset. */
  failure: { kind: 'network' | 'tls' | 'timeout' | 'tooLarge'; message: string; seconds?: number } | null;
  timings: { firstByteMs: number | null; totalMs: number };
}

const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/i;

/**
 * One request to the seller's backend, as the Agents gateway would send it: strict TLS (Node's
 * default, never relaxed), redirects not followed (reported), one deadline for the whole answer, and
 * the body read up to 10 MB — past either the request is destroyed and the answer says why.
 */
export function callBackend(request: BackendRequest): Promise<BackendAnswer> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let firstByteMs: number | null = null;
    let response: http.IncomingMessage | null = null;
    let settled = false;
    const finish = (failure: BackendAnswer['failure']) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve({
        status: response?.statusCode ?? null,
        contentType: headerOf(response, 'content-type'),
        location: headerOf(response, 'location'),
        body: Buffer.concat(chunks),
        failure,
        timings: { firstByteMs, totalMs: elapsed() },
      });
      req.destroy();
    };
    const client = request.url.startsWith('https:') ? https : http;
    const req = client.request(request.url, { method: request.method, headers: request.headers }, (res) => {
      response = res;
      firstByteMs = elapsed();
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > AGENTS_CHECK_MAX_BYTES) return finish({ kind: 'tooLarge', message: `the answer is over ${AGENTS_CHECK_MAX_BYTES / 1024 / 1024} MB` });
        chunks.push(chunk);
      });
      res.on('end', () => finish(null));
      res.on('error', (error) => finish({ kind: 'network', message: error.message }));
    });
    const deadline = setTimeout(
      () => finish({ kind: 'timeout', message: `no complete answer within ${request.timeoutMs / 1000} s`, seconds: request.timeoutMs / 1000 }),
      request.timeoutMs,
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      const kind = TLS_CODES.test(error.code ?? '') || TLS_CODES.test(error.message) ? 'tls' : 'network';
      finish({ kind, message: `${error.code ?? ''} ${error.message}`.trim() });
    });
    req.end(request.body ?? undefined);
  });
}

function headerOf(response: http.IncomingMessage | null, name: string): string | null {
  const value = response?.headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}
