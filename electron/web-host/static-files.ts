import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../core';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Serves the built renderer; unknown paths get index.html (the app routes by hash). */
export function serveStatic(rootDir: string, pathname: string, res: http.ServerResponse): void {
  const root = path.resolve(rootDir);
  const requested = path.resolve(root, '.' + decodeURIComponent(pathname));
  const inside = requested.startsWith(root + path.sep);
  const file = inside && fs.existsSync(requested) && fs.statSync(requested).isFile() ? requested : path.join(root, 'index.html');
  if (!fs.existsSync(file)) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`The renderer is not built (${file} is missing). Run: npm run build`);
    return;
  }
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': CONTENT_SECURITY_POLICY,
  });
  fs.createReadStream(file).pipe(res);
}
