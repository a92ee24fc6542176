// `npm run fuzz -- --runs 20000 [--seed N]`: the contract fuzzing (tests/integration/contract-fuzz.test.ts)
// for longer than CI's run; the seed is printed, so a failure replays with --seed.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const env = { ...process.env, FUZZ_RUNS: option('runs') ?? '20000', ...(option('seed') ? { SEED: option('seed') } : {}) };
const files = ['tests/integration/contract-fuzz.test.ts', ...(process.env.FUZZ_FILES ? process.env.FUZZ_FILES.split(',') : [])];
const result = spawnSync('node_modules/.bin/vitest', ['run', ...files], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
