/**
 * The renderer's Content-Security-Policy, the same in the Electron window and in browser mode:
 * nothing but the app's own origin; antd needs inline styles.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
