import crypto from 'node:crypto';
import type http from 'node:http';

export const TOKEN_COOKIE = 'seller_desk_token';

/**
 * Browser mode answers only the page it printed: the Host must be this loopback address (no DNS
 * rebinding), a cross-origin Origin is refused (403), and every request must carry the per-launch
 * token as a cookie or bearer header (401).
 */
export class WebHostGuard {
  readonly token = crypto.randomBytes(24).toString('base64url');
  private allowedHosts: Set<string> = new Set();

  listenOn(port: number): void {
    this.allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  }

  check(req: http.IncomingMessage): { status: 200 } | { status: 401 | 403; reason: string } {
    if (!this.allowedHosts.has(req.headers.host ?? '')) return { status: 403, reason: 'host not allowed' };
    const origin = req.headers.origin;
    if (origin !== undefined && !this.allowedHosts.has(originHost(origin))) {
      return { status: 403, reason: 'cross-origin request refused' };
    }
    if (!this.hasToken(req)) return { status: 401, reason: 'missing or wrong token' };
    return { status: 200 };
  }

  /** The printed URL carries the token once; the page then keeps it in an HttpOnly cookie. */
  tokenFromUrl(url: URL): boolean {
    return safeEqual(url.searchParams.get('token') ?? '', this.token);
  }

  sessionCookie(): string {
    return `${TOKEN_COOKIE}=${this.token}; HttpOnly; SameSite=Strict; Path=/`;
  }

  private hasToken(req: http.IncomingMessage): boolean {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (bearer !== undefined) return safeEqual(bearer, this.token);
    return safeEqual(readCookie(req.headers.cookie ?? '', TOKEN_COOKIE) ?? '', this.token);
  }
}

function originHost(origin: string): string {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' ? url.host : '';
  } catch {
    return '';
  }
}

function readCookie(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
