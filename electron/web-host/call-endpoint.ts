import type http from 'node:http';
import type { Core } from '../core';
import { CoreError, type CallResult } from '../core/contract';
import { describeBytes } from './limits';

export const CALL_PATH = '/api/call';

/** `POST /api/call` with `{method, input}`: one call answered with its CallResult, for scripts and tests. */
export async function answerCall(req: http.IncomingMessage, res: http.ServerResponse, core: Core, limitBytes: number): Promise<void> {
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'POST' }).end();
    return;
  }
  const body = await readBody(req, limitBytes);
  if (body === 'gone') return;
  if (body === 'tooLarge') return writeCallResult(res, 413, refused(tooLarge(limitBytes)));
  const call = parseCall(body);
  writeCallResult(res, 200, call instanceof CoreError ? refused(call) : await core.dispatch(call.method, call.input));
}

export function writeCallResult(res: http.ServerResponse, status: number, result: CallResult): void {
  const body = JSON.stringify(result);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  res.end(body);
}

function refused(error: CoreError): CallResult {
  return { ok: false, error: error.toShape() };
}

function tooLarge(limitBytes: number): CoreError {
  return new CoreError('VALIDATION', `Request body is over the limit of ${describeBytes(limitBytes)}`, {
    reason: 'request.tooLarge',
    params: { limit: limitBytes },
  });
}

/**
 * The body, 'tooLarge' as soon as it passes the limit, or 'gone' when the client left before its end.
 * What is past the limit is left to Node, which reads and drops it after the answer (bounded by the
 * request timeout): closing at once would reset the connection before the client reads the 413.
 */
function readBody(req: http.IncomingMessage, limitBytes: number): Promise<Buffer | 'tooLarge' | 'gone'> {
  if (Number(req.headers['content-length'] ?? 0) > limitBytes) return Promise.resolve('tooLarge');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) return void chunks.push(chunk);
      req.off('data', onData);
      resolve('tooLarge');
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('close', () => resolve('gone'));
  });
}

function parseCall(body: Buffer): { method: string; input: unknown } | CoreError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return new CoreError('VALIDATION', 'Request body is not JSON; expected {"method": string, "input": object}', { reason: 'request.notJson' });
  }
  const call = (parsed ?? {}) as { method?: unknown; input?: unknown };
  if (typeof call.method !== 'string') {
    return new CoreError('VALIDATION', 'Request body needs "method" (string) and "input" (object)', {
      reason: 'request.noMethod',
      issues: [{ path: 'method', message: 'expected string' }],
    });
  }
  return { method: call.method, input: call.input };
}
