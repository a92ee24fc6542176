import type { SellerDeskHost } from '../../electron/core/contract';
import { createClient, createWireClient, type CallResult, type CoreClient, type RawTransport, type WireMessage } from '../../electron/core/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload (electron/preload/preload.ts): a RawTransport over a MessagePort. */
    sellerDesk?: RawTransport;
    /** What only the desktop app's window can do (electron/preload/preload.ts); absent in browser mode. */
    sellerDeskHost?: SellerDeskHost;
  }
}

/** Electron: the preload's MessagePort client. Browser mode: the same messages over a WebSocket. */
export function connectToCore(): CoreClient {
  return createClient(window.sellerDesk ?? createWebTransport());
}

const SESSION_EXPIRED: CallResult = { ok: false, error: { code: 'UNAVAILABLE', message: 'session-expired', reason: 'session.expired' } };
const CONNECTION_LOST: CallResult = {
  ok: false,
  error: { code: 'UNAVAILABLE', message: 'The connection to the app was lost; try again', reason: 'connection.lost' },
};

/**
 * Browser mode: calls and events share one WebSocket (a call costs a message, not an HTTP request).
 * Until the socket is open, calls go over HTTP; a dropped socket is reopened with a growing delay.
 */
function createWebTransport(): RawTransport {
  let socket: WebSocket | null = null;
  const wire = createWireClient((request) => socket?.send(JSON.stringify(request)));

  const open = (delayMs: number) => {
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/socket`);
    ws.onopen = () => {
      socket = ws;
      delayMs = 500;
    };
    ws.onmessage = (message) => wire.receive(JSON.parse(String(message.data)) as WireMessage);
    ws.onclose = () => {
      if (socket === ws) socket = null;
      wire.disconnected(CONNECTION_LOST);
      setTimeout(() => open(Math.min(delayMs * 2, 10_000)), delayMs);
    };
  };
  open(500);

  return {
    send: (method, input) => (socket ? wire.transport.send(method, input) : callOverHttp(method, input)),
    subscribe: (listener) => wire.transport.subscribe(listener),
  };
}

async function callOverHttp(method: string, input: unknown): Promise<CallResult> {
  const response = await fetch('./api/call', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ method, input }),
  });
  if (response.status === 401 || response.status === 403) return SESSION_EXPIRED;
  return (await response.json()) as CallResult;
}
