import { CoreCallError, type CallResult } from './errors';
import type { CoreEvent } from './events';
import type { MethodInput, MethodName, MethodOutput } from './methods';

/** What each transport (MessagePort, HTTP + WebSocket, in-process) provides. */
export interface RawTransport {
  send(method: string, input: unknown): Promise<CallResult>;
  subscribe(listener: (event: CoreEvent) => void): () => void;
}

/** The typed client the UI and the tests use, whatever the transport. */
export interface CoreClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Like `call`, but returns the raw result instead of throwing on an error. */
  tryCall<M extends MethodName>(method: M, input: MethodInput<M>): Promise<CallResult<MethodOutput<M>>>;
  subscribe(listener: (event: CoreEvent) => void): () => void;
}

export function createClient(transport: RawTransport): CoreClient {
  return {
    async call(method, input) {
      const result = await transport.send(method, input);
      if (!result.ok) throw new CoreCallError(method, result.error);
      return result.value as MethodOutput<typeof method>;
    },
    tryCall(method, input) {
      return transport.send(method, input) as Promise<CallResult<MethodOutput<typeof method>>>;
    },
    subscribe: (listener) => transport.subscribe(listener),
  };
}
