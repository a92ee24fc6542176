import http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { connectWire, type Core, type WireConnection } from '../core';
import type { WebHostGuard } from './auth';
import type { WebHostLimits } from './limits';
import { requestUrl } from '../http-boundary';

const SOCKET_PATH = '/api/socket';

/** Close codes a page's socket may get (RFC 6455 §7.4.1); ws itself sends 1002, 1007 and 1009. */
const NOT_A_CALL = 1003;
const INTERNAL_ERROR = 1011;
const CALL_SHAPE = 'expected {"kind":"call","id":number,"method":string,"input":object}';

interface Refusal {
  status: number;
  message: string;
}

/**
 * The page's WebSocket on `server`: token holders only, at most `limits.sockets` at once (more get
 * 503), messages up to `limits.callBytes` (a larger one closes its socket with 1009).
 */
export function acceptSockets(server: http.Server, guard: WebHostGuard, core: Core, limits: WebHostLimits): { close(): void } {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: limits.callBytes });
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    catchSocketErrors(socket);
    try {
      const refusal = upgradeRefusal(req, guard, sockets.clients.size, limits);
      if (refusal) answerOnSocket(socket, refusal.status, refusal.message);
      else sockets.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, core));
    } catch (error) {
      console.error('browser mode: a WebSocket upgrade failed:', error);
      socket.destroy();
    }
  });
  return {
    close() {
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
    },
  };
}

function upgradeRefusal(req: http.IncomingMessage, guard: WebHostGuard, open: number, limits: WebHostLimits): Refusal | null {
  const verdict = guard.check(req);
  if (verdict.status !== 200) return { status: verdict.status, message: verdict.reason };
  if (requestUrl(req)?.pathname !== SOCKET_PATH) return { status: 404, message: `the WebSocket is ${SOCKET_PATH}` };
  if (open >= limits.sockets) return { status: 503, message: `too many WebSocket connections (at most ${limits.sockets} at once); close a tab` };
  return null;
}

/**
 * An answer written straight on a socket Node has handed over (an upgrade, a CONNECT), which is then
 * closed, as ws closes a handshake it refuses: nobody reads the socket any more, so it would not end.
 */
export function answerOnSocket(socket: Duplex, status: number, message: string): void {
  catchSocketErrors(socket);
  const body = `Refused: ${message}`;
  const head = [
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? 'Refused'}`,
    'Connection: close',
    'Content-Type: text/plain; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
  ];
  socket.once('finish', () => socket.destroy());
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}

/** Node hands such a socket over without its own error listener: a reset would be an uncaught error. */
function catchSocketErrors(socket: Duplex): void {
  if (socket.listenerCount('error') === 0) socket.on('error', () => socket.destroy());
}

/** One page's connection: its calls answered in any order by id, and every core event. */
function serveSocket(ws: WebSocket, core: Core): void {
  const connection = connectWire(core, (message) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  });
  ws.on('close', connection.close);
  // ws closes the socket itself with the code that says why (1002, 1007, 1009); unheard, the error would end the process
  ws.on('error', () => undefined);
  ws.on('message', (data, isBinary) => {
    try {
      receive(ws, connection, data, isBinary);
    } catch (error) {
      console.error('browser mode: a WebSocket message failed:', error);
      ws.close(INTERNAL_ERROR, 'internal error; the server log has the details');
    }
  });
}

function receive(ws: WebSocket, connection: WireConnection, data: RawData, isBinary: boolean): void {
  if (isBinary) return ws.close(NOT_A_CALL, 'expected text frames carrying JSON calls');
  if (!connection.receive(parseJson(String(data)))) ws.close(NOT_A_CALL, CALL_SHAPE);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
