import path from 'node:path';

/**
 * The built renderer's files as both hosts serve them (Electron's app:// protocol, browser mode's
 * HTTP): the folder and nothing outside it, each file with its content type.
 */
export const RENDERER_CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export function rendererContentType(file: string): string {
  return RENDERER_CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a URL path names inside `rendererDir` ("/" is index.html), or why not: `badPath` for a
 * malformed escape or a NUL, `outside` for a path that leaves the folder (`..` encoded or not, a
 * backslash, another drive). Whether the file exists is the caller's to find out.
 */
export function rendererFilePath(rendererDir: string, pathname: string): { file: string } | { refused: 'badPath' | 'outside' } {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return { refused: 'badPath' };
  }
  if (relative.includes('\0')) return { refused: 'badPath' };
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${relative === '/' ? '/index.html' : relative}`);
  return file.startsWith(root + path.sep) ? { file } : { refused: 'outside' };
}
