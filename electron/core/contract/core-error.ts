/**
 * CoreError without its zod schemas (errors.ts has those): the worker threads that only write the
 * cache (an import's staging) throw it without loading zod.
 */
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
export type ReasonParams = Record<string, string | number>;

/**
 * What went wrong, said twice: `message` in English for logs and scripts, and `reason` (a key the
 * UI words in the seller's language, e.g. "file.incomplete") with its `params`.
 */
export interface FieldIssue {
  path: string;
  message: string;
  reason?: string | undefined;
  params?: ReasonParams | undefined;
}

export interface CoreErrorShape {
  code: CoreErrorCode;
  message: string;
  reason?: string | undefined;
  params?: ReasonParams | undefined;
  issues?: FieldIssue[] | undefined;
}

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
