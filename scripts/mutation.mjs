// `npm run mutation` runs StrykerJS on the 话单 outbox's rules and the KooGallery signers against the
// unit tests (the fast subset, meant for CI); `npm run mutation -- full` adds the other rules that carry money,
// deadlines and data, against the unit tests and the integration tests that exercise them. Both are
// incremental: a rerun tests only mutants whose code or tests changed (`-- --force`: all of them).
// Reports: test-results/mutation/.
import { spawnSync } from 'node:child_process';

const full = process.argv.includes('full');
/** Anything else goes to Stryker (e.g. `--force`). */
const strykerArgs = process.argv.slice(2).filter((arg) => arg !== 'full');
const FULL_TESTS = [
  'tests/unit/**/*.test.ts',
  'tests/integration/usage-outbox.test.ts',
  'tests/integration/usage-crash-safety.test.ts',
  'tests/integration/koogallery-client.test.ts',
  'tests/integration/koogallery-fault-matrix.test.ts',
  'tests/integration/review-queries.test.ts',
  'tests/integration/seller-center-import.test.ts',
  'tests/integration/sync.test.ts',
  'tests/integration/exports.test.ts',
  'tests/integration/sandbox-faults.test.ts',
];
const env = { ...process.env, MUTATION_SET: full ? 'full' : 'ci', ...(full ? { MUTATION_TESTS: FULL_TESTS.join(',') } : {}) };
const run = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs', ...strykerArgs], { stdio: 'inherit', env, shell: process.platform === 'win32' });
process.exit(run.status ?? 1);
