import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatSdrTime, parseSdrTime, reportingWindow, type BillingCycle } from '../../electron/core/conventions';
import type { PayPerUseInstance } from '../../electron/sandbox/generator';
import { report } from './report';
import { webHostArgs } from '../support/web-host-command';
import { startNodeProcess, type StartedProcess as Started } from './node-process';
import { SANDBOX_READY } from './sandbox-process';

/**
 * `npm run bench simulated-day`: 24 simulated hours of a busy pay-per-use seller, at 480× (a
 * simulated hour every 7.5 s). A metering system drops hourly usage files for 200 instances into
 * the watched folder a few minutes after each hour (two hours' files late) and the daily ones after
 * midnight; the sandbox, in its own process on the same clock, meets it with a schedule of trouble;
 * the app (browser mode's process) is put to sleep once and killed twice. At the end the sandbox's
 * ledger says what arrived when.
 *
 * On time: accepted before its window closed (minute 15; daily 00:15). A record counts against the
 * app only if, at some moment inside its window, its data had arrived, the app was running and the
 * marketplace was up; the others are late by cause (arrived late, asleep, killed, outage) and listed.
 */
const RATE = Number(process.env.SIMULATED_DAY_RATE ?? 480);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = Date.parse('2026-11-24T00:00:00+08:00'); // the simulated day, Beijing
const START = DAY - 5 * MINUTE;
const END = DAY + 24 * HOUR + 20 * MINUTE; // the last hourly and the daily windows have closed
const INSTANCES = 200;
const at = (hour: number, minute: number) => DAY + hour * HOUR + minute * MINUTE;

/** The trouble, in simulated Beijing time. */
const OUTAGE = { from: at(11, 58), until: at(12, 38) }; // spans the whole window of the 11:00 hour's usage
const MIXED_FAULTS = { from: at(15, 0), until: at(16, 0) }; // 30%: 5xx, resets, malformed answers, 429
const THROTTLE_BURST = { from: at(19, 3), until: at(19, 9) }; // 429 with Retry-After 60 s as the 18:00 hour's file lands (19:05)
const ASLEEP = { from: at(13, 55), until: at(14, 20) };
const KILLS = [at(7, 3.5), at(21, 2.5)]; // 30 simulated seconds after an hour's file lands, while it is read
/** Hours whose file the metering system writes after the window closed (minute 22). */
const LATE_FILE_HOURS = new Set([5, 17]);

interface Outage {
  from: number;
  until: number;
  cause: 'asleep' | 'killed' | 'outage';
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seller-desk-bench-day-'));
const folder = path.join(dir, '计量导出');
fs.mkdirSync(folder);
const anchor = Date.now() + 1500;
const simNow = () => START + (Date.now() - anchor) * RATE;
const clockEnv = { SELLER_DESK_CLOCK_START: new Date(START).toISOString(), SELLER_DESK_CLOCK_RATE: String(RATE), SELLER_DESK_CLOCK_ANCHOR: String(anchor) };
const realStarted = performance.now();

const sandbox = await startNodeProcess(['dist/sandbox/main.js', '--port', '0', '--seed', 'simulated-day'], clockEnv, SANDBOX_READY);
const baseUrl = sandbox.match;
const down: Outage[] = [];
let app: Started | null = null;
try {
  await setTrouble(baseUrl);
  const instances = await chosenInstances(baseUrl);
  const expected = new Map<string, Expected>();
  const metering = meteringEvents(instances, expected);
  app = await startApp();
  for (const event of [...metering, ...troubleEvents()].sort((a, b) => a.at - b.at)) {
    await until(event.at);
    await event.run();
  }
  await until(END);
  const ledger = await getJson<{ records: { instance_id: string; begin_time: string; end_time: string; received_at: number }[] }>(`${baseUrl}/sandbox/ledger`);
  score(expected, ledger.records, down);
  reportAttempts(await allAttempts(app.match));
  report({ name: 'usage.simulated_day_real_seconds', value: (performance.now() - realStarted) / 1000, unit: 's', target: 300, better: 'lower' });
} finally {
  app?.child.kill('SIGKILL');
  sandbox.child.kill();
  fs.rmSync(dir, { recursive: true, force: true });
}

interface Expected {
  cycle: BillingCycle;
  /** When the metering system wrote the record's file (simulated). */
  arrivedAt: number;
  closesAt: number;
}

function troubleEvents(): { at: number; run: () => Promise<void> | void }[] {
  const sleep = { at: ASLEEP.from, run: () => void app!.child.kill('SIGSTOP') };
  const wake = {
    at: ASLEEP.until,
    run: () => {
      app!.child.kill('SIGCONT');
      down.push({ ...ASLEEP, cause: 'asleep' });
    },
  };
  const kills = KILLS.map((when) => ({
    at: when,
    run: async () => {
      app!.child.kill('SIGKILL');
      app = await startApp();
      down.push({ from: when, until: simNow(), cause: 'killed' });
    },
  }));
  return [sleep, wake, ...kills];
}

/** The sandbox's plan for the day, on its clock (the same simulated timeline). */
async function setTrouble(url: string): Promise<void> {
  const schedule = [
    { kind: 'server_error', ...OUTAGE },
    { kind: 'throttle', ...THROTTLE_BURST },
    ...(['server_error', 'reset', 'malformed', 'throttle'] as const).map((kind) => ({ kind, ...MIXED_FAULTS, rate: 0.075 })),
  ];
  const response = await fetch(`${url}/sandbox/faults`, { method: 'PUT', body: JSON.stringify({ schedule, retryAfterSeconds: 60, seed: 'simulated-day' }) });
  if (!response.ok) throw new Error(`the sandbox refused the fault plan: ${await response.text()}`);
  down.push({ ...OUTAGE, cause: 'outage' });
}

async function chosenInstances(url: string): Promise<PayPerUseInstance[]> {
  const { instances } = await getJson<{ instances: PayPerUseInstance[] }>(`${url}/sandbox/instances`);
  const usable = instances.filter((i) => i.resource_start_at < DAY - HOUR).slice(0, INSTANCES);
  if (usable.length < INSTANCES) throw new Error(`the sandbox has ${usable.length} usable pay-per-use instances, not ${INSTANCES}`);
  return usable;
}

/** The metering system's files: each hour's a few minutes after it, the daily ones at 00:04 the next day. */
function meteringEvents(instances: PayPerUseInstance[], expected: Map<string, Expected>): { at: number; run: () => void }[] {
  const events: { at: number; run: () => void }[] = [];
  const hourly = instances.filter((i) => i.billing_cycle === 'hourly');
  const daily = instances.filter((i) => i.billing_cycle === 'daily');
  for (let hour = 0; hour < 24; hour++) {
    const arrivesAt = at(hour + 1, LATE_FILE_HOURS.has(hour) ? 22 : 2 + (hour % 5));
    const rows = hourly.map((instance, n) => usageRow(instance, at(hour, 0), at(hour + 1, 0), n));
    events.push(fileEvent(`usage-${String(hour).padStart(2, '0')}.csv`, rows, arrivesAt, 'hourly', expected));
  }
  const rows = daily.map((instance, n) => usageRow(instance, DAY, DAY + 24 * HOUR, n));
  events.push(fileEvent('usage-daily.csv', rows, at(24, 4), 'daily', expected));
  return events;
}

function usageRow(instance: PayPerUseInstance, begin: number, end: number, n: number): Record<string, string> {
  return {
    instance_id: instance.instance_id,
    begin_time: formatSdrTime(begin),
    end_time: formatSdrTime(end - 1000),
    usage_value: `${(n % 40) + 1}.5`,
    billing_cycle: instance.billing_cycle,
  };
}

function fileEvent(name: string, rows: Record<string, string>[], arrivesAt: number, cycle: BillingCycle, expected: Map<string, Expected>) {
  for (const row of rows) {
    const window = reportingWindow(parseSdrTime(row.end_time!)! + 1000, cycle);
    expected.set(recordKey(row), { cycle, arrivedAt: arrivesAt, closesAt: window.closesAt });
  }
  return {
    at: arrivesAt,
    run: () => {
      // written beside the folder and moved in, as a metering system's export lands whole
      const header = Object.keys(rows[0]!);
      const text = [header.join(','), ...rows.map((row) => header.map((h) => row[h]).join(','))].join('\n') + '\n';
      fs.writeFileSync(path.join(dir, name), text);
      fs.renameSync(path.join(dir, name), path.join(folder, name));
    },
  };
}

function recordKey(r: { instance_id?: string; begin_time?: string; end_time?: string }): string {
  return `${r.instance_id} ${r.begin_time} ${r.end_time}`;
}

/** Late records by cause, and the three figures. */
function score(
  expected: Map<string, Expected>,
  ledger: { instance_id: string; begin_time: string; end_time: string; received_at: number }[],
  outages: Outage[],
): void {
  const received = new Map<string, number[]>();
  for (const entry of ledger) received.set(recordKey(entry), [...(received.get(recordKey(entry)) ?? []), entry.received_at]);
  const causes: Record<string, number> = { on_time: 0, arrived_late: 0, asleep: 0, killed: 0, outage: 0, app: 0, lost: 0 };
  let counted = 0;
  let onTimeCounted = 0;
  for (const [key, record] of expected) {
    const first = Math.min(...(received.get(key) ?? [Infinity]));
    if (first === Infinity) causes.lost!++;
    const cause = first <= record.closesAt ? 'on_time' : lateCause(record, outages);
    if (first !== Infinity) causes[cause]!++;
    if (cause === 'on_time' || cause === 'app') {
      counted++;
      if (cause === 'on_time') onTimeCounted++;
    }
  }
  const billedTwice = [...received.values()].filter((times) => times.length > 1).length;
  report({ name: 'usage.simulated_day_on_time_ratio', value: onTimeCounted / counted, unit: 'ratio', target: 0.999, better: 'higher' });
  report({ name: 'usage.simulated_day_lost', value: causes.lost!, unit: 'records', target: 0, better: 'lower' });
  report({ name: 'usage.simulated_day_billed_twice', value: billedTwice, unit: 'records', target: 0, better: 'lower' });
  for (const [cause, count] of Object.entries(causes))
    console.log(JSON.stringify({ name: `usage.simulated_day_records.${cause}`, value: count, unit: 'records', part_of: 'usage.simulated_day_on_time_ratio' }));
}

interface Attempt {
  id: number;
  startedAt: number;
  httpStatus: number | null;
  code: string | null;
  outcome: string | null;
}

/** The app's upload attempts log, all of it (the proof of every push, kept across the kills). */
async function allAttempts(appUrl: string): Promise<Attempt[]> {
  const url = new URL(appUrl);
  const attempts: Attempt[] = [];
  for (let beforeId: number | undefined; ;) {
    const response = await fetch(`${url.origin}/api/call`, {
      method: 'POST',
      headers: { authorization: `Bearer ${url.searchParams.get('token')}` },
      body: JSON.stringify({ method: 'usage.attempts', input: { limit: 1000, ...(beforeId ? { beforeId } : {}) } }),
    });
    const page = ((await response.json()) as { value: Attempt[] }).value;
    attempts.push(...page);
    if (page.length < 1000) return attempts;
    beforeId = page.at(-1)!.id;
  }
}

/** The attempts in each stretch of trouble and how they ended: what the late records and retries met. */
function reportAttempts(attempts: Attempt[]): void {
  const stretches = { outage: OUTAGE, mixed_faults: MIXED_FAULTS, throttle_burst: THROTTLE_BURST };
  const byStretch = new Map<string, Record<string, number>>();
  for (const attempt of attempts) {
    const stretch = Object.entries(stretches).find(([, t]) => attempt.startedAt >= t.from && attempt.startedAt < t.until)?.[0] ?? 'rest_of_day';
    const outcomes = byStretch.get(stretch) ?? {};
    const outcome = `${attempt.outcome ?? 'unfinished'} ${attempt.httpStatus ?? '-'} ${attempt.code ?? '-'}`;
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    byStretch.set(stretch, outcomes);
  }
  for (const [stretch, outcomes] of byStretch) {
    const count = Object.values(outcomes).reduce((sum, n) => sum + n, 0);
    console.log(
      JSON.stringify({
        name: `usage.simulated_day_attempts.${stretch}`,
        value: count,
        unit: 'attempts',
        part_of: 'usage.simulated_day_on_time_ratio',
        outcomes,
      }),
    );
  }
}

/** Why a record missed its window when the app is not to blame: no moment inside it had its data, the app and the marketplace together. */
function lateCause(record: Expected, outages: Outage[]): string {
  if (record.arrivedAt > record.closesAt) return 'arrived_late';
  const blocking = outages.find((o) => o.from <= record.arrivedAt + MINUTE && o.until >= record.closesAt);
  return blocking?.cause ?? 'app';
}

async function startApp(): Promise<Started> {
  const env = { SELLER_DESK_DATA_DIR: path.join(dir, 'app'), SELLER_DESK_SANDBOX_URL: baseUrl, SELLER_DESK_AUTO_SYNC: '0', ...clockEnv };
  const started = await startNodeProcess(webHostArgs(), env, /open: (http:\/\/\S+)/);
  const url = new URL(started.match);
  const call = await fetch(`${url.origin}/api/call`, {
    method: 'POST',
    headers: { authorization: `Bearer ${url.searchParams.get('token')}` },
    body: JSON.stringify({ method: 'settings.update', input: { usageWatchedFolder: folder } }),
  });
  if (!call.ok) throw new Error(`settings.update failed: ${call.status} ${await call.text()}`);
  return started;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

async function until(simulated: number): Promise<void> {
  const waitMs = (simulated - simNow()) / RATE;
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
}
