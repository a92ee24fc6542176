import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../electron/core/contract';
import { mergeContracts, method } from '../../electron/core/contract/define';

describe('the contract', () => {
  it('refuses a method declared twice, naming it', () => {
    const a = { 'orders.list': method({ summary: 'a', input: z.object({}), output: z.null() }) };
    const b = { 'orders.list': method({ summary: 'b', input: z.object({}), output: z.null() }) };
    expect(() => mergeContracts(a, b)).toThrow('Contract method "orders.list" is declared twice');
  });

  it('declares every method with a summary and input/output schemas', () => {
    for (const name of methodNames) {
      const spec = contract[name];
      expect(spec.summary.length, name).toBeGreaterThan(10);
      expect(spec.input, name).toBeInstanceOf(z.ZodType);
      expect(spec.output, name).toBeInstanceOf(z.ZodType);
    }
  });
});
