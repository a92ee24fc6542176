import type http from 'node:http';

/** How a server words a failed request in its own format (plain text, a CallResult, an APIG envelope). */
export type FailureAnswer = (res: http.ServerResponse, status: 400 | 500, message: string) => void;

export type RequestRoute = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => unknown;

const MALFORMED_URL_MESSAGE = 'Bad request: the URL is malformed (a broken percent-escape, or an address that cannot be read)';
const INTERNAL_MESSAGE = 'Internal error: this request failed; the server log has the details';

/**
 * The boundary around every request of the app's HTTP servers (browser mode, the sandbox
 * marketplace): whatever a route throws, at once or later, ends in an answer — 400 for a URL that
 * cannot be read or a malformed percent-escape, 500 with a log line and its stack for anything else —
 * never in an uncaught error that ends the process and, with it, the core, the scheduler and the
 * usage flush.
 */
export function answerEveryRequest(serverName: string, route: RequestRoute, answerFailure: FailureAnswer): http.RequestListener {
  return (req, res) => {
    Promise.resolve()
      .then(() => route(req, res, readableUrl(req)))
      .catch((error: unknown) => answerFailed(serverName, req, res, error, answerFailure));
  };
}

function readableUrl(req: http.IncomingMessage): URL {
  const url = requestUrl(req);
  if (!url) throw new URIError(`unreadable request target ${String(req.url).slice(0, 200)}`);
  return url;
}

function answerFailed(serverName: string, req: http.IncomingMessage, res: http.ServerResponse, error: unknown, answerFailure: FailureAnswer): void {
  // URIError comes from decodeURIComponent or readableUrl: from what the client sent
  const malformed = error instanceof URIError;
  if (!malformed) console.error(`${serverName}: ${req.method} ${String(req.url).slice(0, 200)} failed:`, error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  try {
    answerFailure(res, malformed ? 400 : 500, malformed ? MALFORMED_URL_MESSAGE : INTERNAL_MESSAGE);
  } catch (answerError) {
    console.error(`${serverName}: could not answer a failed request:`, answerError);
    res.destroy();
  }
}

/** The request's URL, or null when its target cannot be parsed. */
export function requestUrl(req: http.IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://127.0.0.1');
  } catch {
    return null;
  }
}
