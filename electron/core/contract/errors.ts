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

export const fieldIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const coreErrorShapeSchema = z.object({
  code: z.enum(coreErrorCodes),
  message: z.string(),
  issues: z.array(fieldIssueSchema).optional(),
});
export type CoreErrorShape = z.infer<typeof coreErrorShapeSchema>;

export class CoreError extends Error {
  constructor(
    readonly code: CoreErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'CoreError';
  }

  toShape(): CoreErrorShape {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

/** What a call returns over any transport: never a thrown exception across a boundary. */
export type CallResult<T = unknown> = { ok: true; value: T } | { ok: false; error: CoreErrorShape };

/** Thrown by the typed client when the core answered with an error. */
export class CoreCallError extends Error {
  readonly code: CoreErrorCode;
  readonly issues: FieldIssue[] | undefined;
  constructor(
    readonly method: string,
    shape: CoreErrorShape,
  ) {
    super(shape.message);
    this.name = 'CoreCallError';
    this.code = shape.code;
    this.issues = shape.issues;
  }
}
