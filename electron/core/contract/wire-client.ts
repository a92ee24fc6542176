import type { RawTransport } from './client';
import type { CallResult } from './errors';
import type { CoreEvent } from './events';
import type { WireMessage, WireRequest } from './wire';

/** Answers matched to requests by id, over any message channel (a MessagePort, a WebSocket, a parent port). */
export class CallsById<A> {
  private nextId = 1;
  private readonly pending = new Map<number, (answer: A) => void>();

  /** Sends a request under a fresh id (`send` posts it); resolves with the answer settled for that id. */
  call(send: (id: number) => void): Promise<A> {
    const id = this.nextId++;
    return new Promise<A>((resolve) => {
      this.pending.set(id, resolve);
      send(id);
    });
  }

  /** The answer for `id` arrived; false when no call is waiting for it. */
  settle(id: number, answer: A): boolean {
    const resolve = this.pending.get(id);
    this.pending.delete(id);
    resolve?.(answer);
    return resolve !== undefined;
  }

  /** The channel is gone: every waiting call gets `answer`. */
  settleAll(answer: A): void {
    for (const resolve of this.pending.values()) resolve(answer);
    this.pending.clear();
  }
}

export interface WireClient {
  /** Calls and events, for `createClient`. */
  readonly transport: RawTransport;
  /** Hands over a message that arrived on the channel (a result or an event). */
  receive(message: WireMessage): void;
  /** The channel closed: waiting calls end with `result`. */
  disconnected(result: CallResult): void;
}

/**
 * The one client side of the wire (design.md §3): calls go out as `WireRequest`s through `post`,
 * results come back by id, events go to every subscriber. The Electron preload, the browser-mode
 * page and the main process's own status client all use it.
 */
export function createWireClient(post: (request: WireRequest) => void): WireClient {
  const calls = new CallsById<CallResult>();
  const listeners = new Set<(event: CoreEvent) => void>();
  return {
    transport: {
      send: (method, input) => calls.call((id) => post({ kind: 'call', id, method, input })),
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    receive(message) {
      if (message.kind === 'result') calls.settle(message.id, message.result);
      else for (const listener of listeners) listener(message.event);
    },
    disconnected: (result) => calls.settleAll(result),
  };
}
