import { z } from 'zod';

/** Every failure that crosses a process boundary carries one of these codes. */
export const coreErrorCodes = [
  'VALIDATION', // the input did not match the method's schema; nothing was changed
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'CONFLICT',
  'UNAVAILABLE', // a source or service cannot be reached right now
  'UNSUPPORTED', // the current data source cannot do this (see marketplace.capabilities)
  'SCHEMA_TOO_NEW', // the local database was written by a newer version of the app
  'CANCELLED', // the seller cancelled a long job; what it was doing was undone
  'FILE_SYSTEM', // a file could not be written or read: folder not writable, disk full, file in use
  'INTERNAL',
] as const;
export type CoreErrorCode = (typeof coreErrorCodes)[number];

/** Values a reason is worded with (a file name, a limit, a marketplace code …). */
export const reasonParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type ReasonParams = z.infer<typeof reasonParamsSchema>;

/**
 * What went wrong, said twice: `message` in English for logs and scripts, and `reason` (a key the
 * UI words in the seller's language, e.g. "file.incomplete") with its `params`.
 */
export const fieldIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
  reason: z.string().optional(),
  params: reasonParamsSchema.optional(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const coreErrorShapeSchema = z.object({
  code: z.enum(coreErrorCodes),
  message: z.string(),
  reason: z.string().optional(),
  params: reasonParamsSchema.optional(),
  issues: z.array(fieldIssueSchema).optional(),
});
export type CoreErrorShape = z.infer<typeof coreErrorShapeSchema>;

export interface CoreErrorDetails {
  /** The key the UI words this error with (its `errors.<reason>` text). */
  reason?: string;
  params?: ReasonParams;
  issues?: FieldIssue[];
}

export class CoreError extends Error {
  readonly reason: string | undefined;
  readonly params: ReasonParams | undefined;
  readonly issues: FieldIssue[] | undefined;

  constructor(
    readonly code: CoreErrorCode,
    message: string,
    details: CoreErrorDetails = {},
  ) {
    super(message);
    this.name = 'CoreError';
    this.reason = details.reason;
    this.params = details.params;
    this.issues = details.issues;
  }

  toShape(): CoreErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.reason ? { reason: this.reason } : {}),
      ...(this.params ? { params: this.params } : {}),
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }
}

/** What a call returns over any transport: never a thrown exception across a boundary. */
export type CallResult<T = unknown> = { ok: true; value: T } | { ok: false; error: CoreErrorShape };

/** Thrown by the typed client when the core answered with an error. */
export class CoreCallError extends Error {
  readonly code: CoreErrorCode;
  readonly reason: string | undefined;
  readonly params: ReasonParams | undefined;
  readonly issues: FieldIssue[] | undefined;
  constructor(
    readonly method: string,
    shape: CoreErrorShape,
  ) {
    super(shape.message);
    this.name = 'CoreCallError';
    this.code = shape.code;
    this.reason = shape.reason;
    this.params = shape.params;
    this.issues = shape.issues;
  }
}
