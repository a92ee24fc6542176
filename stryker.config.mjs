// Mutation testing (scripts/mutation.mjs: `npm run mutation`, `npm run mutation -- full`): StrykerJS
// changes one token at a time in the rules that carry money, deadlines and data, and runs the tests
// that cover it; a change no test notices "survives". Equivalent mutants (changes that cannot alter
// behaviour) are listed with the reason in mutation-equivalents.md.
const ci = process.env.MUTATION_SET !== 'full';

/** The outbox's rules and the signers: what CI checks on every push (target ≥ 95%). */
const OUTBOX_AND_SIGNERS = [
  'electron/core/usage/usage-validation.ts',
  'electron/core/usage/backoff.ts',
  'electron/core/conventions/reporting-windows.ts',
  'electron/core/koogallery/apig-signer.ts',
  'electron/core/koogallery/usage-body-signer.ts',
];

/** The rest of the rules a wrong token costs a seller money, a deadline or data in (target ≥ 85%). */
const CORE_RULES = [
  'electron/core/conventions/sdr-time.ts',
  'electron/core/koogallery/hashing.ts',
  'electron/core/koogallery/error-codes.ts',
  'electron/core/koogallery/outcome.ts',
  'electron/core/usage/flusher.ts',
  'electron/core/usage/usage-store.ts',
  'electron/core/conventions/beijing-time.ts',
  'electron/core/sync/sync-service.ts',
  'electron/core/imports/header-matching.ts',
  'electron/core/conventions/cell-values.ts',
  'electron/core/lists/keyset.ts',
  'electron/core/lists/export-table.ts',
  'electron/sandbox/usage-ledger.ts',
];

export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  coverageAnalysis: 'perTest',
  mutate: ci ? OUTBOX_AND_SIGNERS : [...OUTBOX_AND_SIGNERS, ...CORE_RULES],
  incremental: true,
  incrementalFile: `test-results/mutation/${ci ? 'ci' : 'full'}-incremental.json`,
  reporters: ['html', 'clear-text', 'progress', 'json'],
  htmlReporter: { fileName: `test-results/mutation/${ci ? 'ci' : 'full'}.html` },
  jsonReporter: { fileName: `test-results/mutation/${ci ? 'ci' : 'full'}.json` },
  thresholds: { high: 95, low: 85, break: ci ? 95 : 85 },
  concurrency: 2,
  tempDirName: '.stryker-tmp',
};
