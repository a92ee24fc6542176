import { pathToFileURL } from 'node:url';
import { session, type WebContents, type WebFrameMain } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../core/platform';

/**
 * Locks the window down: strict CSP, no navigation away from the bundled renderer, no new windows,
 * every permission request denied. The renderer loads only local files — no remote content.
 */
export function hardenSession(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Only the top frame of our own renderer page may talk to the core. */
export function isTrustedSender(frame: WebFrameMain | null, rendererIndexHtml: string): boolean {
  if (!frame || frame.parent !== null) return false;
  const expected = pathToFileURL(rendererIndexHtml).href;
  return frame.url.split('#')[0] === expected;
}
