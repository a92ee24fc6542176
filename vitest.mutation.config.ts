import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The tests Stryker runs against each mutant (stryker.config.mjs): MUTATION_TESTS names them, a
 * comma-separated list of globs (default: the unit tests, which cover the outbox rules and signers).
 */
export default defineConfig({
  ...base,
  test: { ...base.test, include: (process.env.MUTATION_TESTS ?? 'tests/unit/**/*.test.ts').split(',') },
});
