import type { z } from 'zod';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** What the method does, for whoever reads the contract. */
  summary: string;
  input: I;
  output: O;
}

export function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}

type Specs = Record<string, MethodSpec>;
type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;

/**
 * Joins per-capability parts (contract declarations, handler tables) into one. A name given twice
 * is a programming error and fails at start-up, not silently overwritten.
 */
export function mergeUnique<T extends Record<string, unknown>[]>(what: string, ...parts: T): UnionToIntersection<T[number]> {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, value] of Object.entries(part)) {
      if (name in merged) throw new Error(`${what} "${name}" is declared twice`);
      merged[name] = value;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}

/** Joins the per-capability declarations into one contract. */
export function mergeContracts<T extends Specs[]>(...parts: T): UnionToIntersection<T[number]> {
  return mergeUnique('Contract method', ...parts);
}

/** What a capability's handler for one declared method receives (parsed input) and returns. */
export type Handler<S extends MethodSpec> = (input: z.output<S['input']>) => Promise<z.output<S['output']>> | z.output<S['output']>;

/** A capability's handlers: one per method of its contract part, so a new method without a handler fails to compile. */
export type HandlersFor<C extends Specs> = { [M in keyof C]: Handler<C[M]> };
