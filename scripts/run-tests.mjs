// `npm test`: a fresh build (integration and end-to-end tests run the built entry points), the unit
// and integration tests (vitest, Node), then the end-to-end tests (Playwright: Chromium against
// browser mode, and Electron where its binary exists). Ends with one line adding up both runners'
// own JSON reports, and each skipped test with its reason.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const reports = { vitest: 'test-results/vitest-report.json', playwright: 'test-results/e2e-report.json' };
fs.rmSync('test-results', { recursive: true, force: true });
fs.mkdirSync('test-results', { recursive: true });

const steps = [
  ['npm', ['run', 'build']],
  ['vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports.vitest}`]],
  ['playwright', ['test']],
];
let failedStep = null;
for (const [command, args] of steps) {
  const bin = command === 'npm' ? 'npm' : `node_modules/.bin/${command}`;
  const result = spawnSync(bin, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    failedStep ??= `${command} ${args[0]}`;
    if (command === 'npm') break; // without a build there is nothing to test
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const skipped = [];
addVitest(readJson(reports.vitest));
addPlaywright(readJson(reports.playwright));
for (const line of skipped) console.log(`skipped: ${line}`);
if (failedStep) console.log(`failed step: ${failedStep}`);
console.log(`Total: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedStep || totals.failed > 0 || totals.passed === 0 ? 1 : 0);

function readJson(file) {
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
}

function addVitest(report) {
  if (!report) return;
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  for (const file of report.testResults) {
    for (const test of file.assertionResults) {
      if (test.status === 'skipped' || test.status === 'pending') skipped.push(test.fullName);
    }
  }
}

function addPlaywright(report) {
  if (!report) return;
  totals.passed += report.stats.expected + report.stats.flaky;
  totals.failed += report.stats.unexpected;
  totals.skipped += report.stats.skipped;
  const visit = (suite) => {
    suite.suites?.forEach(visit);
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        if (test.status !== 'skipped') continue;
        const reason = test.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given';
        skipped.push(`${spec.title} — ${reason}`);
      }
    }
  };
  report.suites.forEach(visit);
}
