import type { RawTransport } from './contract';
import type { Core } from './core';

/**
 * The third transport, for tests: calls go straight to the core, but payloads are structured-cloned
 * both ways so a test sees exactly what a port or socket would carry.
 */
export function createInProcessTransport(core: Core): RawTransport {
  return {
    send: async (method, input) => structuredClone(await core.dispatch(method, structuredClone(input))),
    subscribe: (listener) => core.subscribe((event) => listener(structuredClone(event))),
  };
}
