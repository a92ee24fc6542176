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
 * Joins the per-capability declarations into one contract. A method name declared twice is a
 * programming error and fails at start-up, not silently overwritten.
 */
export function mergeContracts<T extends Specs[]>(...parts: T): UnionToIntersection<T[number]> {
  const merged: Specs = {};
  for (const part of parts) {
    for (const [name, spec] of Object.entries(part)) {
      if (name in merged) throw new Error(`Contract method "${name}" is declared twice`);
      merged[name] = spec;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}
