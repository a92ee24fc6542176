import type { Session, WebContents, WebFrameMain } from 'electron';
import { RENDERER_URL } from './app-protocol';

/**
 * Locks the window down: no navigation away from the app's page, no redirects, no new windows, no
 * webviews, every permission request and check denied. The renderer loads only the app's own files.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Only the top frame of the app's own page may talk to the core or the host. */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url' | 'parent'> | null): boolean {
  if (!frame || frame.parent !== null) return false;
  return frame.url.split('#')[0] === RENDERER_URL;
}
