import type { CallResult } from './errors';
import type { CoreEvent } from './events';

/** Messages on a MessagePort (Electron) — the browser mode carries the same shapes over HTTP and WebSocket. */
export type WireRequest = { kind: 'call'; id: number; method: string; input: unknown };
export type WireMessage = { kind: 'result'; id: number; result: CallResult } | { kind: 'event'; event: CoreEvent };

export function isWireRequest(value: unknown): value is WireRequest {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.kind === 'call' && typeof v.id === 'number' && typeof v.method === 'string';
}
