import { createClient, type CallResult, type CoreClient, type CoreEvent, type RawTransport } from '../../electron/core/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload (electron/preload/preload.ts): a RawTransport over a MessagePort. */
    sellerDesk?: RawTransport;
  }
}

/** Electron: the preload's MessagePort client. Browser mode: HTTP calls + a WebSocket for events. */
export function connectToCore(): CoreClient {
  return createClient(window.sellerDesk ?? createWebTransport());
}

function createWebTransport(): RawTransport {
  const listeners = new Set<(event: CoreEvent) => void>();
  openEventSocket(listeners, 500);
  return {
    async send(method, input) {
      const response = await fetch('./api/call', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method, input }),
      });
      if (response.status === 401 || response.status === 403) {
        return { ok: false, error: { code: 'UNAVAILABLE', message: 'session-expired' } };
      }
      return (await response.json()) as CallResult;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Reconnects with a growing delay; the cookie set by the printed URL authenticates the socket. */
function openEventSocket(listeners: Set<(event: CoreEvent) => void>, delayMs: number): void {
  const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/events`);
  socket.onopen = () => {
    delayMs = 500;
  };
  socket.onmessage = (message) => {
    const event = JSON.parse(String(message.data)) as CoreEvent;
    for (const listener of listeners) listener(event);
  };
  socket.onclose = () => setTimeout(() => openEventSocket(listeners, Math.min(delayMs * 2, 10_000)), delayMs);
}
