import http from 'node:http';
import https from 'node:https';

/**
 * One HTTP request with the facts the outbox needs: whether the body left this machine before a
 * failure (a timeout after sending is ambiguous, before sending it is a plain retry), the server's
 * Date header (clock offset), and timings. TLS verification is Node's default and is never relaxed.
 */
export interface HttpExchangeRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface HttpResponseFacts {
  kind: 'response';
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The server's `Date` header as epoch ms, or null when absent or unparsable. */
  serverDate: number | null;
  sentAt: number;
  receivedAt: number;
}

export interface HttpNetworkFailure {
  kind: 'network-error';
  /** True once the whole request was handed to the network: the server may have acted on it. */
  sent: boolean;
  code: string;
  sentAt: number;
}

export type HttpExchangeResult = HttpResponseFacts | HttpNetworkFailure;

/** The marketplace's answers are small (APIG caps bodies at 12 MB); a larger one is cut off, not buffered. */
const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 8 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 8 }),
};

/**
 * A kept-alive socket the server has just closed fails at once with ECONNRESET; Node's advice is to
 * retry such a request once on a fresh connection (request.reusedSocket).
 */
export async function exchange(request: HttpExchangeRequest, now: () => number = Date.now): Promise<HttpExchangeResult> {
  const first = await attempt(request, now);
  return first.kind === 'network-error' && first.staleSocket ? attempt(request, now) : first;
}

function attempt(request: HttpExchangeRequest, now: () => number): Promise<HttpExchangeResult & { staleSocket?: boolean }> {
  const url = new URL(request.url);
  const isHttps = url.protocol === 'https:';
  const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
  const headers = body ? { ...request.headers, 'content-length': String(body.length) } : request.headers;
  const sentAt = now();
  return new Promise((resolve) => {
    let sent = false;
    let settled = false;
    const finish = (result: HttpExchangeResult & { staleSocket?: boolean }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    let req: http.ClientRequest;
    try {
      req = (isHttps ? https : http).request(url, { method: request.method, headers, agent: isHttps ? agents.https : agents.http }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) {
            finish({ kind: 'network-error', sent: true, code: 'EANSWERTOOLARGE', sentAt });
            res.destroy();
          } else chunks.push(chunk);
        });
        res.on('end', () =>
          finish({
            kind: 'response',
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            serverDate: parseHttpDate(res.headers.date),
            sentAt,
            receivedAt: now(),
          }),
        );
        res.on('error', (error: NodeJS.ErrnoException) => finish({ kind: 'network-error', sent: true, code: error.code ?? 'ECONNRESET', sentAt }));
      });
    } catch (error) {
      // a request Node will not even start (a header with characters HTTP does not allow): nothing left
      resolve({ kind: 'network-error', sent: false, code: (error as NodeJS.ErrnoException).code ?? 'EINVALIDREQUEST', sentAt });
      return;
    }
    const timer = setTimeout(() => {
      finish({ kind: 'network-error', sent, code: 'ETIMEDOUT', sentAt });
      req.destroy();
    }, request.timeoutMs);
    req.on('finish', () => (sent = true));
    req.on('error', (error: NodeJS.ErrnoException) => {
      const staleSocket = req.reusedSocket && error.code === 'ECONNRESET';
      finish({ kind: 'network-error', sent, code: error.code ?? error.message, sentAt, staleSocket });
    });
    req.end(body);
  });
}

export function parseHttpDate(value: string | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** Retry-After as seconds or an HTTP date, in ms from `now`; null when absent. */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = parseHttpDate(value);
  return at === null ? null : Math.max(0, at - now);
}
