import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { connectWire, type Core } from '../core';
import { CoreError, type CallResult } from '../core/contract';
import { WebHostGuard } from './auth';
import { serveStatic } from './static-files';

export interface WebHostOptions {
  core: Core;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
}

export interface WebHost {
  /** Open this in a browser; it carries the per-launch token. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** GET /api/exports/<file name>: an exported file, downloaded by the browser. */
export const EXPORTS_PATH = '/api/exports/';
/** An import's file travels inside its call (the contract allows 300 MB of base64). */
const MAX_SOCKET_MESSAGE_BYTES = 320 * 1024 * 1024;

/**
 * Browser mode: the renderer and the contract on 127.0.0.1 only. The page talks over the WebSocket
 * `/api/socket`, with the same messages as Electron's MessagePort (calls, results, events); `POST
 * /api/call` with `{method, input}` answers one call with a CallResult, for scripts and tests.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const guard = new WebHostGuard();
  const server = http.createServer((req, res) => void route(req, res, guard, options));
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_SOCKET_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const verdict = guard.check(req);
    if (verdict.status !== 200 || new URL(req.url ?? '/', 'http://x').pathname !== '/api/socket') {
      socket.end(`HTTP/1.1 ${verdict.status === 200 ? 404 : verdict.status} Refused\r\nConnection: close\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, options.core));
  });

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
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function route(req: http.IncomingMessage, res: http.ServerResponse, guard: WebHostGuard, options: WebHostOptions): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (req.method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) {
    return redeemToken(url, res, guard);
  }
  const verdict = guard.check(req);
  if (verdict.status !== 200) {
    res.writeHead(verdict.status, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(verdict.status === 401 ? 'Unauthorized: open the URL printed by npm run web' : `Forbidden: ${verdict.reason}`);
    return;
  }
  if (url.pathname === '/api/call') return handleCall(req, res, options.core);
  if (req.method !== 'GET') {
    res.writeHead(405).end();
    return;
  }
  if (url.pathname.startsWith(EXPORTS_PATH)) return downloadExport(decodeURIComponent(url.pathname.slice(EXPORTS_PATH.length)), res, options.core);
  serveStatic(options.staticDir, url.pathname, res);
}

/** Browser mode's "download": an exported file, by name, from the export folder only. */
function downloadExport(fileName: string, res: http.ServerResponse, core: Core): void {
  const file = core.host.exportedFile(fileName);
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`No export named ${fileName}`);
    return;
  }
  const type = fileName.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  res.writeHead(200, {
    'content-type': type,
    'content-length': fs.statSync(file).size,
    'content-disposition': `attachment; filename="export.${fileName.split('.').pop()}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'cache-control': 'no-store',
  });
  fs.createReadStream(file).pipe(res);
}

function redeemToken(url: URL, res: http.ServerResponse, guard: WebHostGuard): void {
  if (!guard.tokenFromUrl(url)) {
    res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' }).end('Unauthorized: wrong token');
    return;
  }
  res.writeHead(303, { location: '/', 'set-cookie': guard.sessionCookie(), 'cache-control': 'no-store' }).end();
}

async function handleCall(req: http.IncomingMessage, res: http.ServerResponse, core: Core): Promise<void> {
  if (req.method !== 'POST') {
    res.writeHead(405).end();
    return;
  }
  const result = await readCall(req).then(
    ({ method, input }) => core.dispatch(method, input),
    (error: CoreError): CallResult => ({ ok: false, error: error.toShape() }),
  );
  const body = JSON.stringify(result);
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

async function readCall(req: http.IncomingMessage): Promise<{ method: string; input: unknown }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new CoreError('VALIDATION', `Request body is larger than ${MAX_BODY_BYTES} bytes`, {
        reason: 'request.tooLarge',
        params: { limit: MAX_BODY_BYTES },
      });
    chunks.push(chunk as Buffer);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new CoreError('VALIDATION', 'Request body is not JSON; expected {"method": string, "input": object}', { reason: 'request.notJson' });
  }
  const call = parsed as { method?: unknown; input?: unknown };
  if (typeof call.method !== 'string') {
    throw new CoreError('VALIDATION', 'Request body needs "method" (string) and "input" (object)', {
      reason: 'request.noMethod',
      issues: [{ path: 'method', message: 'expected string' }],
    });
  }
  return { method: call.method, input: call.input };
}

/** One page's connection: its calls answered in any order by id, and every core event. */
function serveSocket(ws: WebSocket, core: Core): void {
  const connection = connectWire(core, (message) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  });
  ws.on('close', connection.close);
  ws.on('message', (data) => {
    if (!connection.receive(parseJson(String(data)))) ws.close(1003, 'expected {"kind":"call","id":number,"method":string,"input":object}');
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
