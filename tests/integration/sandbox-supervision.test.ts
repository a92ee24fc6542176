import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { appealGrounds, FLOW_STEPS, nextStep, STEP_TURN, type SupervisionFlowType, type SupervisionStep } from '../../electron/core/conventions';
import { classifyCode, type ApiOutcome, type EnvelopeReader, type KooGalleryClient } from '../../electron/core/koogallery';
import { fetchListPage } from '../../electron/core/marketplace/list-client';
import { SANDBOX_ANSWER_DELAY_MS, type SandboxServer } from '../../electron/sandbox';
import { sandboxWithClient } from '../support/sandbox';

const anchor = Date.UTC(2026, 10, 23, 16); // 2026-11-24 00:00 Beijing
const DELAY = 30_000;

interface Flow {
  flow_id: string;
  order_id: string;
  product_id: string;
  flow_type: SupervisionFlowType;
  current_step: SupervisionStep;
  waiting_on: string | null;
  step_entered_at: number;
  rejections: number;
  status: 'in_progress' | 'appealing' | 'completed';
  accepted_at: number | null;
  license_code: string | null;
  proof_files: { file_name: string; sha256: string; size: number; uploaded_at: number }[];
  updated_at: number;
}

const envelope = z.object({ resultCode: z.string(), resultMsg: z.string().optional() }).passthrough();
const reader: EnvelopeReader<z.infer<typeof envelope>> = { schema: envelope, code: (e) => e.resultCode, message: (e) => e.resultMsg ?? '' };

const PROOF = { file_name: '验收报告.pdf', sha256: 'a'.repeat(64), size: 2048 };

let clock = anchor + 9 * 3_600_000;
let sandbox: SandboxServer;
let client: KooGalleryClient;
let actionCount = 0;

async function start() {
  clock = anchor + 9 * 3_600_000;
  ({ sandbox, client } = await sandboxWithClient({ anchor, now: () => clock, answerDelayMs: DELAY }));
}

afterEach(async () => {
  await sandbox.close();
});

/** Every flow, or the ones updated after `cursor`; with the cursor to resume from. */
async function listFlows(cursor: string | null = null): Promise<{ flows: Flow[]; cursor: string | null }> {
  const flows: Flow[] = [];
  for (;;) {
    const outcome = await fetchListPage(client, 'supervision', cursor, 1000);
    if (outcome.class !== 'ok') throw new Error(outcome.message);
    flows.push(...(outcome.data.items as unknown as Flow[]));
    cursor = outcome.data.nextCursor;
    if (!outcome.data.hasMore) return { flows, cursor };
  }
}

async function flowById(flowId: string): Promise<Flow> {
  return (await listFlows()).flows.find((flow) => flow.flow_id === flowId)!;
}

async function pickFlow(test: (flow: Flow) => boolean): Promise<Flow> {
  const flow = (await listFlows()).flows.find((f) => f.status === 'in_progress' && test(f));
  if (!flow) throw new Error('no such flow in the dataset');
  return flow;
}

function act(
  flowId: string,
  action: string,
  extra: { action_id?: string; files?: unknown[]; note?: string | null } = {},
): Promise<ApiOutcome<z.infer<typeof envelope>>> {
  const body = { action_id: extra.action_id ?? `act-${++actionCount}`, action, note: extra.note ?? null, files: extra.files ?? [], at: clock };
  return client.sendApig(`/sandbox/v1/supervision/${encodeURIComponent(flowId)}/actions`, 'POST', JSON.stringify(body), reader, (e) => e);
}

function flowOf(outcome: ApiOutcome<z.infer<typeof envelope>>): Flow {
  if (outcome.class !== 'ok') throw new Error(`${outcome.code}: ${outcome.message}`);
  return outcome.data.flow as Flow;
}

function groundsOf(flow: Flow, now: number) {
  return appealGrounds({ status: flow.status, step: flow.current_step, stepEnteredAt: flow.step_entered_at, rejections: flow.rejections }, now);
}

async function controlActions() {
  const response = await fetch(`${sandbox.baseUrl}/sandbox/supervision/actions`);
  return ((await response.json()) as { actions: { action_id: string; flow_id: string; action: string; received_at: number; duplicate: boolean }[] }).actions;
}

describe('sandbox supervision flows', () => {
  it('generates flows with step codes, turns by STEP_TURN and the pinned test flows', async () => {
    await start();
    const { flows } = await listFlows();
    expect(flows.length).toBeGreaterThan(100);
    for (const flow of flows) {
      expect(FLOW_STEPS[flow.flow_type], flow.flow_id).toContain(flow.current_step);
      expect(flow.waiting_on, flow.flow_id).toBe(STEP_TURN[flow.current_step]);
      expect(flow.status === 'completed', flow.flow_id).toBe(flow.current_step === 'completed');
      expect(flow.accepted_at !== null, flow.flow_id).toBe(flow.current_step === 'order_completion' || flow.current_step === 'completed');
      const licensed = flow.flow_type === 'license_online_code' || flow.flow_type === 'license_2_0';
      expect(flow.license_code, flow.flow_id).toBe(licensed ? `LIC${flow.order_id.slice(2)}` : null);
      expect(flow).toMatchObject({ product_id: expect.stringMatching(/^OFFI\d+$/), proof_files: [], updated_at: expect.any(Number) });
    }
    const open = flows.filter((flow) => flow.status === 'in_progress');
    expect(open.filter((flow) => flow.current_step === 'license_activate' && flow.license_code).length).toBeGreaterThanOrEqual(3);
    expect(open.some((flow) => flow.waiting_on === 'customer' && groundsOf(flow, anchor).includes('customer_waited'))).toBe(true);
    expect(flows.some((flow) => flow.status === 'appealing')).toBe(true);
    expect(flows.some((flow) => flow.rejections === 4)).toBe(true);
    const accepted = flows.filter((flow) => flow.current_step === 'order_completion').map((flow) => anchor - flow.accepted_at!);
    expect(accepted.some((ago) => ago > 3 * 3_600_000) && accepted.some((ago) => ago < 3 * 3_600_000)).toBe(true);
    const licenses = (await (await fetch(`${sandbox.baseUrl}/sandbox/licenses`)).json()) as { licenses: { license: string }[] };
    const codes = new Set(licenses.licenses.map((l) => l.license));
    expect(flows.filter((flow) => flow.license_code).every((flow) => codes.has(flow.license_code!))).toBe(true);
    expect(['LICTEST000001', 'LICTEST000002', 'LICTEST000003'].every((code) => codes.has(code))).toBe(true);
  });

  it('refuses an action at the wrong step with a permanent code naming the step', async () => {
    await start();
    const flow = await pickFlow((f) => f.current_step === 'license_activate');
    const outcome = await act(flow.flow_id, 'deliver');
    expect(outcome).toMatchObject({ class: 'permanent', code: 'MKT.9005', meta: { httpStatus: 400 } });
    expect(classifyCode('MKT.9005', 400).class).toBe('permanent');
    expect(outcome.class !== 'ok' && outcome.message).toMatch(/license_activate.*seller_deliver/);
    expect(await flowById(flow.flow_id)).toEqual(flow);
  });

  it('refuses an unknown flow and a bad body with MKT.0101 naming the field', async () => {
    await start();
    expect(await act('SV-NOPE', 'deliver')).toMatchObject({ class: 'permanent', code: 'MKT.0101' });
    const flow = await pickFlow((f) => f.current_step === 'upload_proof' || f.current_step === 'confirm_complete');
    const badHash = await act(flow.flow_id, 'upload_proof', { files: [{ ...PROOF, sha256: 'xyz' }] });
    expect(badHash).toMatchObject({ class: 'permanent', code: 'MKT.0101', message: expect.stringContaining('files.0.sha256') });
    const badType = await act(flow.flow_id, 'upload_proof', { files: [{ ...PROOF, file_name: 'setup.exe' }] });
    expect(badType).toMatchObject({ class: 'permanent', code: 'MKT.0101', message: expect.stringContaining('files.0.file_name') });
    const badAction = await act(flow.flow_id, 'activate_license');
    expect(badAction).toMatchObject({ class: 'permanent', code: 'MKT.0101', message: expect.stringContaining('action') });
  });

  it('moves a flow on deliver at seller_deliver, and an updated-since cursor from before sees it', async () => {
    await start();
    const { cursor } = await listFlows();
    const flow = await pickFlow((f) => f.current_step === 'seller_deliver');
    clock += 1_000;
    const moved = flowOf(await act(flow.flow_id, 'deliver', { note: '已交付' }));
    const step = nextStep(flow.flow_type, 'seller_deliver');
    expect(moved).toMatchObject({ current_step: step, waiting_on: STEP_TURN[step], step_entered_at: clock, updated_at: clock, status: 'in_progress' });
    const since = await listFlows(cursor);
    expect(since.flows).toEqual([moved]);
  });

  it('answers a repeated action_id with the first answer and changes the flow once', async () => {
    await start();
    const flow = await pickFlow((f) => f.current_step === 'confirm_requirement');
    const first = await act(flow.flow_id, 'confirm_requirement', { action_id: 'same-id' });
    clock += 1_000;
    const again = await act(flow.flow_id, 'confirm_requirement', { action_id: 'same-id' });
    expect(again.class === 'ok' && again.data).toEqual(first.class === 'ok' && first.data);
    expect((await flowById(flow.flow_id)).current_step).toBe('seller_deliver');
    const received = (await controlActions()).filter((a) => a.action_id === 'same-id');
    expect(received).toMatchObject([
      { flow_id: flow.flow_id, action: 'confirm_requirement', duplicate: false, received_at: clock - 1_000 },
      { flow_id: flow.flow_id, action: 'confirm_requirement', duplicate: true, received_at: clock },
    ]);
  });

  it('refuses confirm_complete without proof and takes it with proof', async () => {
    await start();
    const flow = await pickFlow((f) => f.current_step === 'upload_proof' || f.current_step === 'confirm_complete');
    const refused = await act(flow.flow_id, 'confirm_complete');
    expect(refused).toMatchObject({ class: 'permanent', code: 'MKT.9005', message: expect.stringContaining('上传交付凭证 first') });
    const uploaded = flowOf(await act(flow.flow_id, 'upload_proof', { files: [PROOF] }));
    expect(uploaded).toMatchObject({ current_step: flow.current_step, proof_files: [{ ...PROOF, uploaded_at: clock }] });
    const done = flowOf(await act(flow.flow_id, 'confirm_complete'));
    expect(done.current_step).toBe(nextStep(flow.flow_type, flow.current_step));
    // proof sent with confirm_complete itself counts too
    const other = await pickFlow((f) => f.flow_id !== flow.flow_id && (f.current_step === 'upload_proof' || f.current_step === 'confirm_complete'));
    expect(flowOf(await act(other.flow_id, 'confirm_complete', { files: [PROOF] })).proof_files).toHaveLength(1);
  });

  it('takes an appeal only on grounds, and then refuses every action', async () => {
    await start();
    const plain = await pickFlow((f) => groundsOf(f, clock).length === 0);
    expect(await act(plain.flow_id, 'appeal')).toMatchObject({ class: 'permanent', code: 'MKT.9005' });
    const waited = await pickFlow((f) => f.waiting_on === 'customer' && groundsOf(f, clock).includes('customer_waited'));
    expect(flowOf(await act(waited.flow_id, 'appeal', { note: '客户超过5天未处理' }))).toMatchObject({
      status: 'appealing',
      current_step: waited.current_step,
    });
    expect(await act(waited.flow_id, 'appeal')).toMatchObject({ class: 'permanent', code: 'MKT.9005', message: expect.stringContaining('appealing') });
  });

  it('passes license_activate when the flow’s code is activated through the License API', async () => {
    await start();
    const { cursor } = await listFlows();
    const flow = await pickFlow((f) => f.current_step === 'license_activate');
    clock += 1_000;
    expect(await client.activateLicense('v1', [{ license: flow.license_code! }])).toMatchObject({ class: 'ok', code: '92020000' });
    const step = nextStep(flow.flow_type, 'license_activate');
    expect((await listFlows(cursor)).flows).toEqual([{ ...flow, current_step: step, waiting_on: STEP_TURN[step], step_entered_at: clock, updated_at: clock }]);
    const licenses = (await (await fetch(`${sandbox.baseUrl}/sandbox/licenses`)).json()) as { licenses: { license: string; activated_at: number | null }[] };
    expect(licenses.licenses.find((l) => l.license === flow.license_code)).toMatchObject({ activated_at: clock, order_id: flow.order_id });
  });

  it('has the other side answer after the delay, up to completed, and leaves untouched flows alone', async () => {
    expect(SANDBOX_ANSWER_DELAY_MS).toBe(60_000);
    await start();
    const before = await listFlows();
    const flow = await pickFlow((f) => f.current_step === 'confirm_complete');
    const actedAt = clock;
    const waiting = flowOf(await act(flow.flow_id, 'confirm_complete', { files: [PROOF] }));
    expect(waiting).toMatchObject({ current_step: 'customer_accept', waiting_on: 'customer' });

    clock = actedAt + DELAY - 1;
    expect((await flowById(flow.flow_id)).current_step).toBe('customer_accept');
    clock = actedAt + DELAY + 5_000;
    const since = await listFlows(before.cursor);
    expect(since.flows).toEqual([
      { ...waiting, current_step: 'order_completion', waiting_on: 'huawei', step_entered_at: actedAt + DELAY, accepted_at: actedAt + DELAY, updated_at: clock },
    ]);

    clock = actedAt + 10 * DELAY;
    const done = await flowById(flow.flow_id);
    expect(done).toMatchObject({
      current_step: 'completed',
      waiting_on: null,
      status: 'completed',
      step_entered_at: actedAt + 2 * DELAY,
      accepted_at: actedAt + DELAY,
      updated_at: clock,
    });
    const untouched = (await listFlows()).flows.filter((f) => f.flow_id !== flow.flow_id);
    expect(untouched).toEqual(before.flows.filter((f) => f.flow_id !== flow.flow_id));
  });
});
