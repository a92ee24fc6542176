/** What browser mode takes from one client; the README's "Browser mode" states the defaults. */
export interface WebHostLimits {
  /**
   * One call, whether a `POST /api/call` body or a WebSocket message: an import's file travels in its
   * call as base64 (the contract allows 300 MB of it), and the page sends calls over HTTP until its
   * socket is open, so both take the same.
   */
  callBytes: number;
  /** WebSocket connections open at once (the page keeps one per tab). */
  sockets: number;
  /** Time a client has to send a request's headers, and the whole request with its body. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
}

const MIB = 1024 * 1024;

export const WEB_HOST_LIMITS: WebHostLimits = {
  callBytes: 320 * MIB,
  sockets: 16,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
};

/** "320 MiB (335544320 bytes)": the limit as refusals state it. */
export function describeBytes(bytes: number): string {
  const mib = bytes / MIB;
  return `${Number.isInteger(mib) ? mib : mib.toFixed(2)} MiB (${bytes} bytes)`;
}
