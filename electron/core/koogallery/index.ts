export { KooGalleryClient, MissingCredentialsError, type ExchangeObservation, type KooGalleryClientOptions, type UsagePushProof } from './open-api-client';
export { fixedCredentials, secretStoreCredentials, SECRET_NAMES, type CredentialSource, type KooGalleryCredentials } from './credentials';
export { classifyCode, KOOGALLERY_CODES, type OutcomeClass } from './error-codes';
export type { ApiOutcome, CallMeta, EnvelopeReader } from './outcome';
export { canonicalJson, signUsageBody, usageBodySignature, verifyUsageBodySignature } from './usage-body-signer';
export { signApigRequest, computeApigSignature, parseApigAuthorization, formatSdkDate } from './apig-signer';
export * from './wire-formats';
export { exchange, type HttpExchangeRequest, type HttpExchangeResult } from './http-exchange';
