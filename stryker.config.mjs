// Mutation testing (scripts/mutation.mjs: `npm run mutation`, `npm run mutation -- full`): StrykerJS
// changes one token at a time in the rules that carry money, deadlines and data, and runs the tests
// that cover it; a change no test notices "survives". Equivalent mutants (changes that cannot alter
// behaviour) are listed with the reason in mutation-equivalents.md. MUTATION_SET picks the set
// (mutation-sets.mjs; default: the outbox's rules and the signers, what CI runs).
import fs from 'node:fs';
import { MUTATION_SETS } from './mutation-sets.mjs';

const setName = process.env.MUTATION_SET ?? 'outbox';
const set = MUTATION_SETS[setName];
if (!set) throw new Error(`MUTATION_SET=${setName}: expected one of ${Object.keys(MUTATION_SETS).join(', ')}`);

// The TypeScript checker compiles the mutated files and what they import, not the whole app and its tests.
const TSCONFIG = 'tsconfig.mutation.json';
fs.writeFileSync(
  TSCONFIG,
  `${JSON.stringify({ '//': 'Written by stryker.config.mjs for the mutation set being run.', extends: './tsconfig.node.json', include: set.mutate.map((entry) => entry.replace(/:[\d:-]+$/, '')), exclude: [] }, null, 2)}\n`,
);

export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: TSCONFIG,
  coverageAnalysis: 'perTest',
  mutate: set.mutate,
  incremental: true,
  incrementalFile: `test-results/mutation/${setName}-incremental.json`,
  reporters: ['html', 'clear-text', 'progress', 'json'],
  htmlReporter: { fileName: `test-results/mutation/${setName}.html` },
  jsonReporter: { fileName: `test-results/mutation/${setName}.json` },
  thresholds: { high: 95, low: 85, break: setName === 'outbox' ? 95 : null },
  concurrency: 2,
  tempDirName: '.stryker-tmp',
};
