import { createClient, type CallResult, type CoreClient, type CoreEvent, type RawTransport, type WireMessage, type WireRequest } from '../../electron/core/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload (electron/preload/preload.ts): a RawTransport over a MessagePort. */
    sellerDesk?: RawTransport;
  }
}

/** Electron: the preload's MessagePort client. Browser mode: the same messages over a WebSocket. */
export function connectToCore(): CoreClient {
  return createClient(window.sellerDesk ?? createWebTransport());
}

const SESSION_EXPIRED: CallResult = { ok: false, error: { code: 'UNAVAILABLE', message: 'session-expired' } };
const CONNECTION_LOST: CallResult = { ok: false, error: { code: 'UNAVAILABLE', message: 'The connection to the app was lost; try again' } };

/**
 * Browser mode: calls and events share one WebSocket (a call costs a message, not an HTTP request).
 * Until the socket is open, calls go over HTTP; a dropped socket is reopened with a growing delay.
 */
function createWebTransport(): RawTransport {
  const listeners = new Set<(event: CoreEvent) => void>();
  const pending = new Map<number, (result: CallResult) => void>();
  let socket: WebSocket | null = null;
  let nextId = 1;

  const open = (delayMs: number) => {
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/socket`);
    ws.onopen = () => {
      socket = ws;
      delayMs = 500;
    };
    ws.onmessage = (message) => {
      const data = JSON.parse(String(message.data)) as WireMessage;
      if (data.kind === 'result') {
        pending.get(data.id)?.(data.result);
        pending.delete(data.id);
      } else for (const listener of listeners) listener(data.event);
    };
    ws.onclose = () => {
      if (socket === ws) socket = null;
      for (const resolve of pending.values()) resolve(CONNECTION_LOST);
      pending.clear();
      setTimeout(() => open(Math.min(delayMs * 2, 10_000)), delayMs);
    };
  };
  open(500);

  return {
    send(method, input) {
      if (!socket) return callOverHttp(method, input);
      const request: WireRequest = { kind: 'call', id: nextId++, method, input };
      const open = socket;
      return new Promise<CallResult>((resolve) => {
        pending.set(request.id, resolve);
        open.send(JSON.stringify(request));
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
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
