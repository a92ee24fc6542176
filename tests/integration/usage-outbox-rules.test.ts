import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, openDatabase, type SqliteDatabase } from '../../electron/core/db';
import { formatSdrTime, type ApiOutcome, type CallMeta, type UsagePushRecord } from '../../electron/core/koogallery';
import type { Connector } from '../../electron/core/marketplace';
import { meteringSnFor, UsageStore, type ValidUsageRecord } from '../../electron/core/usage';
import { ClockOffset } from '../../electron/core/usage/clock-offset';
import { UsageFlusher } from '../../electron/core/usage/flusher';
import { useFileTempDir, useTempDirs } from '../support/temp-dir';
import { MINUTE, TestClock } from '../support/usage';

/**
 * The 话单 outbox's rules at the edges a seller or the marketplace notices: which refusals are
 * blamed on one record and which on the account, when a record may first be sent, how long a
 * lease holds, and what the queue summary, window report and upload log show. A real database
 * with the app's migrations; a scripted marketplace that answers each push as the test says.
 */

const tempDir = useTempDirs();
const opened: SqliteDatabase[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** The app's migrations run once into this file; each test starts from a copy of it (fast: one run per mutant). */
const template = path.join(useFileTempDir(), DATABASE_FILE_NAME);
beforeAll(() => openDatabase(template).close());

/** Usage of 05:xx UTC is due in the window 06:00–06:15; the flushes below run at 06:05. */
const USAGE_HOUR = Date.parse('2026-11-24T05:00:00Z');
const OPENS = Date.parse('2026-11-24T06:00:00Z');
const CLOSES = Date.parse('2026-11-24T06:15:00Z');
const NOW = Date.parse('2026-11-24T06:05:00Z');

function openStore(): UsageStore {
  const file = path.join(tempDir(), DATABASE_FILE_NAME);
  fs.copyFileSync(template, file);
  const db = openDatabase(file);
  opened.push(db);
  return new UsageStore(db);
}

/** One minute of usage of `instanceId`, `minute` minutes into 05:00 UTC (or later hours past 59). */
function usage(instanceId: string, minute = 0, extra: Partial<ValidUsageRecord> = {}): ValidUsageRecord {
  const beginAt = USAGE_HOUR + minute * MINUTE;
  const endAt = beginAt + 59_000;
  return {
    row: 2,
    instanceId,
    productId: null,
    beginAt,
    endAt,
    recordedAt: endAt,
    usageValue: '1.5',
    meteringSn: meteringSnFor(instanceId, beginAt, endAt),
    relatePkgInstance: null,
    billingCycle: 'hourly',
    ...extra,
  };
}

function queue(store: UsageStore, records: ValidUsageRecord[], startOffsetMs = 0, allOrNothing = false) {
  return store.insert(records, { now: NOW - 4 * MINUTE, source: 'import', sourceFile: null, startOffsetMs, allOrNothing });
}

/** What 话单管理 shows for the 06:00 window: instance, state, last error code, attempts. */
function shown(store: UsageStore, opensAt = OPENS) {
  return store.records(opensAt, undefined, 0, 100).map((r) => [r.instanceId, r.state, r.lastErrorCode, r.attempts]);
}

const ids = (records: { instanceId: string }[]) => records.map((r) => r.instanceId);

function meta(httpStatus: number): CallMeta {
  return { url: 'https://marketplace.test/usage-data', httpStatus, serverDate: null, sentAt: NOW, receivedAt: NOW, networkError: null };
}
const accepted = (): ApiOutcome<null> => ({ class: 'ok', code: 'MKT.0000', message: 'Success', data: null, meta: meta(200) });
function refused(code: string, httpStatus = 400, splitBatch = false): ApiOutcome<null> {
  return { class: 'permanent', code, message: `refused with ${code}`, retryAfterMs: null, splitBatch, meta: meta(httpStatus) };
}

/**
 * A marketplace that answers each push with `answer(records)`, taking `latencyMs` of the test clock.
 * Like the real client, it shows the push's proof before "sending", so the attempt is logged.
 */
function marketplace(clock: TestClock, answer: (records: UsagePushRecord[]) => ApiOutcome<null>, latencyMs = 0) {
  const pushes: UsagePushRecord[][] = [];
  const api = {
    async pushUsage(records: UsagePushRecord[], beforeSend?: (proof: { ts: string; nonce: string; bodySha256: string; recordCount: number }) => void) {
      if (pushes.length >= 40) throw new Error('runaway flush: more than 40 pushes');
      pushes.push(records);
      const body = JSON.stringify({ usage_records: records });
      const proof = {
        ts: String(clock.ms),
        nonce: `nonce-${pushes.length}`,
        bodySha256: crypto.createHash('sha256').update(body).digest('hex'),
        recordCount: records.length,
      };
      beforeSend?.(proof);
      clock.advance(latencyMs);
      return { outcome: answer(records), proof };
    },
  };
  return { connector: { api } as unknown as Connector, pushes, sent: () => pushes.map((batch) => batch.map((r) => r.instance_id)) };
}

function flusherFor(store: UsageStore, clock: TestClock, connector: Connector) {
  const accountProblems: [string | null, string][] = [];
  const flusher = new UsageFlusher({
    store,
    connector: () => connector,
    now: clock.now,
    offset: new ClockOffset(),
    owner: 'desk-under-test',
    random: () => 0.5,
    onAccountProblem: (code, message) => accountProblems.push([code, message]),
  });
  return { flusher, accountProblems };
}

describe('permanent refusals: one bad record or the account', () => {
  it.each([
    ['MKT.0100', 'rejected', 'expired'],
    ['MKT.0101', 'rejected', 'expired'],
    ['MKT.0199', 'rejected', 'expired'],
    ['MKT.9001', 'rejected', 'expired'],
    ['MKT.9002', 'rejected', 'expired'],
    ['MKT.9004', 'expired', 'rejected'],
  ] as const)('%s is blamed on one record: the batch is halved until only that record ends %s, the others are accepted', async (code, endState, notCounted) => {
    const store = openStore();
    queue(store, [usage('good-1', 0), usage('bad', 1), usage('good-2', 2)]);
    const clock = new TestClock(NOW);
    const market = marketplace(clock, (records) => (records.some((r) => r.instance_id === 'bad') ? refused(code) : accepted()));
    const { flusher, accountProblems } = flusherFor(store, clock, market.connector);

    const report = await flusher.flushDue();

    expect(market.sent()).toEqual([['good-1', 'bad', 'good-2'], ['good-1', 'bad'], ['good-1'], ['bad'], ['good-2']]);
    expect(report).toEqual({ batches: 5, accepted: 2, retried: 0, rejected: 1, pausedUntil: null });
    expect(shown(store)).toEqual([
      ['good-1', 'accepted', null, 1],
      ['bad', endState, code, 1],
      ['good-2', 'accepted', null, 1],
    ]);
    expect(store.windows(10, undefined)).toEqual([expect.objectContaining({ records: 3, waiting: 0, onTime: 2, [endState]: 1, [notCounted]: 0 })]);
    expect(accountProblems).toEqual([]);
    expect(flusher.pausedUntilMs).toBeNull();
  });

  it('MKT.9003 (too many records) splits the batch into halves until each is small enough; nothing is refused', async () => {
    const store = openStore();
    queue(
      store,
      ['a', 'b', 'c', 'd', 'e'].map((id, n) => usage(id, n)),
    );
    const clock = new TestClock(NOW);
    const market = marketplace(clock, (records) => (records.length > 2 ? refused('MKT.9003', 500, true) : accepted()));
    const { flusher, accountProblems } = flusherFor(store, clock, market.connector);

    const report = await flusher.flushDue();

    expect(market.sent()).toEqual([['a', 'b', 'c', 'd', 'e'], ['a', 'b', 'c'], ['a', 'b'], ['c'], ['d', 'e']]);
    expect(report).toEqual({ batches: 5, accepted: 5, retried: 0, rejected: 0, pausedUntil: null });
    expect(shown(store).map(([, state]) => state)).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'accepted']);
    expect(accountProblems).toEqual([]);
  });

  it.each([
    ['APIGW.0303', 401],
    ['MKT.0154', 400],
  ])(
    '%s is an account problem: nothing is refused, every record stays queued, sending pauses exactly 5 minutes and the seller is told',
    async (code, httpStatus) => {
      const store = openStore();
      queue(store, [usage('a', 0), usage('b', 1), usage('c', 2)]);
      const clock = new TestClock(NOW);
      let credentialsFixed = false;
      const market = marketplace(clock, () => (credentialsFixed ? accepted() : refused(code, httpStatus)));
      const { flusher, accountProblems } = flusherFor(store, clock, market.connector);

      const report = await flusher.flushDue();
      credentialsFixed = true; // whatever the marketplace would say now, the desk must not ask before the pause ends

      expect(market.sent()).toEqual([['a', 'b', 'c']]);
      expect(report).toEqual({ batches: 1, accepted: 0, retried: 3, rejected: 0, pausedUntil: NOW + 5 * MINUTE });
      expect(flusher.pausedUntilMs).toBe(NOW + 5 * MINUTE);
      expect(shown(store)).toEqual([
        ['a', 'queued', code, 1],
        ['b', 'queued', code, 1],
        ['c', 'queued', code, 1],
      ]);
      expect(accountProblems).toEqual([[code, `refused with ${code}`]]);

      clock.ms = NOW + 5 * MINUTE - 1;
      expect(await flusher.flushDue()).toEqual({ batches: 0, accepted: 0, retried: 0, rejected: 0, pausedUntil: NOW + 5 * MINUTE });
      expect(market.pushes).toHaveLength(1);

      clock.ms = NOW + 5 * MINUTE;
      expect(await flusher.flushDue()).toEqual({ batches: 1, accepted: 3, retried: 0, rejected: 0, pausedUntil: null });
      expect(shown(store).map(([, state]) => state)).toEqual(['accepted', 'accepted', 'accepted']);
    },
  );

  it('while halving, an answer that asks to wait (Retry-After) holds the other half back too, until the wait is over', async () => {
    const store = openStore();
    queue(store, [usage('a', 0), usage('bad', 1), usage('c', 2)]);
    const clock = new TestClock(NOW);
    const throttled: ApiOutcome<null> = {
      class: 'throttled',
      code: 'APIGW.0308',
      message: 'throttled',
      retryAfterMs: MINUTE,
      splitBatch: false,
      meta: meta(429),
    };
    let answers = [refused('MKT.9001'), throttled];
    const market = marketplace(clock, (records) => answers.shift() ?? (records.some((r) => r.instance_id === 'bad') ? refused('MKT.9001') : accepted()));
    const { flusher } = flusherFor(store, clock, market.connector);

    const report = await flusher.flushDue();

    expect(market.sent()).toEqual([
      ['a', 'bad', 'c'],
      ['a', 'bad'],
    ]);
    expect(report).toEqual({ batches: 2, accepted: 0, retried: 3, rejected: 0, pausedUntil: NOW + MINUTE });
    expect(shown(store).map(([id, state]) => [id, state])).toEqual([
      ['a', 'queued'],
      ['bad', 'queued'],
      ['c', 'queued'],
    ]);

    clock.ms = NOW + MINUTE - 1;
    expect((await flusher.flushDue()).batches).toBe(0);
    clock.ms = NOW + MINUTE;
    answers = [];
    await flusher.flushDue();
    expect(shown(store).map(([id, state]) => [id, state])).toEqual([
      ['a', 'accepted'],
      ['bad', 'rejected'],
      ['c', 'accepted'],
    ]);
  });

  it("logs every push's proof and the marketplace's answer (status, code, message, outcome) in the upload log", async () => {
    const store = openStore();
    queue(store, [usage('a', 0), usage('b', 1)]);
    const clock = new TestClock(NOW);
    const market = marketplace(clock, () => refused('APIGW.0303', 401), 250);
    const { flusher } = flusherFor(store, clock, market.connector);

    await flusher.flushDue();

    const body = JSON.stringify({ usage_records: market.pushes[0] });
    expect(store.attempts(10, undefined)).toEqual([
      {
        id: expect.any(Number),
        startedAt: NOW,
        finishedAt: NOW + 250,
        ts: String(NOW),
        nonce: 'nonce-1',
        bodySha256: crypto.createHash('sha256').update(body).digest('hex'),
        recordCount: 2,
        httpStatus: 401,
        code: 'APIGW.0303',
        message: 'refused with APIGW.0303',
        outcome: 'permanent',
      },
    ]);
  });

  it('sends relate_pkg_instance only for a record that has one', async () => {
    const store = openStore();
    queue(store, [usage('in-package', 0, { relatePkgInstance: 'pkg-instance-7' }), usage('standalone', 1)]);
    const clock = new TestClock(NOW);
    const market = marketplace(clock, accepted);
    const { flusher } = flusherFor(store, clock, market.connector);

    await flusher.flushDue();

    const [inPackage, standalone] = market.pushes[0]!;
    expect(inPackage).toEqual({
      instance_id: 'in-package',
      record_time: formatSdrTime(USAGE_HOUR + 59_000),
      begin_time: formatSdrTime(USAGE_HOUR),
      end_time: formatSdrTime(USAGE_HOUR + 59_000),
      usage_value: '1.5',
      metering_sn: meteringSnFor('in-package', USAGE_HOUR, USAGE_HOUR + 59_000),
      relate_pkg_instance: 'pkg-instance-7',
    });
    expect(standalone).not.toHaveProperty('relate_pkg_instance');
    expect(standalone).toMatchObject({
      instance_id: 'standalone',
      metering_sn: meteringSnFor('standalone', USAGE_HOUR + MINUTE, USAGE_HOUR + MINUTE + 59_000),
    });
  });
});

describe('the outbox store', () => {
  it("makes a queued record sendable exactly at its window's opening plus this install's start offset, not a millisecond before", () => {
    const store = openStore();
    queue(store, [usage('a')], 150_000);
    expect(store.claim('sender', OPENS + 150_000 - 1, 60_000, 10)).toEqual([]);
    expect(store.nextDueAt()).toBe(OPENS + 150_000);
    expect(ids(store.claim('sender', OPENS + 150_000, 60_000, 10))).toEqual(['a']);
  });

  it('a corrected record goes back to the queue in its new window, sendable at that opening plus the start offset, with a fresh attempt count', () => {
    const store = openStore();
    queue(store, [usage('a', 10)]);
    const [sent] = store.claim('sender', NOW, 60_000, 10);
    store.finish([sent!.id], 'rejected', NOW, 'MKT.0100', 'bad value');
    // corrected to 06:00–06:30 usage: due in the 07:00 window
    const corrected = usage('a', 60, {
      endAt: USAGE_HOUR + 90 * MINUTE,
      usageValue: '2.25',
      meteringSn: meteringSnFor('a', USAGE_HOUR + 60 * MINUTE, USAGE_HOUR + 90 * MINUTE),
    });
    store.requeue(sent!.id, corrected, { now: NOW + 40 * MINUTE, startOffsetMs: 90_000 });
    const nextOpens = OPENS + 60 * MINUTE;

    expect(store.claim('sender', nextOpens + 90_000 - 1, 60_000, 10)).toEqual([]);
    const [again] = store.claim('sender', nextOpens + 90_000, 60_000, 10);
    expect(again).toMatchObject({ id: sent!.id, usageValue: '2.25', beginAt: USAGE_HOUR + 60 * MINUTE, windowClosesAt: nextOpens + 15 * MINUTE, attempts: 1 });
  });

  it('leases a claimed record for exactly leaseMs: another sender cannot take it before, can at the end; each claim counts one attempt', () => {
    const store = openStore();
    queue(store, [usage('a')]);
    expect(store.claim('sender-1', NOW, 60_000, 10)).toEqual([expect.objectContaining({ instanceId: 'a', attempts: 1 })]);
    expect(store.claim('sender-2', NOW + 60_000 - 1, 60_000, 10)).toEqual([]);
    expect(store.claim('sender-2', NOW + 60_000, 60_000, 10)).toEqual([expect.objectContaining({ instanceId: 'a', attempts: 2 })]);
    expect(shown(store)).toEqual([['a', 'sending', null, 2]]);
  });

  it('with allOrNothing, a duplicate (same instance, begin and end) stores nothing of the batch and is reported', () => {
    const store = openStore();
    queue(store, [usage('a', 0)]);
    const duplicate = usage('a', 0, { usageValue: '9', meteringSn: 'sd-another-serial-number' });

    expect(queue(store, [usage('b', 1), duplicate, usage('c', 2)], 0, true)).toEqual({ inserted: 0, conflicts: [duplicate] });
    expect(shown(store)).toEqual([['a', 'queued', null, 0]]);
  });

  it('without allOrNothing, the other records are stored and the duplicate is reported, the original kept', () => {
    const store = openStore();
    queue(store, [usage('a', 0)]);
    const duplicate = usage('a', 0, { usageValue: '9', meteringSn: 'sd-another-serial-number' });

    expect(queue(store, [usage('b', 1), duplicate, usage('c', 2)])).toEqual({ inserted: 2, conflicts: [duplicate] });
    expect(ids(store.records(OPENS, undefined, 0, 10))).toEqual(['a', 'b', 'c']);
    expect(store.records(OPENS, undefined, 0, 10)[0]).toMatchObject({ usageValue: '1.5' });
  });

  it('a record the database refuses (not a duplicate) fails the whole enqueue loudly instead of being dropped', () => {
    const store = openStore();
    const broken = usage('b', 1, { billingCycle: 'weekly' as ValidUsageRecord['billingCycle'] });
    expect(() => queue(store, [usage('a', 0), broken])).toThrow(/CHECK constraint/);
    expect(store.queueSummary(NOW).queued).toBe(0);
  });

  it('on restart, releases the leases of senders that are gone (saying how many), and those records are sendable at once', () => {
    const store = openStore();
    queue(
      store,
      ['a', 'b', 'c', 'd'].map((id, n) => usage(id, n)),
    );
    expect(ids(store.claim('gone-1', NOW, 120_000, 2))).toEqual(['a', 'b']);
    expect(ids(store.claim('gone-2', NOW, 120_000, 1))).toEqual(['c']);
    expect(ids(store.claim('alive', NOW, 120_000, 1))).toEqual(['d']);
    expect(store.leaseOwners().sort()).toEqual(['alive', 'gone-1', 'gone-2']);

    expect(store.releaseLeasesOf(['gone-1', 'gone-2'], NOW + 1_000)).toBe(3);
    expect(ids(store.claim('restarted', NOW + 1_000, 120_000, 10))).toEqual(['a', 'b', 'c']);
    expect(store.leaseOwners().sort()).toEqual(['alive', 'restarted']);
  });

  it('when the network returns, records waiting out a backoff are due now, but not records whose window has not opened', () => {
    const store = openStore();
    queue(store, [usage('backed-off', 0), usage('next-hour', 60)]);
    const [record] = store.claim('sender', NOW, 60_000, 10);
    store.release([record!.id], NOW + 10 * MINUTE, NOW, null, 'network down');
    expect(store.claim('sender', NOW + 1_000, 60_000, 10)).toEqual([]);

    store.clearBackoff(NOW + 1_000);

    expect(store.nextDueAt()).toBe(OPENS);
    expect(ids(store.claim('sender', NOW + 1_000, 60_000, 10))).toEqual(['backed-off']);
  });

  it('a window whose records all still wait has no on-time ratio yet; once one is accepted on time it has one', () => {
    const store = openStore();
    queue(store, [usage('a', 0), usage('b', 1)]);
    expect(store.windows(10, undefined)).toEqual([expect.objectContaining({ windowOpensAt: OPENS, records: 2, waiting: 2, onTime: 0, onTimeRatio: null })]);

    const [first] = store.claim('sender', NOW, 60_000, 1);
    store.markAccepted([first!.id], NOW);
    expect(store.windows(10, undefined)).toEqual([expect.objectContaining({ records: 2, waiting: 1, onTime: 1, onTimeRatio: 0.5 })]);
  });

  it('counts a waiting record as due soon once its window closes within 15 minutes, and as at risk once the window has closed', () => {
    const store = openStore();
    queue(store, [usage('a')]);
    const summary = (now: number) => {
      const { dueSoon, atRisk } = store.queueSummary(now);
      return { dueSoon, atRisk };
    };
    expect(summary(CLOSES - 15 * MINUTE - 1)).toEqual({ dueSoon: 0, atRisk: 0 }); // 15 min + 1 ms before closing
    expect(summary(CLOSES - 15 * MINUTE + 1)).toEqual({ dueSoon: 1, atRisk: 0 }); // 15 min - 1 ms before closing
    expect(summary(CLOSES)).toEqual({ dueSoon: 1, atRisk: 0 });
    expect(summary(CLOSES + 1)).toEqual({ dueSoon: 0, atRisk: 1 });
  });
});
