import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Core } from '../core';
import { WebHostGuard } from './auth';
import { answerCall, CALL_PATH, writeCallResult } from './call-endpoint';
import { WEB_HOST_LIMITS, type WebHostLimits } from './limits';
import { answerEveryRequest, requestUrl } from '../http-boundary';
import { acceptSockets, answerOnSocket } from './socket-endpoint';
import { sendFile, serveStatic, writeText } from './static-files';

export interface WebHostOptions {
  core: Core;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  /** WEB_HOST_LIMITS unless given (tests use small ones). */
  limits?: Partial<WebHostLimits>;
}

export interface WebHost {
  /** Open this in a browser; it carries the per-launch token. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  close(): Promise<void>;
}

/** GET /api/exports/<file name>: an exported file, downloaded by the browser. */
export const EXPORTS_PATH = '/api/exports/';
/** How often Node looks for requests past their header or request timeout. */
const TIMEOUT_CHECK_MS = 1_000;

/**
 * Browser mode: the renderer and the contract on 127.0.0.1 only. The page talks over the WebSocket
 * `/api/socket`, with the same messages as Electron's MessagePort (calls, results, events); `POST
 * /api/call` with `{method, input}` answers one call with a CallResult, for scripts and tests.
 * Every request ends with an answer, within the limits in `limits.ts`.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const limits = { ...WEB_HOST_LIMITS, ...options.limits };
  const guard = new WebHostGuard();
  const served: Served = { guard, core: options.core, staticDir: options.staticDir, limits };
  const listener = answerEveryRequest('browser mode', (req, res, url) => route(req, res, url, served), answerFailure);
  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(TIMEOUT_CHECK_MS, limits.headersTimeoutMs),
    },
    listener,
  );
  const sockets = acceptSockets(server, guard, options.core, limits);
  // without a listener Node would drop a CONNECT (a proxy request) unanswered
  server.on('connect', (_req: http.IncomingMessage, socket: Duplex) => answerOnSocket(socket, 405, 'CONNECT is not served here'));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  guard.listenOn(port);
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}/?token=${guard.token}`,
    token: guard.token,
    close: async () => {
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** What the routes answer from. */
interface Served {
  guard: WebHostGuard;
  core: Core;
  staticDir: string;
  limits: WebHostLimits;
}

async function route(req: http.IncomingMessage, res: http.ServerResponse, url: URL, served: Served): Promise<void> {
  if (req.method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) return redeemToken(url, res, served.guard);
  const verdict = served.guard.check(req);
  if (verdict.status !== 200) {
    return writeText(res, verdict.status, verdict.status === 401 ? 'Unauthorized: open the URL printed by npm run web' : `Forbidden: ${verdict.reason}`);
  }
  if (url.pathname === CALL_PATH) return answerCall(req, res, served.core, served.limits.callBytes);
  if (req.method !== 'GET') {
    res.writeHead(405, { allow: 'GET' }).end();
    return;
  }
  if (url.pathname.startsWith(EXPORTS_PATH)) return downloadExport(decodeURIComponent(url.pathname.slice(EXPORTS_PATH.length)), res, served.core);
  serveStatic(served.staticDir, url.pathname, res);
}

/** A failed call is still a CallResult, which the page words; anything else gets plain text. */
function answerFailure(res: http.ServerResponse, status: 400 | 500, message: string): void {
  if (requestUrl(res.req)?.pathname !== CALL_PATH) return writeText(res, status, message);
  const error = status === 400 ? { code: 'VALIDATION' as const, reason: 'request.malformedUrl' } : { code: 'INTERNAL' as const, reason: 'internal' };
  writeCallResult(res, status, { ok: false, error: { ...error, message } });
}

/** Browser mode's "download": an exported file, by name, from the export folder only. */
function downloadExport(fileName: string, res: http.ServerResponse, core: Core): void {
  const file = core.host.exportedFile(fileName);
  if (!file) return writeText(res, 404, `No export named ${fileName}`);
  const type = fileName.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  res.writeHead(200, {
    'content-type': type,
    'content-length': fs.statSync(file).size,
    'content-disposition': `attachment; filename="export.${fileName.split('.').pop()}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'cache-control': 'no-store',
  });
  sendFile(file, res);
}

function redeemToken(url: URL, res: http.ServerResponse, guard: WebHostGuard): void {
  if (!guard.tokenFromUrl(url)) return writeText(res, 401, 'Unauthorized: wrong token');
  res.writeHead(303, { location: '/', 'set-cookie': guard.sessionCookie(), 'cache-control': 'no-store' }).end();
}
