// `npm run mutation` runs StrykerJS on the 话单 outbox's rules and the KooGallery signers against the
// unit tests (the fast set, meant for CI); `npm run mutation -- full` runs every set in mutation-sets.mjs
// (the outbox's flusher and store, the pure rules, sync and exports) and prints the two scores as
// benchmark lines; `npm run mutation -- rules` (or another set's name) runs one set. Each set is
// incremental: a rerun tests only mutants whose code or tests changed (`-- --force`: all of them).
// Reports: test-results/mutation/<set>.html.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { MUTATION_SETS, OUTBOX_SCORE_SETS } from '../mutation-sets.mjs';

const args = process.argv.slice(2);
const named = args.filter((arg) => arg in MUTATION_SETS);
const full = args.includes('full');
const sets = full ? Object.keys(MUTATION_SETS) : named.length ? named : ['outbox'];
/** Anything else goes to Stryker (e.g. `--force`). */
const strykerArgs = args.filter((arg) => arg !== 'full' && !(arg in MUTATION_SETS));

for (const set of sets) {
  console.log(`== mutation set ${set}: ${MUTATION_SETS[set].mutate.length} file(s), tests ${MUTATION_SETS[set].tests.join(' ')}`);
  const env = { ...process.env, MUTATION_SET: set, MUTATION_TESTS: MUTATION_SETS[set].tests.join(',') };
  const run = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs', ...strykerArgs], { stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

if (full) {
  const all = tally(Object.keys(MUTATION_SETS));
  const outbox = tally(OUTBOX_SCORE_SETS);
  console.log(
    JSON.stringify({
      name: 'tests.mutation_score_core',
      value: all.score,
      unit: '%',
      target: 85,
      better: 'higher',
      mutants: all.counted,
      survived: all.survived,
    }),
  );
  console.log(
    JSON.stringify({
      name: 'tests.mutation_score_outbox',
      value: outbox.score,
      unit: '%',
      target: 95,
      better: 'higher',
      mutants: outbox.counted,
      survived: outbox.survived,
    }),
  );
}

/** Stryker's score over the sets' last reports: killed and timed-out mutants over all that ran or had no test. */
function tally(setNames) {
  const count = { detected: 0, counted: 0, survived: 0 };
  for (const set of setNames) {
    const report = JSON.parse(fs.readFileSync(`test-results/mutation/${set}.json`, 'utf8'));
    for (const file of Object.values(report.files)) {
      for (const { status } of file.mutants) {
        if (status === 'Killed' || status === 'Timeout') count.detected++;
        if (status === 'Survived' || status === 'NoCoverage') count.survived++;
      }
    }
  }
  count.counted = count.detected + count.survived;
  return { ...count, score: Math.round((10_000 * count.detected) / count.counted) / 100 };
}
