import crypto from 'node:crypto';
import { signApigRequest } from './apig-signer';
import type { CredentialSource, KooGalleryCredentials } from './credentials';
import { sha256Hex } from './hashing';
import { exchange, type HttpExchangeRequest, type HttpExchangeResult } from './http-exchange';
import { toOutcome, type ApiOutcome, type EnvelopeReader } from './outcome';
import { signUsageBody } from './usage-body-signer';
import {
  mktEnvelopeSchema,
  orderInfoSchema,
  orderQueryEnvelopeSchema,
  PATHS,
  type LicenseApiVersion,
  type LicenseRequest,
  type OrderInfo,
  type UsagePushOldRecord,
  type UsagePushRecord,
} from './wire-formats';

export interface KooGalleryClientOptions {
  /** Main host first, then fallbacks (tried only when the previous one could not be reached). */
  baseUrls: readonly string[];
  credentials: CredentialSource;
  now?: () => number;
  timeoutMs?: number;
  newNonce?: () => string;
  /** Told how every call went (the connectivity state follows real requests, not only the probe). */
  onExchange?: (observation: ExchangeObservation) => void;
}

/** How one call went, without its content: reached or not, and the HTTP status when there was one. */
export interface ExchangeObservation {
  at: number;
  /** answered: an HTTP status came back; no-answer: sent, then nothing (timeout, reset); unreachable: never left. */
  result: 'answered' | 'no-answer' | 'unreachable';
  httpStatus: number | null;
  /** The network's error (ECONNREFUSED, ETIMEDOUT) or the marketplace's code. */
  code: string | null;
}

/** Proof of one usage push, for the attempts log: the exact signed body's hash with its ts and nonce. */
export interface UsagePushProof {
  ts: string;
  nonce: string;
  bodySha256: string;
  recordCount: number;
}

type MktEnvelope = { error_code: string; error_msg?: string | undefined } & Record<string, unknown>;
const mktReader: EnvelopeReader<MktEnvelope> = { schema: mktEnvelopeSchema, code: (e) => e.error_code, message: (e) => e.error_msg ?? '' };
type OrderEnvelope = { resultCode: string; resultMsg?: string | undefined; orderInfo?: unknown };
const orderReader: EnvelopeReader<OrderEnvelope> = { schema: orderQueryEnvelopeSchema, code: (e) => e.resultCode, message: (e) => e.resultMsg ?? '' };

export class MissingCredentialsError extends Error {
  constructor() {
    super('KooGallery credentials are not configured (interconnection key and AK/SK)');
  }
}

/** The KooGallery Open API as a seller uses it: usage push (New, Old), order query, License. */
export class KooGalleryClient {
  private readonly now: () => number;
  private readonly timeoutMs: number;
  private readonly newNonce: () => string;

  constructor(private readonly options: KooGalleryClientOptions) {
    this.now = options.now ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.newNonce = options.newNonce ?? (() => crypto.randomUUID());
  }

  /**
   * Usage Push (New): body signed with the interconnection key; ts and nonce fresh per call.
   * `beforeSend` sees the proof (ts, nonce, body hash) before the request leaves, so it can be logged.
   */
  async pushUsage(records: UsagePushRecord[], beforeSend?: (proof: UsagePushProof) => void): Promise<{ outcome: ApiOutcome<null>; proof: UsagePushProof }> {
    const credentials = await this.requireCredentials();
    const ts = String(this.now());
    const nonce = this.newNonce();
    const signed = signUsageBody(credentials.sellerKey, { usage_records: records }, ts, nonce);
    const proof = { ts, nonce, bodySha256: sha256Hex(signed.body), recordCount: records.length };
    beforeSend?.(proof);
    const outcome = await this.send(PATHS.usagePushNew, 'POST', signed.headers, signed.body, mktReader, () => null);
    return { outcome, proof };
  }

  /** Usage Push (Old): APIG AK/SK, records carry product_id and no metering_sn. */
  async pushUsageOld(records: UsagePushOldRecord[]): Promise<ApiOutcome<null>> {
    return this.sendApig(PATHS.usagePushOld, 'POST', JSON.stringify({ usage_records: records }), mktReader, () => null);
  }

  async queryOrder(orderId: string, orderLineId?: string): Promise<ApiOutcome<OrderInfo>> {
    const query = new URLSearchParams({ orderId, ...(orderLineId ? { orderLineId } : {}) });
    return this.sendApig(`${PATHS.orderQuery}?${query}`, 'GET', undefined, orderReader, (e) => orderInfoSchema.parse(e.orderInfo));
  }

  async activateLicense(version: LicenseApiVersion, licenses: LicenseRequest[]): Promise<ApiOutcome<unknown>> {
    return this.sendApig(PATHS.license(version, 'activate'), 'POST', licenseBody(version, licenses), mktReader, (e) => e.data ?? null);
  }

  async licenseHeartbeat(version: LicenseApiVersion, licenses: string[]): Promise<ApiOutcome<unknown>> {
    const body = licenseBody(
      version,
      licenses.map((license) => ({ license })),
    );
    return this.sendApig(PATHS.license(version, 'heartbeat'), 'POST', body, mktReader, (e) => e.data ?? null);
  }

  /** Any AK/SK-signed call; also used for the sandbox's list endpoints. */
  async sendApig<E, T>(path: string, method: 'GET' | 'POST', body: string | undefined, reader: EnvelopeReader<E>, extract: (e: E) => T) {
    const credentials = await this.requireCredentials();
    const headers = { 'Content-Type': 'application/json' };
    return this.send(path, method, headers, body, reader, extract, credentials);
  }

  /** Tries each host in turn, moving on only when the request never left this machine. */
  private async send<E, T>(
    path: string,
    method: 'GET' | 'POST',
    headers: Record<string, string>,
    body: string | undefined,
    reader: EnvelopeReader<E>,
    extract: (e: E) => T,
    apigCredentials?: KooGalleryCredentials,
  ): Promise<ApiOutcome<T>> {
    let result: HttpExchangeResult | null = null;
    let url = '';
    for (const baseUrl of this.options.baseUrls) {
      url = baseUrl + path;
      const signedHeaders = apigCredentials ? signApigRequest({ method, url, headers, body: body ?? '' }, apigCredentials, this.now()) : headers;
      const request: HttpExchangeRequest = { url, method, headers: signedHeaders, timeoutMs: this.timeoutMs, ...(body !== undefined ? { body } : {}) };
      result = await exchange(request, this.now);
      if (result.kind === 'response' || result.sent) break;
    }
    if (!result) throw new Error('KooGalleryClient needs at least one base URL');
    const outcome = toOutcome(url, result, reader, extract);
    this.options.onExchange?.({
      at: this.now(),
      result: result.kind === 'response' ? 'answered' : result.sent ? 'no-answer' : 'unreachable',
      httpStatus: outcome.meta.httpStatus,
      code: result.kind === 'response' ? outcome.code : result.code,
    });
    return outcome;
  }

  private async requireCredentials(): Promise<KooGalleryCredentials> {
    const credentials = await this.options.credentials.load();
    if (!credentials) throw new MissingCredentialsError();
    return credentials;
  }
}

function licenseBody(version: LicenseApiVersion, licenses: LicenseRequest[]): string {
  if (version === 'v2') return JSON.stringify({ licenses });
  if (licenses.length !== 1) throw new Error('License API v1 takes exactly one license per call; use v2 for batches');
  return JSON.stringify(licenses[0]);
}
