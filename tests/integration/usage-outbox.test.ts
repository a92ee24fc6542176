import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../electron/core/contract';
import { SandboxState, startSandboxServer, type SandboxServer } from '../../electron/sandbox';
import { setFaults } from '../support/sandbox';
import { external, startCore } from '../support/core';
import { useTempDirs } from '../support/temp-dir';
import { formatSdrTime as fmt } from '../../electron/core/koogallery';
import { base64, hourRows, MINUTE, TestClock, toCsv } from '../support/usage';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A sandbox on its own clock and a core on the test clock (fixed randomness: start offset 2.5 min). */
async function setup(clock: TestClock, sandboxNow: () => number = clock.now) {
  const sandbox = await startSandboxServer({ seed: 'usage', size: 'small', now: sandboxNow, anchor: Date.parse('2026-11-24T00:00:00+08:00') });
  const started = await startCore(tempDir(), { now: clock.now, sandbox: external(sandbox), usageTickMs: 0, random: () => 0.5 });
  cleanups.push(
    () => sandbox.close(),
    () => started.core.close(),
  );
  return { sandbox, ...started };
}

async function importRows(client: CoreClient, rows: Record<string, string>[], queueValidOnly = false) {
  return client.call('usage.importFile', { fileName: 'usage.csv', contentBase64: base64(toCsv(rows)), queueValidOnly });
}

async function ledger(sandbox: SandboxServer) {
  await sandbox.state.ledger.settled();
  return sandbox.state.ledger.ledger();
}

describe('capture and validation', () => {
  it('refuses a 1,000-row file with 37 bad rows, listing each, and queues nothing', async () => {
    const clock = new TestClock(Date.parse('2026-11-24T06:05:00Z'));
    const { sandbox, client } = await setup(clock);
    const rows = hourRows(sandbox, Date.parse('2026-11-24T05:00:00Z'), 1000);
    const bad = new Map<number, string>();
    for (let k = 0; k < 37; k++) {
      const index = k * 27 + 3;
      const kind = k % 4;
      if (kind === 0) rows[index]!.usage_value = '-2';
      if (kind === 1) rows[index]!.begin_time = '2026-11-24 05:00';
      if (kind === 2) rows[index]!.usage_value = '1.23456';
      if (kind === 3) rows[index]!.end_time = '20261124T070000Z'; // after "now"
      bad.set(index + 2, ['usage_value', 'begin_time', 'usage_value', 'end_time'][kind]!); // +1 header, +1 one-based
    }
    const result = await importRows(client, rows);
    expect(result).toMatchObject({ rows: 1000, queued: 0, refused: true });
    expect(result.problems).toHaveLength(37);
    for (const problem of result.problems) expect(bad.get(problem.row), JSON.stringify(problem)).toBe(problem.column);
    expect(result.problems.find((p) => p.column === 'begin_time')!.reason).toContain("yyyyMMdd'T'HHmmss'Z'");
    expect((await client.call('status.get', {})).usageQueue.queued).toBe(0);

    const partial = await importRows(client, rows, true);
    expect(partial).toMatchObject({ queued: 963, refused: false });
  });

  it('reads XLSX (Chinese headers) and JSON Lines files', async () => {
    const clock = new TestClock(Date.parse('2026-11-24T05:40:00Z'));
    const { sandbox, client } = await setup(clock);
    const rows = hourRows(sandbox, Date.parse('2026-11-24T05:00:00Z'), 6);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('话单');
    sheet.addRow(['实例ID', '开始时间', '结束时间', '使用量']);
    for (const row of rows.slice(0, 3)) sheet.addRow([row.instance_id, row.begin_time, row.end_time, Number(row.usage_value)]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    expect(await client.call('usage.importFile', { fileName: '话单.xlsx', contentBase64: xlsx })).toMatchObject({ rows: 3, queued: 3, refused: false });

    const jsonl =
      rows
        .slice(3)
        .map((row) => JSON.stringify(row))
        .join('\n') + '\nnot json\n';
    const result = await client.call('usage.importFile', { fileName: 'usage.jsonl', contentBase64: base64(jsonl) });
    expect(result).toMatchObject({ rows: 4, queued: 0, refused: true, problems: [{ row: 4, column: '(line)', reason: 'line is not a JSON object' }] });
    expect(await client.call('usage.importFile', { fileName: 'usage.jsonl', contentBase64: base64(jsonl), queueValidOnly: true })).toMatchObject({ queued: 3 });
    await expect(client.call('usage.importFile', { fileName: 'usage.txt', contentBase64: base64('x') })).rejects.toThrow('unsupported file type ".txt"');
  });

  it('refuses duplicates inside the file and of records already queued', async () => {
    const clock = new TestClock(Date.parse('2026-11-24T06:05:00Z'));
    const { sandbox, client } = await setup(clock);
    const rows = hourRows(sandbox, Date.parse('2026-11-24T05:00:00Z'), 3);
    expect((await importRows(client, rows)).queued).toBe(3);
    const again = await importRows(client, [rows[0]!, hourRows(sandbox, Date.parse('2026-11-24T05:00:00Z'), 4)[3]!, rows[0]!]);
    expect(again.refused).toBe(true);
    expect(again.problems.map((p) => [p.row, p.reason])).toEqual([
      [2, expect.stringMatching(/^a record with the same instance_id, begin_time and end_time is already (queued|sending|accepted)$/)],
      [4, 'duplicate of row 2: same instance_id, begin_time and end_time'],
    ]);
    expect((await client.call('status.get', {})).usageQueue.queued + (await ledger(sandbox)).length).toBeGreaterThanOrEqual(3);
  });
});

describe('instances for the manual form', () => {
  it("offers the source's pay-per-use instances and those usage was captured for, each once, with product and cycle", async () => {
    const clock = new TestClock(Date.parse('2026-11-24T06:05:00Z'));
    const { sandbox, client } = await setup(clock);
    const sandboxIds = [...sandbox.state.instances.keys()];
    await importRows(client, [{ ...hourRows(sandbox, Date.parse('2026-11-24T05:00:00Z'), 1)[0]!, instance_id: 'captured-only-instance' }]);
    const instances = await client.call('usage.instances', {});
    const ids = instances.map((i) => i.instanceId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([...sandboxIds, 'captured-only-instance']));
    const known = sandbox.state.instances.get(sandboxIds[0]!)!;
    expect(instances.find((i) => i.instanceId === known.instance_id)).toEqual({
      instanceId: known.instance_id,
      productName: known.product_name,
      customerName: known.customer_name,
      billingCycle: known.billing_cycle,
    });
    expect(instances.find((i) => i.instanceId === 'captured-only-instance')).toMatchObject({ productName: null, billingCycle: 'hourly' });
  });
});

describe('the outbox against the sandbox', () => {
  it('pushes a window on time and shows it in the window report', async () => {
    const clock = new TestClock(Date.parse('2026-11-24T05:40:00Z'));
    const { sandbox, client } = await setup(clock);
    await importRows(
      client,
      hourRows(sandbox, Date.parse('2026-11-24T05:00:00Z'), 1500).filter((r) => r.end_time! < '20261124T054000Z'),
    );
    const queued = (await client.call('status.get', {})).usageQueue.queued;
    expect(queued).toBeGreaterThan(1000);
    expect((await client.call('usage.flushNow', {})).batches).toBe(0); // window opens at 06:00 (+ this install's offset)
    clock.set('2026-11-24T06:03:00Z');
    const report = await client.call('usage.flushNow', {});
    expect(report).toMatchObject({ accepted: queued, batches: 2 });
    const [window] = await client.call('usage.windows', { limit: 1 });
    expect(window).toMatchObject({ windowOpensAt: Date.parse('2026-11-24T06:00:00Z'), records: queued, onTime: queued, onTimeRatio: 1 });
    expect(await ledger(sandbox)).toHaveLength(queued);
    const attempts = await client.call('usage.attempts', { limit: 10 });
    expect(attempts.map((a) => a.recordCount).sort()).toEqual([1000, queued - 1000].sort());

    // Seller Center later lists two of them as anomalies: reconcile
    const accepted = await client.call('usage.records', { windowOpensAt: window!.windowOpensAt, limit: 2 });
    const list = [
      '实例ID,开始时间,结束时间,异常原因',
      ...accepted.map((r) => `${r.instanceId},${fmt(r.beginAt)},${fmt(r.endAt)},实例已退订`),
      'nobody,20261124T050000Z,20261124T050059Z,x',
    ].join('\n');
    const reconciled = await client.call('usage.reconcile', { fileName: 'anomalies.csv', contentBase64: base64(list) });
    expect(reconciled).toMatchObject({ rows: 3, marked: 2, unmatched: [{ row: 4, column: '实例ID' }] });
    const [after] = await client.call('usage.windows', { limit: 1 });
    expect(after).toMatchObject({ anomaly: 2, onTime: queued - 2 });
    const anomalous = await client.call('usage.records', { windowOpensAt: window!.windowOpensAt, state: 'anomaly' });
    expect(anomalous.map((r) => r.lastErrorMessage)).toEqual(['实例已退订', '实例已退订']);
  });

  it('survives a 50-minute outage across a window boundary and classifies each record', async () => {
    const clock = new TestClock(Date.parse('2026-11-24T05:40:00Z'));
    const state = new SandboxState({ seed: 'usage', size: 'small', now: clock.now, anchor: Date.parse('2026-11-24T00:00:00+08:00') });
    let sandbox = await startSandboxServer({ state });
    const port = Number(new URL(sandbox.baseUrl).port);
    const { client } = await startCore(tempDir(), { now: clock.now, sandbox: external(sandbox), usageTickMs: 0, random: () => 0.5 });
    cleanups.push(async () => sandbox.close());

    const fromFourOClock = hourRows(sandbox, Date.parse('2026-11-24T04:00:00Z'), 40); // window 05:00–05:15, already closed
    const fromFiveOClock = hourRows(sandbox, Date.parse('2026-11-24T05:00:00Z'), 40); // window 06:00–06:15
    expect((await importRows(client, [...fromFourOClock, ...fromFiveOClock])).queued).toBe(80);
    await sandbox.close(); // the network goes down at 05:40
    for (let minute = 0; minute < 50; minute += 5) {
      await client.call('usage.flushNow', {});
      clock.advance(5 * MINUTE);
    }
    expect((await client.call('status.get', {})).usageQueue.queued).toBe(80);
    expect(state.ledger.ledger()).toHaveLength(0);

    sandbox = await startSandboxServer({ state, port }); // back at 06:30
    clock.set('2026-11-24T06:30:00Z');
    await client.call('status.checkConnectivity', {});
    const report = await client.call('usage.flushNow', {});
    expect(report.accepted).toBe(80);
    const windows = await client.call('usage.windows', { limit: 5 });
    const byOpening = new Map(windows.map((w) => [new Date(w.windowOpensAt).toISOString(), w]));
    expect(byOpening.get('2026-11-24T05:00:00.000Z')).toMatchObject({ records: 40, late: 40 }); // 75 min after closing: ≤ 2 h
    expect(byOpening.get('2026-11-24T06:00:00.000Z')).toMatchObject({ records: 40, late: 40 });
    const delivered = await ledger(sandbox);
    expect(delivered).toHaveLength(80);
    // earliest deadline first: the 05:00 window's records went before the 06:00 window's
    expect(delivered.slice(0, 40).every((r) => r.begin_time.startsWith('20261124T04'))).toBe(true);
  });

  it('delivers everything exactly once through 30% mixed faults and never retries before Retry-After', async () => {
    const clock = new TestClock(Date.parse('2026-11-24T06:03:00Z'));
    const { sandbox, client } = await setup(clock);
    setFaults(sandbox, {
      rates: { server_error: 0.08, throttle: 0.08, reset: 0.06, timeout: 0.04, malformed: 0.04 },
      retryAfterSeconds: 20,
      timeoutHoldMs: 10,
      seed: 'thirty-percent',
    });
    const rows = hourRows(sandbox, Date.parse('2026-11-24T05:00:00Z'), 10_000);
    expect((await importRows(client, rows)).queued).toBe(10_000);
    for (
      let step = 0;
      step < 400 && (await client.call('status.get', {})).usageQueue.queued + (await client.call('status.get', {})).usageQueue.sending > 0;
      step++
    ) {
      await client.call('usage.flushNow', {});
      clock.advance(1000);
    }
    const accepted = await ledger(sandbox);
    expect(accepted).toHaveLength(10_000);
    expect(new Set(accepted.map((r) => r.metering_sn)).size).toBe(10_000);
    const [window] = await client.call('usage.windows', { limit: 1 });
    expect(window!.onTime + window!.late).toBe(10_000);
    const log = sandbox.state.requestLog;
    expect(log.filter((r) => r.fault !== null).length).toBeGreaterThan(3);
    log.forEach((entry, i) => {
      if (entry.fault === 'throttle' && log[i + 1]) expect(log[i + 1]!.at - entry.at).toBeGreaterThanOrEqual(20_000);
    });
  });

  it('computes windows on marketplace time when the local clock is 10 minutes fast or slow', async () => {
    for (const [skew, expected] of [
      [+10 * MINUTE, 'onTime'],
      [-10 * MINUTE, 'late'],
    ] as const) {
      // marketplace time 06:10 (fast local clock says 06:20) or 06:20 (slow local clock says 06:10)
      const marketplace = new TestClock(Date.parse(skew > 0 ? '2026-11-24T06:10:00Z' : '2026-11-24T06:20:00Z'));
      const local = new TestClock(marketplace.ms + skew);
      const { sandbox, client } = await setup(local, marketplace.now);
      await client.call('marketplace.capabilities', {});
      const rows = hourRows(sandbox, Date.parse('2026-11-24T05:00:00Z'), 5);
      expect((await importRows(client, rows)).queued).toBe(5);
      await client.call('usage.flushNow', {});
      const [window] = await client.call('usage.windows', { limit: 1 });
      expect(window, `local clock ${skew > 0 ? 'fast' : 'slow'}`).toMatchObject({ records: 5, [expected]: 5 });
    }
  });

  it('rejects only the bad record of a batch, after bisecting', async () => {
    const clock = new TestClock(Date.parse('2026-11-24T06:05:00Z'));
    const { sandbox, client } = await setup(clock);
    const rows = hourRows(sandbox, Date.parse('2026-11-24T05:00:00Z'), 20);
    rows[7]!.instance_id = 'instance-the-marketplace-does-not-know';
    expect((await importRows(client, rows)).queued).toBe(20);
    const report = await client.call('usage.flushNow', {});
    expect(report).toMatchObject({ accepted: 19, rejected: 1 });
    const [window] = await client.call('usage.windows', { limit: 1 });
    const rejected = await client.call('usage.records', { windowOpensAt: window!.windowOpensAt, state: 'rejected' });
    expect(rejected).toMatchObject([{ instanceId: 'instance-the-marketplace-does-not-know', lastErrorCode: 'MKT.9001' }]);

    // correcting keeps the unknown instance, so the marketplace refuses it again — but only it
    await expect(client.call('usage.correct', { id: rejected[0]!.id, usage_value: '3' })).resolves.toMatchObject({ queued: 1 });
    await client.call('usage.flushNow', {});
    expect(await client.call('usage.records', { windowOpensAt: window!.windowOpensAt, state: 'accepted' })).toHaveLength(19);
  });
});
