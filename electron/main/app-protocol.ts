import fs from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY, rendererContentType, rendererFilePath } from '../core/platform';
import type { ElectronApi } from './electron-api';

/**
 * The renderer is served from `app://seller-desk/` (a privileged, secure, standard scheme) instead
 * of file:// — a page on file:// may read any file its links name; this scheme serves only the
 * renderer folder, every response carrying the CSP.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'seller-desk';
export const RENDERER_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Before the app is ready: the scheme is standard (relative URLs, origin) and secure (like https). */
export function registerAppScheme(electron: Pick<ElectronApi, 'protocol'>): void {
  electron.protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** After ready: answers `app://seller-desk/…` from the renderer folder. */
export function serveRenderer(electron: Pick<ElectronApi, 'protocol'>, rendererDir: string): void {
  electron.protocol.handle(APP_SCHEME, (request) => rendererResponse(rendererDir, request.url));
}

/**
 * One file of the renderer folder with its content type and the CSP; 404 for another host or a
 * missing file, 403 for a path that leaves the folder (`..`, encoded or not, or another drive).
 */
export async function rendererResponse(rendererDir: string, url: string): Promise<Response> {
  const parsed = new URL(url);
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return plain(404, 'Not found');
  const resolved = rendererFilePath(rendererDir, parsed.pathname);
  if ('refused' in resolved) return resolved.refused === 'outside' ? plain(403, 'Outside the app') : plain(400, 'Bad path');
  try {
    const body = await fs.readFile(resolved.file);
    return new Response(body, { status: 200, headers: securityHeaders(rendererContentType(resolved.file)) });
  } catch {
    return plain(404, 'Not found');
  }
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

function securityHeaders(contentType: string): Record<string, string> {
  return { 'content-type': contentType, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' };
}
