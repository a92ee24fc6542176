import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream';
import type http from 'node:http';
import { CONTENT_SECURITY_POLICY, rendererContentType, rendererFilePath } from '../core';

const REFUSALS: Record<'badPath' | 'outside', { status: number; text: string }> = {
  badPath: { status: 400, text: 'Bad request: malformed path' },
  outside: { status: 403, text: 'Forbidden: outside the app' },
};

/**
 * Serves the built renderer; unknown paths get index.html (the app routes by hash). A malformed
 * path answers 400 and one that leaves the folder 403, as Electron's app:// protocol does.
 */
export function serveStatic(rootDir: string, pathname: string, res: http.ServerResponse): void {
  const resolved = rendererFilePath(rootDir, pathname);
  if ('refused' in resolved) return writeText(res, REFUSALS[resolved.refused].status, REFUSALS[resolved.refused].text);
  const requested = resolved.file;
  const file = fs.existsSync(requested) && fs.statSync(requested).isFile() ? requested : path.join(path.resolve(rootDir), 'index.html');
  if (!fs.existsSync(file)) return writeText(res, 500, `The renderer is not built (${file} is missing). Run: npm run build`);
  res.writeHead(200, {
    'content-type': rendererContentType(file),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': CONTENT_SECURITY_POLICY,
  });
  sendFile(file, res);
}

/** Streams a file after its headers; a read that fails midway ends the response (the client sees it cut short). */
export function sendFile(file: string, res: http.ServerResponse): void {
  pipeline(fs.createReadStream(file), res, (error) => {
    if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE') console.error(`browser mode: sending ${file} failed:`, error);
  });
}

export function writeText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' }).end(text);
}
