import { z } from 'zod';
import { classifyCode, type OutcomeClass } from './error-codes';
import { parseRetryAfter, type HttpExchangeResult } from './http-exchange';

/** Facts about one call, for the attempts log and the clock-offset estimate. Never holds credentials. */
export interface CallMeta {
  url: string;
  httpStatus: number | null;
  /** The server's Date header (epoch ms), when it answered. */
  serverDate: number | null;
  sentAt: number;
  receivedAt: number | null;
  /** When no answer came: the network's error (ECONNREFUSED, ETIMEDOUT, ECONNRESET). */
  networkError: string | null;
}

export type ApiOutcome<T> =
  | { class: 'ok'; code: string; message: string; data: T; meta: CallMeta }
  | {
      class: Exclude<OutcomeClass, 'ok'>;
      code: string | null;
      message: string;
      /** How long the marketplace asked us to wait (Retry-After), when it did. */
      retryAfterMs: number | null;
      /** MKT.9003: split the batch. */
      splitBatch: boolean;
      meta: CallMeta;
    };

export interface EnvelopeReader<E> {
  schema: z.ZodType<E>;
  code(envelope: E): string;
  message(envelope: E): string;
}

/** Turns a raw exchange into a classified outcome using the API's own envelope. */
export function toOutcome<E, T>(url: string, result: HttpExchangeResult, reader: EnvelopeReader<E>, extract: (envelope: E) => T): ApiOutcome<T> {
  if (result.kind === 'network-error') {
    const meta: CallMeta = { url, httpStatus: null, serverDate: null, sentAt: result.sentAt, receivedAt: null, networkError: result.code };
    const ambiguous = result.sent;
    const message = ambiguous
      ? `No answer after the request was sent (${result.code}); the marketplace may have received it`
      : `Could not reach the marketplace (${result.code})`;
    return { class: ambiguous ? 'ambiguous' : 'retryable', code: null, message, retryAfterMs: null, splitBatch: false, meta };
  }
  const meta: CallMeta = {
    url,
    httpStatus: result.status,
    serverDate: result.serverDate,
    sentAt: result.sentAt,
    receivedAt: result.receivedAt,
    networkError: null,
  };
  const retryAfterMs = parseRetryAfter(headerValue(result.headers['retry-after']), result.receivedAt);
  const envelope = parseEnvelope(result.body, reader.schema);
  const gateway = envelope ? null : parseEnvelope(result.body, gatewayEnvelopeSchema);
  if (gateway) {
    // The API gateway answers in its own envelope (error_code/error_msg) whatever the API's is.
    const info = classifyCode(gateway.error_code, result.status);
    const cls = info.class === 'ok' ? 'ambiguous' : info.class;
    return { class: cls, code: gateway.error_code, message: gateway.error_msg ?? info.meaning, retryAfterMs, splitBatch: false, meta };
  }
  if (!envelope) {
    // An unreadable answer: a 2xx may mean the marketplace acted on it, so it is ambiguous.
    const cls = result.status >= 200 && result.status < 300 ? 'ambiguous' : classifyCode(null, result.status).class;
    return { class: cls === 'ok' ? 'ambiguous' : cls, code: null, message: `Unreadable answer (HTTP ${result.status})`, retryAfterMs, splitBatch: false, meta };
  }
  const code = reader.code(envelope);
  const info = classifyCode(code, result.status);
  const message = reader.message(envelope) || info.meaning;
  if (info.class === 'ok') return { class: 'ok', code, message, data: extract(envelope), meta };
  return { class: info.class, code, message, retryAfterMs, splitBatch: info.splitBatch === true, meta };
}

const gatewayEnvelopeSchema = z.object({ error_code: z.string(), error_msg: z.string().optional() });

function parseEnvelope<E>(body: string, schema: z.ZodType<E>): E | null {
  try {
    const parsed = schema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
