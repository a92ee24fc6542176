import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatSdrTime, PATHS, signApigRequest, usageBodySignature, type UsagePushRecord } from '../../electron/core/koogallery';
import { DEMO_CREDENTIALS, startSandboxServer, type SandboxServer } from '../../electron/sandbox';
import type { PayPerUseInstance } from '../../electron/sandbox/generator';
import { UsageLedger } from '../../electron/sandbox/usage-ledger';

/**
 * Usage Push (New and Old) as the sandbox marketplace answers it, and what its ledger later makes of
 * the records it took. Requests are sent raw (signed correctly) so that inputs the app's client never
 * sends can be tried; the sandbox clock is pinned to whole seconds so each rule is met at its edge.
 */

const SECOND = 1_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The sandbox clock's resting time: a whole second. */
const T0 = Date.UTC(2025, 5, 15, 12, 0, 0);

const SUCCESS = { status: 200, body: { error_code: 'MKT.0000', error_msg: 'success' } };
const HEADERS_REQUIRED = { status: 400, body: { error_code: 'MKT.0101', error_msg: 'Invalid parameter: signature, ts and nonce headers are required' } };
const BAD_TS = { status: 400, body: { error_code: 'MKT.0101', error_msg: 'Invalid parameter: ts must be Unix time in milliseconds' } };
const NOT_JSON = { status: 400, body: { error_code: 'MKT.0101', error_msg: 'Invalid parameter: body is not JSON' } };
const TOO_MANY = { status: 500, body: { error_code: 'MKT.9003', error_msg: 'Usage records extends size limit.' } };
const TOO_OLD = { status: 500, body: { error_code: 'MKT.9004', error_msg: 'Record beginTime extends Limit.' } };
const UNKNOWN_INSTANCE = { status: 500, body: { error_code: 'MKT.9001', error_msg: 'Instance ID not found.' } };
const SDR_FORMAT_MESSAGE = "expected yyyyMMdd'T'HHmmss'Z' (UTC)";
const INVALID_TIME_MESSAGE = 'begin_time ≤ end_time ≤ report time is required';
const BEFORE_START_MESSAGE = 'begin_time is before the resource started';
const DUPLICATE_MESSAGE = 'a record with the same instance_id, begin_time and end_time was already received';

let clock = T0;
let sandbox: SandboxServer;
/** An instance that started long before anything these tests push for it. */
let veteran: PayPerUseInstance;
/** An instance that started a few days before T0, not on a whole second. */
let newcomer: PayPerUseInstance;

beforeAll(async () => {
  sandbox = await startSandboxServer({ seed: 'test-seed', size: 'small', now: () => clock });
  const instances = [...sandbox.state.instances.values()];
  veteran = instances.find((i) => i.resource_start_at < T0 - 60 * DAY)!;
  newcomer = instances.find((i) => i.resource_start_at > T0 - 20 * DAY && i.resource_start_at < T0 - 2 * DAY && i.resource_start_at % SECOND !== 0)!;
  expect(veteran).toBeDefined();
  expect(newcomer).toBeDefined();
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(() => {
  clock = T0;
});

let serial = 0;
let hoursUsed = 0;
/** A distinct hour (so records of different tests never share a duplicate key), ending before T0. */
function freshHour(): number {
  hoursUsed += 1;
  return T0 - (hoursUsed + 1) * HOUR;
}

function record(begin: number, end: number, overrides: Partial<UsagePushRecord> = {}): UsagePushRecord {
  serial += 1;
  return {
    instance_id: veteran.instance_id,
    record_time: formatSdrTime(end),
    begin_time: formatSdrTime(begin),
    end_time: formatSdrTime(end),
    usage_value: '1.5',
    metering_sn: `sn-${serial}`,
    ...overrides,
  };
}

/** One full hour of usage for the veteran instance, in an hour no other record uses. */
function hourlyRecord(overrides: Partial<UsagePushRecord> = {}): UsagePushRecord {
  const begin = freshHour();
  return record(begin, begin + HOUR - SECOND, overrides);
}

interface Answer {
  status: number;
  body: unknown;
}

async function answerOf(response: Response): Promise<Answer> {
  return { status: response.status, body: (await response.json()) as unknown };
}

/** Usage Push (New) with the body exactly as given, signed with the seller key unless headers are given. */
async function pushNewRaw(body: string, headers: Partial<Record<'signature' | 'ts' | 'nonce', string>> | null = null): Promise<Answer> {
  serial += 1;
  const ts = headers?.ts ?? String(clock);
  const nonce = headers?.nonce ?? `nonce-${serial}`;
  const sent = headers ?? { ts, nonce, signature: usageBodySignature(DEMO_CREDENTIALS.sellerKey, ts, nonce, body) };
  const response = await fetch(sandbox.baseUrl + PATHS.usagePushNew, { method: 'POST', headers: { 'content-type': 'application/json', ...sent }, body });
  return answerOf(response);
}

function pushNew(records: unknown[]): Promise<Answer> {
  return pushNewRaw(JSON.stringify({ usage_records: records }));
}

/** Usage Push (Old): the body as given, AK/SK-signed at the sandbox's time. */
async function pushOldRaw(body: string): Promise<Answer> {
  const url = sandbox.baseUrl + PATHS.usagePushOld;
  const { Host: _host, ...headers } = signApigRequest({ method: 'POST', url, headers: { 'Content-Type': 'application/json' }, body }, DEMO_CREDENTIALS, clock);
  return answerOf(await fetch(url, { method: 'POST', headers, body }));
}

function oldRecord(overrides: Partial<UsagePushRecord> = {}): Record<string, string> {
  const { metering_sn: _sn, ...rest } = hourlyRecord(overrides);
  return { ...rest, product_id: veteran.product_id };
}

/** Sends, lets the ledger's asynchronous validation run, and returns what this push added to the ledger and anomalies. */
async function pushAndSettle(send: () => Promise<Answer>) {
  await sandbox.state.ledger.settled();
  const before = { ledger: sandbox.state.ledger.ledger().length, anomalies: sandbox.state.ledger.anomalies().length };
  const answer = await send();
  await sandbox.state.ledger.settled();
  return {
    answer,
    ledger: sandbox.state.ledger.ledger().slice(before.ledger),
    anomalies: sandbox.state.ledger.anomalies().slice(before.anomalies),
  };
}

describe('Usage Push (New): the signature headers', () => {
  it('takes a body signed with a 13-digit millisecond ts and a nonce', async () => {
    const sent = hourlyRecord();
    const { answer, ledger } = await pushAndSettle(() => pushNew([sent]));
    expect(answer).toEqual(SUCCESS);
    expect(ledger.map((entry) => entry.metering_sn)).toEqual([sent.metering_sn]);
  });

  it('refuses a push without signature, ts or nonce with 400 MKT.0101 naming the three headers', async () => {
    const body = JSON.stringify({ usage_records: [hourlyRecord()] });
    const ts = String(clock);
    const nonce = 'nonce-missing-header';
    const signature = usageBodySignature(DEMO_CREDENTIALS.sellerKey, ts, nonce, body);
    for (const headers of [
      { ts, nonce },
      { signature, nonce },
      { signature, ts },
    ]) {
      const { answer, ledger } = await pushAndSettle(() => pushNewRaw(body, headers));
      expect(answer, Object.keys(headers).join('+')).toEqual(HEADERS_REQUIRED);
      expect(ledger).toHaveLength(0);
    }
  });

  it('refuses a ts that is not exactly 13 digits (seconds, 12 or 14 digits, letters around it) even when the body is signed with it', async () => {
    const body = JSON.stringify({ usage_records: [hourlyRecord()] });
    for (const ts of ['1749988800', '174998880000', '17499888000000', 'x1749988800000', '1749988800000x', '1749988800000.5']) {
      const nonce = `nonce-ts-${ts}`;
      const { answer, ledger } = await pushAndSettle(() =>
        pushNewRaw(body, { ts, nonce, signature: usageBodySignature(DEMO_CREDENTIALS.sellerKey, ts, nonce, body) }),
      );
      expect(answer, ts).toEqual(BAD_TS);
      expect(ledger).toHaveLength(0);
    }
  });
});

describe('Usage Push: what the body must be', () => {
  it('answers 400 MKT.0101 "body is not JSON" to a correctly signed body that is not JSON, New and Old', async () => {
    for (const body of ['usage_records=[]', '{"usage_records":[', '']) {
      expect(await pushNewRaw(body), `New: ${body}`).toEqual(NOT_JSON);
      expect(await pushOldRaw(body), `Old: ${body}`).toEqual(NOT_JSON);
    }
  });

  it('answers a JSON null body as an invalid parameter (400 MKT.0101), not a server failure', async () => {
    const answer = await pushNewRaw('null');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error_code: 'MKT.0101', error_msg: expect.stringMatching(/^Invalid parameter: ./) });
  });

  it('takes exactly 1000 records in one push', async () => {
    const begin = freshHour();
    const records = Array.from({ length: 1000 }, () => record(begin, begin + HOUR - SECOND));
    const { answer, ledger } = await pushAndSettle(() => pushNew(records));
    expect(answer).toEqual(SUCCESS);
    expect(ledger).toHaveLength(1); // the other 999 share its instance and hour: duplicates
  });

  it('refuses 1001 records with 500 MKT.9003 "Usage records extends size limit.", before looking at them', async () => {
    const begin = freshHour();
    const good = Array.from({ length: 1001 }, () => record(begin, begin + HOUR - SECOND));
    const { answer, ledger, anomalies } = await pushAndSettle(() => pushNew(good));
    expect(answer).toEqual(TOO_MANY);
    expect([ledger, anomalies]).toEqual([[], []]);
    expect(await pushNew(Array.from({ length: 1001 }, () => ({})))).toEqual(TOO_MANY);
  });

  it("answers a time not in yyyyMMdd'T'HHmmss'Z' with 500 MKT.0100 naming the record's field", async () => {
    const bad = hourlyRecord({ begin_time: '2025-06-15T10:00:00Z' });
    const { answer, ledger } = await pushAndSettle(() => pushNew([hourlyRecord(), bad]));
    expect(answer).toEqual({
      status: 500,
      body: { error_code: 'MKT.0100', error_msg: `Failure of input parameter: usage_records.1.begin_time: ${SDR_FORMAT_MESSAGE}` },
    });
    expect(ledger).toHaveLength(0);
  });

  it('answers a time that does not exist (30 February, hour 25) as a format failure too, taking none of the records', async () => {
    const { answer, ledger } = await pushAndSettle(() =>
      pushNew([hourlyRecord(), hourlyRecord({ begin_time: '20250230T000000Z', end_time: '20250615T250000Z' })]),
    );
    expect(answer).toEqual({
      status: 500,
      body: {
        error_code: 'MKT.0100',
        error_msg: `Failure of input parameter: usage_records.1.begin_time: ${SDR_FORMAT_MESSAGE}: 20250230T000000Z is not a real time; usage_records.1.end_time: ${SDR_FORMAT_MESSAGE}: 20250615T250000Z is not a real time`,
      },
    });
    expect(ledger).toHaveLength(0);
  });

  it("answers a missing field with 400 MKT.0101 naming the record's field", async () => {
    const { metering_sn: _sn, ...withoutSn } = hourlyRecord();
    const answer = await pushNew([hourlyRecord(), withoutSn]);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error_code: 'MKT.0101', error_msg: expect.stringMatching(/^Invalid parameter: usage_records\.1\.metering_sn: \S/) });
    expect((answer.body as { error_msg: string }).error_msg).not.toContain(';');
  });

  it('answers a field the variant does not have with 400 MKT.0101: product_id in New, metering_sn in Old', async () => {
    const inNew = await pushNew([{ ...hourlyRecord(), product_id: veteran.product_id }]);
    expect(inNew).toMatchObject({
      status: 400,
      body: { error_code: 'MKT.0101', error_msg: expect.stringMatching(/^Invalid parameter: usage_records\.0: .*product_id/) },
    });
    const inOld = await pushOldRaw(JSON.stringify({ usage_records: [{ ...oldRecord(), metering_sn: 'sn-old' }] }));
    expect(inOld).toMatchObject({
      status: 400,
      body: { error_code: 'MKT.0101', error_msg: expect.stringMatching(/^Invalid parameter: usage_records\.0: .*metering_sn/) },
    });
  });

  it('lists every problem of a refused push, separated by "; "', async () => {
    const { metering_sn: _sn, ...withoutSn } = hourlyRecord();
    const { instance_id: _id, ...withoutInstance } = hourlyRecord();
    const answer = await pushNew([withoutSn, withoutInstance]);
    expect(answer.status).toBe(400);
    const message = (answer.body as { error_msg: string }).error_msg;
    expect(message).toMatch(/^Invalid parameter: usage_records\.0\.metering_sn: \S.*; usage_records\.1\.instance_id: \S/);
  });

  it('answers a push with both a malformed time and a missing field as a format failure (500 MKT.0100) listing both', async () => {
    const { metering_sn: _sn, ...withoutSn } = hourlyRecord();
    const answer = await pushNew([{ ...withoutSn, end_time: '20250615T1059Z' }]);
    expect(answer.status).toBe(500);
    const body = answer.body as { error_code: string; error_msg: string };
    expect(body.error_code).toBe('MKT.0100');
    expect(body.error_msg).toMatch(/^Failure of input parameter: /);
    expect(body.error_msg.split('; ').sort()).toEqual(
      [`Failure of input parameter: usage_records.0.end_time: ${SDR_FORMAT_MESSAGE}`, expect.stringMatching(/^usage_records\.0\.metering_sn: \S/)].sort(),
    );
  });
});

describe('Usage Push: records refused at once', () => {
  it('takes a begin_time exactly 21 days old and refuses one a second older with 500 MKT.9004', async () => {
    const limit = T0 - 21 * DAY;
    const oldest = record(limit, limit + HOUR - SECOND);
    const { answer, ledger } = await pushAndSettle(() => pushNew([oldest]));
    expect(answer).toEqual(SUCCESS);
    expect(ledger.map((entry) => entry.begin_time)).toEqual([formatSdrTime(limit)]);

    const tooOld = record(limit - SECOND, limit + HOUR - SECOND);
    const refused = await pushAndSettle(() => pushNew([hourlyRecord(), tooOld]));
    expect(refused.answer).toEqual(TOO_OLD);
    expect([refused.ledger, refused.anomalies]).toEqual([[], []]);
  });

  it('refuses a push naming an instance the marketplace does not know with 500 MKT.9001, taking none of its records', async () => {
    const { answer, ledger, anomalies } = await pushAndSettle(() => pushNew([hourlyRecord(), hourlyRecord({ instance_id: 'no-such-instance' })]));
    expect(answer).toEqual(UNKNOWN_INSTANCE);
    expect([ledger, anomalies]).toEqual([[], []]);
  });
});

describe('Usage Push (Old)', () => {
  it('takes records without metering_sn and keeps them with an empty metering_sn', async () => {
    const sent = oldRecord();
    const { answer, ledger } = await pushAndSettle(() => pushOldRaw(JSON.stringify({ usage_records: [sent] })));
    expect(answer).toEqual(SUCCESS);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ ...sent, metering_sn: '', received_at: T0, delivery: expect.stringMatching(/^old-\d+$/) });
  });
});

describe('after MKT.0000: usage values the ledger takes and refuses', () => {
  it('takes positive values of up to 15 digits and up to 4 decimals', async () => {
    const values = ['1', '0.0001', '1.25', '999999999999999', '123456789012345.1234'];
    const { answer, ledger, anomalies } = await pushAndSettle(() => pushNew(values.map((usage_value) => hourlyRecord({ usage_value }))));
    expect(answer).toEqual(SUCCESS);
    expect(anomalies).toEqual([]);
    expect(ledger.map((entry) => entry.usage_value)).toEqual(values);
  });

  it('turns zero, 16 digits, 5 decimals and non-numbers into INVALID_USAGE_VALUE anomalies saying why', async () => {
    const values = ['0', '0.0000', '1234567890123456', '1.23456', '-1', '+1', 'x5', '1e3', '.5', '1.'];
    const sent = values.map((usage_value) => hourlyRecord({ usage_value }));
    const { answer, ledger, anomalies } = await pushAndSettle(() => pushNew(sent));
    expect(answer).toEqual(SUCCESS); // validation happens after the answer
    expect(ledger).toEqual([]);
    expect(anomalies).toEqual(
      sent.map((r) => ({
        record: r,
        reason: 'INVALID_USAGE_VALUE',
        message: `usage_value "${r.usage_value}" must be > 0 with at most 4 decimals`,
        received_at: T0,
      })),
    );
  });
});

describe('after MKT.0000: begin_time ≤ end_time ≤ the time it was received', () => {
  it('takes a record whose begin_time equals its end_time, and refuses one beginning a second after its end', async () => {
    const at = freshHour();
    const instant = record(at, at);
    const reversed = record(at + 10 * 60 * SECOND + SECOND, at + 10 * 60 * SECOND);
    const { ledger, anomalies } = await pushAndSettle(() => pushNew([instant, reversed]));
    expect(ledger.map((entry) => entry.metering_sn)).toEqual([instant.metering_sn]);
    expect(anomalies).toEqual([{ record: reversed, reason: 'INVALID_TIME', message: INVALID_TIME_MESSAGE, received_at: T0 }]);
  });

  it('takes a record ending at the second it is received, and refuses one ending a second later', async () => {
    clock = T0 + 30 * 60 * SECOND;
    const onTime = record(T0, clock);
    const early = record(T0 + SECOND, clock + SECOND);
    const { ledger, anomalies } = await pushAndSettle(() => pushNew([onTime, early]));
    expect(ledger.map((entry) => [entry.metering_sn, entry.received_at])).toEqual([[onTime.metering_sn, clock]]);
    expect(anomalies).toEqual([{ record: early, reason: 'INVALID_TIME', message: INVALID_TIME_MESSAGE, received_at: clock }]);
  });
});

describe('after MKT.0000: usage before the resource started', () => {
  it('refuses a begin_time in the second before the instance started (BEFORE_RESOURCE_START) and takes the next second', async () => {
    const startSecond = Math.floor(newcomer.resource_start_at / SECOND) * SECOND; // just before the start
    const before = record(startSecond, startSecond + HOUR, { instance_id: newcomer.instance_id });
    const after = record(startSecond + SECOND, startSecond + HOUR, { instance_id: newcomer.instance_id });
    const { answer, ledger, anomalies } = await pushAndSettle(() => pushNew([before, after]));
    expect(answer).toEqual(SUCCESS);
    expect(ledger.map((entry) => entry.metering_sn)).toEqual([after.metering_sn]);
    expect(anomalies).toEqual([{ record: before, reason: 'BEFORE_RESOURCE_START', message: BEFORE_START_MESSAGE, received_at: T0 }]);
  });

  it('takes a begin_time equal to the instant the instance started', async () => {
    const started = T0 - 3 * DAY;
    const ledger = new UsageLedger(new Map([[newcomer.instance_id, { ...newcomer, resource_start_at: started }]]));
    const atStart = record(started, started + HOUR - SECOND, { instance_id: newcomer.instance_id });
    const secondBefore = record(started - SECOND, started + HOUR - SECOND, { instance_id: newcomer.instance_id });
    ledger.receive([atStart, secondBefore], T0, 'nonce-start');
    await ledger.settled();
    expect(ledger.ledger().map((entry) => entry.metering_sn)).toEqual([atStart.metering_sn]);
    expect(ledger.anomalies()).toEqual([{ record: secondBefore, reason: 'BEFORE_RESOURCE_START', message: BEFORE_START_MESSAGE, received_at: T0 }]);
  });
});

describe('after MKT.0000: the same instance, begin_time and end_time twice', () => {
  it('bills the first and records later ones as DUPLICATE, across pushes and within one', async () => {
    const first = hourlyRecord();
    const again = { ...first, metering_sn: 'sn-again', usage_value: '7' };
    const twice = { ...first, metering_sn: 'sn-twice', usage_value: '8' };
    const firstPush = await pushAndSettle(() => pushNew([first]));
    expect(firstPush.ledger.map((entry) => entry.metering_sn)).toEqual([first.metering_sn]);
    const { answer, ledger, anomalies } = await pushAndSettle(() => pushNew([again, twice]));
    expect(answer).toEqual(SUCCESS);
    expect(ledger).toEqual([]);
    expect(anomalies).toEqual([
      { record: again, reason: 'DUPLICATE', message: DUPLICATE_MESSAGE, received_at: T0 },
      { record: twice, reason: 'DUPLICATE', message: DUPLICATE_MESSAGE, received_at: T0 },
    ]);
  });

  it('counts a record refused for its value as never received, and a different end_time as a different record', async () => {
    const begin = freshHour();
    const invalid = record(begin, begin + HOUR - SECOND, { usage_value: '0' });
    const valid = record(begin, begin + HOUR - SECOND);
    const shorter = record(begin, begin + HOUR - 2 * SECOND);
    const { ledger, anomalies } = await pushAndSettle(() => pushNew([invalid, valid, shorter]));
    expect(ledger.map((entry) => entry.metering_sn)).toEqual([valid.metering_sn, shorter.metering_sn]);
    expect(anomalies.map((a) => [a.record.metering_sn, a.reason])).toEqual([[invalid.metering_sn, 'INVALID_USAGE_VALUE']]);
  });
});
