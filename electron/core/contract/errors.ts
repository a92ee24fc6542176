import { z } from 'zod';
import { coreErrorCodes, type CoreErrorCode, type CoreErrorShape, type FieldIssue, type ReasonParams } from './core-error';

export * from './core-error';

/** The shapes of core-error.ts as schemas, for what crosses a process boundary. */
export const reasonParamsSchema: z.ZodType<ReasonParams> = z.record(z.string(), z.union([z.string(), z.number()]));

export const fieldIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
  reason: z.string().optional(),
  params: reasonParamsSchema.optional(),
});

export const coreErrorShapeSchema = z.object({
  code: z.enum(coreErrorCodes),
  message: z.string(),
  reason: z.string().optional(),
  params: reasonParamsSchema.optional(),
  issues: z.array(fieldIssueSchema).optional(),
});

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
