import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { breakdown, report } from './report';

/**
 * `npm run web` with a current build until the page answers: the seller's start of browser mode.
 * Breakdown: npm and the build check, the core and host starting, the first page request.
 */
const RUNS = 3;

interface Run {
  total: number;
  buildChecked: number;
  hostListening: number;
}

async function once(): Promise<Run> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seller-desk-web-start-'));
  const started = performance.now();
  const child = spawn('npm', ['run', '-s', 'web'], {
    env: { ...process.env, SELLER_DESK_DATA_DIR: dataDir, SELLER_DESK_AUTO_SYNC: '0' },
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    let buildChecked = NaN;
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (Number.isNaN(buildChecked) && out.includes('build: node')) buildChecked = performance.now() - started;
        const open = /open: (\S+)/.exec(out);
        if (open) resolve(open[1]!);
      });
      child.once('exit', (code) => reject(new Error(`npm run web exited with ${code}: ${out}`)));
    });
    const hostListening = performance.now() - started;
    // as a browser: the printed URL trades its token for a cookie, then the page loads with it
    const redeemed = await fetch(url, { redirect: 'manual' });
    const cookie = (redeemed.headers.get('set-cookie') ?? '').split(';')[0]!;
    const answer = await fetch(new URL('/', url), { headers: { cookie } });
    if (answer.status !== 200) throw new Error(`the page answered ${answer.status}`);
    await answer.text();
    return { total: performance.now() - started, buildChecked, hostListening };
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await groupGone(child.pid!); // npm and the app it started: the app closes its database first
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function groupGone(pid: number): Promise<void> {
  for (;;) {
    try {
      process.kill(-pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const runs: Run[] = [];
for (let i = 0; i < RUNS; i++) runs.push(await once());
const median = (pick: (r: Run) => number) => [...runs.map(pick)].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
const name = 'web.start_to_first_answer';
report({ name, value: median((r) => r.total) / 1000, unit: 's', target: 2, better: 'lower' });
breakdown(name, 'npm_and_build_check', median((r) => r.buildChecked) / 1000, 's');
breakdown(name, 'core_and_host_start', median((r) => r.hostListening - r.buildChecked) / 1000, 's');
breakdown(name, 'first_page_request', median((r) => r.total - r.hostListening) / 1000, 's');
