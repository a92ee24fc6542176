import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { PATHS } from '../core/koogallery';
import { checkApigAuth } from './apig-auth';
import { answerEveryRequest } from '../http-boundary';
import { failureAnswer, readBody, writeJson, type SandboxRequest, type SandboxResponse } from './http-kit';
import { control, licenseCall, listPage, pushUsageNew, pushUsageOld, queryOrder, salesToolsRoute, supervisionAction, ticketAction } from './routes';
import { SandboxState, type SandboxCredentials, type SandboxOptions } from './sandbox-state';

export interface SandboxServer {
  readonly baseUrl: string;
  readonly state: SandboxState;
  /** The credentials it checks (the app's embedded sandbox signs with them). */
  readonly credentials: SandboxCredentials;
  close(): Promise<void>;
}

type Handler = (state: SandboxState, request: SandboxRequest) => SandboxResponse;
interface Route {
  handler: Handler;
  /** APIG AK/SK App authentication required (all but Usage Push New, which signs its body). */
  apig: boolean;
}

/** KooGallery's own paths, answered as the real service does. */
function marketplaceRoute(method: string, path: string): Route | null {
  if (method === 'POST' && path === PATHS.usagePushNew) return { handler: pushUsageNew, apig: false };
  if (method === 'POST' && path === PATHS.usagePushOld) return { handler: pushUsageOld, apig: true };
  if (method === 'GET' && path === PATHS.orderQuery) return { handler: queryOrder, apig: true };
  const license = /^\/api\/mkp-openapi-public\/global\/(v1|v2)\/license\/(activate|heartbeat)$/.exec(path);
  if (method === 'POST' && license) {
    const [, version, action] = license as unknown as [string, 'v1' | 'v2', 'activate' | 'heartbeat'];
    return { handler: (state, request) => licenseCall(state, request, version, action), apig: true };
  }
  const ticket = /^\/sandbox\/v1\/tickets\/([^/]+)\/actions$/.exec(path);
  if (method === 'POST' && ticket) return { handler: (state, request) => ticketAction(state, request, decodeURIComponent(ticket[1]!)), apig: true };
  const flow = /^\/sandbox\/v1\/supervision\/([^/]+)\/actions$/.exec(path);
  if (method === 'POST' && flow) return { handler: (state, request) => supervisionAction(state, request, decodeURIComponent(flow[1]!)), apig: true };
  const sales = method === 'POST' ? salesToolsRoute(path) : null;
  if (sales) return { handler: sales, apig: true };
  const list = /^\/sandbox\/v1\/lists\/([a-z_]+)$/.exec(path);
  if (method === 'GET' && list) return { handler: (state, request) => listPage(state, request, list[1]!), apig: true };
  return null;
}

/**
 * The sandbox marketplace: KooGallery's paths, headers, signatures, envelopes and codes on
 * 127.0.0.1, with generated seller data, an SDR ledger and fault injection.
 */
export async function startSandboxServer(options: SandboxOptions & { state?: SandboxState } = {}): Promise<SandboxServer> {
  // `state`: restart on the same port keeping the ledger (outage tests)
  const state = options.state ?? new SandboxState(options);
  const sockets = new Set<Socket>();
  const listener = answerEveryRequest(
    'sandbox',
    (req, res, url) => handle(state, req, res, url),
    failureAnswer(() => state.now()),
  );
  const server = http.createServer(listener);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    state,
    credentials: state.credentials,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function handle(state: SandboxState, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  const rawBody = await readBody(req).catch(() => null);
  if (rawBody === null) return writeJson(res, { status: 413, body: { error_code: 'APIGW.0201', error_msg: 'Request entity too large' } }, state.now());
  const request: SandboxRequest = { req, url, rawBody, now: state.now() };
  const controlAnswer = await control(state, request, url.pathname);
  if (controlAnswer) return writeJson(res, controlAnswer, state.now());

  const route = marketplaceRoute(req.method ?? 'GET', url.pathname);
  const dateMs = () => state.now() + state.faults.current.skewMs;
  if (!route) {
    return writeJson(
      res,
      { status: 404, body: { error_code: 'APIGW.0101', error_msg: 'The API does not exist or has not been published in the environment' } },
      dateMs(),
    );
  }
  const fault = state.faults.decide(request.now);
  state.requestLog.push({ at: request.now, path: url.pathname, fault: fault.kind });
  state.emit('request', url.pathname);
  if (state.faults.current.latencyMs > 0) await delay(state.faults.current.latencyMs);
  if (fault.kind === 'server_error') return writeJson(res, serverError(request.now), dateMs());
  if (fault.kind === 'throttle') return writeJson(res, throttled(url.pathname, state.faults.current.retryAfterSeconds), dateMs());
  if (fault.kind === 'reset' && !fault.afterProcessing) return void req.socket.destroy();

  const denied = route.apig ? checkApigAuth(req, url, rawBody, state.credentials.ak, state.credentials.sk, request.now) : null;
  const answer = denied ?? route.handler(state, request);

  if (fault.kind === 'reset') return void req.socket.destroy();
  if (fault.kind === 'timeout') return void setTimeout(() => req.socket.destroy(), state.faults.current.timeoutHoldMs).unref();
  if (fault.kind === 'malformed') return writeJson(res, { status: 200, body: '{"error_code":"MKT.00' }, dateMs());
  writeJson(res, answer, dateMs());
}

function serverError(now: number): SandboxResponse {
  const status = [500, 502, 503][now % 3]!;
  return { status, body: { error_code: 'MKT.0999', error_msg: 'System internal error.' } };
}

/** Order query documents 406 MKT.0250; elsewhere the gateway's 429 APIGW.0308. Both carry Retry-After. */
function throttled(path: string, retryAfterSeconds: number): SandboxResponse {
  const headers = { 'retry-after': String(retryAfterSeconds) };
  if (path === PATHS.orderQuery) return { status: 406, headers, body: { resultCode: 'MKT.0250', resultMsg: 'Access frequency overlimit' } };
  return { status: 429, headers, body: { error_code: 'APIGW.0308', error_msg: 'The throttling threshold has been reached' } };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
