import type { WireMessage } from './contract';
import { isWireRequest } from './contract';
import type { Core } from './core';

export interface WireConnection {
  /** Answers a call message with a result message (in any order, by id); false when it is not a call. */
  receive(message: unknown): boolean;
  /** Stops sending events. */
  close(): void;
}

/**
 * One UI connection to the core over a message channel (Electron's MessagePort, browser mode's
 * WebSocket): every core event goes out, and each call that comes in is answered by its id.
 */
export function connectWire(core: Core, send: (message: WireMessage) => void): WireConnection {
  const unsubscribe = core.subscribe((event) => send({ kind: 'event', event }));
  return {
    receive(message) {
      if (!isWireRequest(message)) return false;
      void core.dispatch(message.method, message.input).then((result) => send({ kind: 'result', id: message.id, result }));
      return true;
    },
    close: unsubscribe,
  };
}
