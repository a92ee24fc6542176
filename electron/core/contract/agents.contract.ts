import { z } from 'zod';
import { AGENTS_AUTH_MODES, AGENTS_CHECK_TIMEOUT_MS } from '../conventions';
import { method } from './define';
import { historyEntrySchema, productChoiceSchema, submissionSheetSchema } from './sales-tools.contract';

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;
const headerName = z.string().refine((name) => HEADER_NAME.test(name), { message: 'an HTTP header name', params: { reason: 'headerName' } });
/** Header values travel in HTTP: no line breaks or other control characters. */
const headerValue = z
  .string()
  .max(4096)
  .refine((value) => [...value].every((c) => c === '\t' || (c >= ' ' && c !== '\u007f')), {
    message: 'a header value without line breaks',
    params: { reason: 'headerValue' },
  });
const httpMethod = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const url = z.string().trim().min(1).max(2048);

/** One check of the backend's answer: what the gateway needs and what came back. */
const CHECK_NAMES = ['answer', 'status', 'format', 'json', 'usage', 'tokens', 'total'] as const;
const CHECK_FAILURES = [
  'network',
  'tls',
  'timeout',
  'tooLarge',
  'redirect',
  'formatNone',
  'notJson',
  'noEvent',
  'array',
  'notObject',
  'usageNested',
  'usageMissing',
] as const;

export const usageCheckSchema = z.object({
  name: z.enum(CHECK_NAMES),
  passed: z.boolean(),
  /** Why it passed (its name) or failed, for the seller's language; `params` fill the sentence. */
  reason: z.enum([...CHECK_NAMES, ...CHECK_FAILURES]),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The same in English, for logs and API callers. */
  message: z.string(),
  expected: z.string(),
  actual: z.string().nullable(),
});

export const backendCheckSchema = z.object({
  passed: z.boolean(),
  checks: z.array(usageCheckSchema),
  response: z.object({
    status: z.number().int().nullable(),
    contentType: z.string().nullable(),
    bytes: z.number().int(),
    /** The first 2 KB of the body. */
    bodyPreview: z.string(),
  }),
  timings: z.object({ firstByteMs: z.number().nullable(), totalMs: z.number() }),
  url: z.string(),
  at: z.number().int(),
  /** Plain http to another computer: accepted by the gateway, but in clear. */
  warning: z.enum(['plainHttp']).nullable(),
});

export const agentsRegistrationSchema = z.object({
  registrationId: z.string(),
  productId: z.string().nullable(),
  productName: z.string(),
  backendUrl: z.string(),
  authMode: z.enum(AGENTS_AUTH_MODES),
  region: z.string(),
  method: httpMethod,
  /** The headers the check sends (secret ones by name only: their values are in the OS keychain). */
  headers: z.array(z.object({ name: z.string(), value: z.string() })),
  secretHeaders: z.array(z.string()),
  body: z.unknown().nullable(),
  /** ready: kept here; submitted: the seller registered it in Seller Center; registered/refused: the source's answer. */
  state: z.enum(['ready', 'submitted', 'registered', 'refused']),
  /** Why the source refused it. */
  refusal: z.string().nullable(),
  lastCheck: backendCheckSchema.nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});

const requestParts = {
  method: httpMethod.default('POST'),
  headers: z
    .array(z.object({ name: headerName, value: headerValue }).strict())
    .max(30)
    .default([]),
  body: z.unknown().optional(),
};

export const agentsContract = {
  'agents.registrations': method({
    summary: '注册Agents: the registrations kept here, each with its last backend check.',
    input: z.object({}).strict(),
    output: z.array(agentsRegistrationSchema),
  }),
  'agents.products': method({
    summary: 'The 通用商品 a backend can be registered for (the Agents gateway takes no other kind), with their specs.',
    input: z.object({}).strict(),
    output: z.array(productChoiceSchema),
  }),
  'agents.register': method({
    summary:
      'Registers a backend for an API product billed through the Agents gateway (华北-北京四 only; 通用商品); kept here, submitted in Seller Center (sent to the source when it takes registrations: the sandbox does).',
    input: z
      .object({
        productId: z.string().trim().min(1).max(64).optional(),
        productName: z.string().trim().min(1).max(200),
        backendUrl: url,
        authMode: z.enum(AGENTS_AUTH_MODES),
        region: z.string().trim().min(1).max(32),
        ...requestParts,
      })
      .strict(),
    output: agentsRegistrationSchema,
  }),
  'agents.get': method({
    summary: 'One registration with its submission sheet and its checks, newest first.',
    input: z.object({ registrationId: z.string().min(1).max(64) }).strict(),
    output: z.object({
      registration: agentsRegistrationSchema,
      sheet: submissionSheetSchema,
      /** Its history: queued, taken or refused by the source, marked registered by the seller. */
      history: z.array(historyEntrySchema),
      checks: z.array(backendCheckSchema),
    }),
  }),
  'agents.markSubmitted': method({
    summary: 'The seller registered it in Seller Center.',
    input: z.object({ registrationId: z.string().min(1).max(64) }).strict(),
    output: agentsRegistrationSchema,
  }),
  'agents.saveSecretHeader': method({
    summary: "Keeps a secret header (自主认证's key, an Authorization) for a registration's checks in the OS keychain; never in the data folder or logs.",
    input: z.object({ registrationId: z.string().min(1).max(64), name: headerName, value: headerValue.pipe(z.string().min(1)) }).strict(),
    output: z.object({ secretHeaders: z.array(z.string()) }),
  }),
  'agents.check': method({
    summary:
      "Calls the seller's backend once as the gateway would and checks the answer it bills from: 2xx, JSON or SSE, a top-level usage with integer token counts that add up.",
    input: z
      .object({
        url: url.optional(),
        /** Check a registration's backend with its saved request and keychain headers. */
        registrationId: z.string().min(1).max(64).optional(),
        ...requestParts,
        timeoutMs: z.number().int().min(100).max(120_000).default(AGENTS_CHECK_TIMEOUT_MS),
      })
      .strict()
      .refine((input) => input.url !== undefined || input.registrationId !== undefined, {
        message: 'a url or a registration',
        path: ['url'],
        params: { reason: 'urlOrRegistration' },
      }),
    output: backendCheckSchema,
  }),
  'agents.checks': method({
    summary: "A backend's checks, newest first (kept per backend URL, with or without a registration).",
    input: z.object({ url }).strict(),
    output: z.array(backendCheckSchema),
  }),
};
