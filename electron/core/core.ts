import { type z } from 'zod';
import { contract, CoreError, isMethodName, type CallResult, type CoreEvent, type HandlerTable } from './contract';
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
    if (!isMethodName(method)) throw new CoreError('UNKNOWN_METHOD', `Unknown method "${method}"`);
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
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return new CoreError('VALIDATION', `Invalid input for ${method}: ${summary}`, issues);
}

function toErrorShape(error: unknown) {
  if (error instanceof CoreError) return error.toShape();
  console.error('core handler failed', error);
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL' as const, message: `Internal error: ${message}` };
}
