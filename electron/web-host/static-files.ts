import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import { CONTENT_SECURITY_POLICY, rendererContentType, rendererFilePath } from '../core';

/** Serves the built renderer; unknown paths get index.html (the app routes by hash). */
export function serveStatic(rootDir: string, pathname: string, res: http.ServerResponse): void {
  const resolved = rendererFilePath(rootDir, pathname);
  const requested = 'file' in resolved ? resolved.file : null;
  const file = requested && fs.existsSync(requested) && fs.statSync(requested).isFile() ? requested : path.join(path.resolve(rootDir), 'index.html');
  if (!fs.existsSync(file)) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`The renderer is not built (${file} is missing). Run: npm run build`);
    return;
  }
  res.writeHead(200, {
    'content-type': rendererContentType(file),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': CONTENT_SECURITY_POLICY,
  });
  fs.createReadStream(file).pipe(res);
}
