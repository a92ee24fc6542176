import fc from 'fast-check';
import type { z } from 'zod';

/**
 * fast-check arbitraries of the values a zod schema (zod 4) accepts — mostly; where a schema refines
 * further than its parts say (a 5 × 8 rule, a cross-field check), generated values may still be
 * refused, which is what the fuzzing wants too. `string` overrides what a named string field holds
 * (e.g. folders kept inside a temp folder).
 */
export interface ArbitraryOptions {
  string?: (key: string) => fc.Arbitrary<string> | null;
}

type Def = { type: string; checks?: { _zod: { def: Record<string, unknown> } }[] } & Record<string, unknown>;

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def) => (def.checks ?? []).map((check) => check._zod.def);

export function arbitraryFor(schema: z.ZodType, options: ArbitraryOptions = {}, key = ''): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return objectOf(def, options);
    case 'string':
      return options.string?.(key) ?? stringOf(def);
    case 'number':
      return numberOf(def);
    case 'boolean':
      return fc.boolean();
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'array':
      return arrayOf(def, options, key);
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 12 }), arbitraryFor(def.valueType as z.ZodType, options, key), { maxKeys: 4 });
    case 'optional':
      return fc.option(arbitraryFor(def.innerType as z.ZodType, options, key), { nil: undefined });
    case 'nullable':
      return fc.option(arbitraryFor(def.innerType as z.ZodType, options, key), { nil: null });
    case 'default':
      return fc.option(arbitraryFor(def.innerType as z.ZodType, options, key), { nil: undefined });
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((option) => arbitraryFor(option, options, key)));
    case 'pipe':
      return arbitraryFor(def.in as z.ZodType, options, key);
    default:
      return fc.anything();
  }
}

function objectOf(def: Def, options: ArbitraryOptions): fc.Arbitrary<unknown> {
  const shape = def.shape as Record<string, z.ZodType>;
  const fields = Object.fromEntries(Object.entries(shape).map(([name, field]) => [name, arbitraryFor(field, options, name)]));
  const required = Object.entries(shape)
    .filter(([, field]) => !['optional', 'default'].includes(defOf(field).type))
    .map(([name]) => name);
  return fc.record(fields, { requiredKeys: required }).map((value) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)));
}

function stringOf(def: Def): fc.Arbitrary<string> {
  let minLength = 0;
  let maxLength = 40;
  let pattern: RegExp | null = null;
  for (const check of checksOf(def)) {
    if (check.check === 'min_length') minLength = check.minimum as number;
    if (check.check === 'max_length') maxLength = Math.min(check.maximum as number, 80);
    if (check.check === 'string_format' && check.format === 'regex') pattern = check.pattern as RegExp;
  }
  if (pattern) return fc.stringMatching(pattern).filter((s) => s.length >= minLength && s.length <= maxLength);
  return fc.string({ minLength, maxLength: Math.max(minLength, maxLength), unit: 'grapheme' });
}

function numberOf(def: Def): fc.Arbitrary<number> {
  let min = -1e9;
  let max = 1e9;
  let integer = false;
  let minExcluded = false;
  let maxExcluded = false;
  for (const check of checksOf(def)) {
    if (check.check === 'number_format') integer = true;
    if (check.check === 'greater_than') [min, minExcluded] = [check.value as number, !check.inclusive];
    if (check.check === 'less_than') [max, maxExcluded] = [check.value as number, !check.inclusive];
  }
  if (integer) return fc.integer({ min: Math.ceil(min) + (minExcluded ? 1 : 0), max: Math.floor(max) - (maxExcluded ? 1 : 0) });
  return fc.double({ min, max, minExcluded, maxExcluded, noNaN: true });
}

function arrayOf(def: Def, options: ArbitraryOptions, key: string): fc.Arbitrary<unknown[]> {
  let minLength = 0;
  let maxLength = 5;
  for (const check of checksOf(def)) {
    if (check.check === 'min_length') minLength = check.minimum as number;
    if (check.check === 'max_length') maxLength = Math.min(check.maximum as number, 8);
  }
  return fc.array(arbitraryFor(def.element as z.ZodType, options, key), { minLength, maxLength: Math.max(minLength, maxLength) });
}
