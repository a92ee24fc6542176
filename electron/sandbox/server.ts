import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SandboxServer {
  readonly baseUrl: string;
  close(): Promise<void>;
}

export interface SandboxOptions {
  port?: number;
}

/**
 * The sandbox marketplace: a local HTTP server on 127.0.0.1 that the app uses as its default data
 * source. So far it answers its health path; the KooGallery paths arrive with the connector issue.
 */
export async function startSandboxServer(options: SandboxOptions = {}): Promise<SandboxServer> {
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/sandbox/health') {
      sendJson(res, 200, { status: 'ok', service: 'koogallery-sandbox' });
      return;
    }
    sendJson(res, 404, { error_code: 'APIGW.0101', error_msg: 'The API does not exist or has not been published in the environment' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
