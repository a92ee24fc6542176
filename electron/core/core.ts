import { type z } from 'zod';
import { contract, CoreError, isMethodName, type CallResult, type CoreEvent, type FieldIssue, type HandlerTable, type ReasonParams } from './contract';
import { composeCore, type CoreHostApi, type CoreOptions } from './composition';

export type { CoreOptions, CoreHostApi } from './composition';

/** The whole app behind one door: every transport calls `dispatch` and listens to `subscribe`. */
export interface Core {
  dispatch(method: string, input: unknown): Promise<CallResult>;
  subscribe(listener: (event: CoreEvent) => void): () => void;
  close(): Promise<void>;
  /** What hosts and tests may use besides the contract. */
  readonly host: CoreHostApi;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const composed = await composeCore(options);
  return {
    dispatch: (method, input) => dispatch(composed.handlers, method, input),
    subscribe: (listener) => composed.events.subscribe(listener),
    close: composed.close,
    host: composed.host,
  };
}

async function dispatch(handlers: HandlerTable, method: string, input: unknown): Promise<CallResult> {
  try {
    if (!isMethodName(method))
      throw new CoreError('UNKNOWN_METHOD', `Unknown method "${method}"`, { reason: 'method.unknown', params: { method: String(method).slice(0, 80) } });
    const spec = contract[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) throw validationError(method, parsed.error);
    const handler = handlers[method] as (input: unknown) => unknown;
    const value = spec.output.parse(await handler(parsed.data));
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toErrorShape(error) };
  }
}

function validationError(method: string, error: z.ZodError): CoreError {
  const issues = error.issues.map(fieldIssue);
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return new CoreError('VALIDATION', `Invalid input for ${method}: ${summary}`, { reason: 'input.invalid', issues });
}

/**
 * One field's problem, with a reason the UI words: zod's own issue codes (too_small, invalid_type …
 * with their limits), or for a seller rule checked with refine, the rule's `reason` param.
 */
function fieldIssue(issue: z.core.$ZodIssue): FieldIssue {
  const path = issue.path.map(String).join('.') || '(input)';
  const raw = issue as unknown as Record<string, unknown>;
  if (issue.code === 'custom') {
    const params = (raw.params ?? {}) as { reason?: string } & ReasonParams;
    const { reason, ...rest } = params;
    return { path, message: issue.message, reason: reason ? `rules.${reason}` : 'zod.custom', params: rest };
  }
  const params: ReasonParams = {};
  for (const key of ['minimum', 'maximum', 'expected', 'format', 'origin']) {
    const value = raw[key];
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
    if (typeof value === 'bigint') params[key] = Number(value);
  }
  if (Array.isArray(raw.values)) params.values = raw.values.map(String).join(' / ');
  if (Array.isArray(raw.keys)) params.keys = raw.keys.map(String).join(', ');
  return { path, message: issue.message, reason: `zod.${issue.code}`, params };
}

function toErrorShape(error: unknown) {
  if (error instanceof CoreError) return error.toShape();
  console.error('core handler failed', error);
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL' as const, message: `Internal error: ${message}`, reason: 'internal' };
}
