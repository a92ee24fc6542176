// What mutation testing changes, and which tests judge each change (stryker.config.mjs builds one Stryker
// run per set; scripts/mutation.mjs runs them and prints the scores). The rules are split by the tests
// that cover them so that a mutant Stryker cannot trace to single tests (a module-level constant) runs a
// few seconds of tests, not the whole integration suite.
import fs from 'node:fs';

const UNIT_TESTS = 'tests/unit/**/*.test.ts';

/**
 * The lines of `file` from the one holding `from` up to the one before `until` (Stryker's `file:start-end`),
 * for a rule that sits in a larger file: found by its text, so editing above it does not move the range.
 */
function linesOf(file, from, until) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((line) => line.includes(from)) + 1;
  const end = until ? lines.findIndex((line, at) => at >= start && line.includes(until)) : start;
  if (start === 0 || end === -1) throw new Error(`mutation-sets.mjs: ${file} no longer holds "${from}"${until ? ` … "${until}"` : ''}`);
  return `${file}:${start}-${end}`;
}

export const MUTATION_SETS = {
  /** The 话单 outbox's rules and the KooGallery signers: what CI checks on every push (target ≥ 95%). */
  outbox: {
    mutate: [
      'electron/core/usage/usage-validation.ts',
      'electron/core/usage/backoff.ts',
      'electron/core/conventions/reporting-windows.ts',
      'electron/core/koogallery/apig-signer.ts',
      'electron/core/koogallery/usage-body-signer.ts',
    ],
    tests: [UNIT_TESTS],
  },
  /** The outbox's flusher and store: delivery, leases, windows kept across restarts (target ≥ 95%). */
  usage: {
    mutate: ['electron/core/usage/flusher.ts', 'electron/core/usage/usage-store.ts'],
    tests: ['tests/unit/usage-rules.test.ts', 'tests/integration/usage-outbox-rules.test.ts', 'tests/integration/usage-outbox.test.ts'],
  },
  /** Pure rules: time, answer classes, Seller Center files, paging, the sandbox's ledger, seller operations. */
  rules: {
    mutate: [
      'electron/core/conventions/sdr-time.ts',
      'electron/core/conventions/beijing-time.ts',
      'electron/core/conventions/cell-values.ts',
      'electron/core/koogallery/hashing.ts',
      'electron/core/koogallery/error-codes.ts',
      'electron/core/koogallery/outcome.ts',
      'electron/core/imports/header-matching.ts',
      'electron/core/lists/keyset.ts',
      'electron/sandbox/usage-ledger.ts',
      'electron/sandbox/routes/usage-push.ts',
      // seller operations: 3 hours, 申诉, 交付凭证, 5 days, shares, 联营-only, 满减, plan years, receivers, Agents, 5 × 8
      'electron/core/conventions/supervision.ts',
      'electron/core/conventions/sales-tools.ts',
      'electron/core/conventions/upload-rules.ts',
      'electron/core/conventions/receivers.ts',
      'electron/core/conventions/agents.ts',
      linesOf('electron/core/contract/tickets.contract.ts', 'export const RECEPTION_MIN_DAYS', 'const receptionHoursInput'),
    ],
    tests: [
      UNIT_TESTS,
      'tests/integration/seller-center-import.test.ts',
      'tests/integration/review-queries.test.ts',
      'tests/integration/sandbox-faults.test.ts',
      'tests/integration/koogallery-client.test.ts',
      'tests/integration/koogallery-fault-matrix.test.ts',
      'tests/integration/keyset-paging.test.ts',
      'tests/integration/sandbox-usage-push.test.ts',
    ],
  },
  /** Sync scheduling and the export rules (which rows, which columns). */
  lists: {
    mutate: [
      'electron/core/sync/sync-service.ts',
      'electron/core/lists/export-table.ts',
      linesOf('electron/core/orders/order-list.ts', 'const EXPORTED_MODES'),
    ],
    // exports.test.ts writes its files on a worker thread, where Stryker cannot switch mutants on:
    // export-tables.test.ts asks the same tables on the test's own thread
    tests: ['tests/unit/sync-schedule.test.ts', 'tests/integration/export-tables.test.ts', 'tests/integration/sync.test.ts'],
  },
};

/** The modules `tests.mutation_score_outbox` counts (target ≥ 95%): the usage outbox and the signers. */
export const OUTBOX_SCORE_SETS = ['outbox', 'usage'];
