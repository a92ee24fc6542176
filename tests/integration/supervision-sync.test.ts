import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { nextStep, STEP_TURN, type SupervisionFlowType, type SupervisionStep } from '../../electron/core/conventions';
import type { CoreClient } from '../../electron/core/contract';
import { startSandboxServer, type SandboxServer } from '../../electron/sandbox';
import { buildCoreJobChild, runCoreJob } from '../support/child-process';
import { dbOf, external, startCore } from '../support/core';
import { useFileTempDir, useTempDirs } from '../support/temp-dir';

/**
 * 服务监管 against the sandbox: flows synced with whose turn it is, actions taken offline queued and
 * sent once when the source is back, the other side's answer arriving through sync, and a kill -9
 * between sending and storing the answer never acting twice.
 */
const dataDir = useFileTempDir();
const tempDir = useTempDirs();
const ANSWER_DELAY = 60_000;
let clock = Date.now();
const now = () => clock;
let sandbox: SandboxServer;
let core: Core;
let client: CoreClient;
const startSandbox = (port?: number) => startSandboxServer({ seed: 'supervision', size: 'small', now, answerDelayMs: ANSWER_DELAY, ...(port ? { port } : {}) });
beforeAll(async () => {
  await buildCoreJobChild();
  sandbox = await startSandbox();
  ({ core, client } = await startCore(dataDir, { sandbox: external(sandbox), usageTickMs: 0, now }));
  await client.call('sync.run', { resources: ['supervision', 'orders'] });
});
afterAll(async () => {
  await core.close();
  await sandbox.close();
});

interface SandboxFlow {
  flow_id: string;
  flow_type: SupervisionFlowType;
  current_step: SupervisionStep;
  status: string;
  license_code: string | null;
}
type ReceivedAction = { action_id: string; flow_id: string; action: string; duplicate: boolean };
const sandboxFlows = (server: SandboxServer) => server.state.supervisionFlows(clock) as unknown as SandboxFlow[];
const received = async (server: SandboxServer) =>
  ((await (await fetch(`${server.baseUrl}/sandbox/supervision/actions`)).json()) as { actions: ReceivedAction[] }).actions;
const flowAt = (server: SandboxServer, step: SupervisionStep, taken: Set<string>, type?: SupervisionFlowType) => {
  const flow = sandboxFlows(server).find(
    (f) => f.status === 'in_progress' && f.current_step === step && !taken.has(f.flow_id) && (!type || f.flow_type === type),
  );
  if (!flow) throw new Error(`the sandbox has no in-progress flow at ${step}`);
  taken.add(flow.flow_id);
  return flow;
};
const taken = new Set<string>();
type Filters = NonNullable<Parameters<CoreClient['call']>[1]> extends never ? never : { turn?: 'seller'; status?: 'in_progress' };
async function allFlows(filters: Filters) {
  const rows = [];
  let after = null;
  for (;;) {
    const page: Awaited<ReturnType<typeof client.call<'supervision.page'>>> = await client.call('supervision.page', { filters, limit: 500, after });
    rows.push(...page.rows);
    if (!page.next) return rows;
    after = page.next;
  }
}

describe('服务监管 with the sandbox', () => {
  it('syncs every flow with its step, whose turn it is and its order, and counts the to-dos from them', async () => {
    const flows = sandboxFlows(sandbox);
    const rows = await allFlows({});
    expect(rows).toHaveLength(flows.length);
    for (const row of rows) expect(row.turn).toBe(STEP_TURN[row.step]);
    expect(rows.every((r) => r.orderStatus !== null)).toBe(true); // the orders are cached too
    const mine = flows.filter((f) => f.status === 'in_progress' && STEP_TURN[f.current_step] === 'seller').length;
    const todos = (await client.call('overview.get', {})).todos;
    expect(todos.find((t) => t.key === 'supervision.waitingOnMe')!.count).toBe(mine);
    expect(await allFlows({ turn: 'seller', status: 'in_progress' })).toHaveLength(mine);
  });

  it('queues 上传交付凭证 and 确认服务完成 made offline, sends them once in order when the sandbox is back, and the customer answer arrives through sync', async () => {
    const flow = flowAt(sandbox, 'confirm_complete', taken); // the customer's 验收 comes next
    const port = Number(new URL(sandbox.baseUrl).port);
    await sandbox.close();
    await client.call('supervision.uploadProof', {
      flowId: flow.flow_id,
      fileName: '验收文档.pdf',
      contentBase64: Buffer.from('%PDF-1.4 验收').toString('base64'),
    });
    const offline = await client.call('supervision.confirmComplete', { flowId: flow.flow_id, note: '服务已完成' });
    expect(offline.flow).toMatchObject({ step: 'customer_accept', turn: 'customer' });
    expect(await client.call('supervision.flushActions', {})).toEqual({ sent: 0, waiting: 2 });
    const actions = (await client.call('supervision.get', { flowId: flow.flow_id })).timeline.filter((e) => e.kind === 'action');
    expect(actions.map((e) => [e.action, e.delivery])).toEqual([
      ['upload_proof', 'queued'],
      ['confirm_complete', 'queued'],
    ]);

    sandbox = await startSandbox(port);
    // a sync while the actions wait does not undo the seller's step
    await client.call('sync.run', { resources: ['supervision'] });
    expect((await client.call('supervision.get', { flowId: flow.flow_id })).flow.step).toBe('customer_accept');
    expect(await client.call('supervision.flushActions', {})).toEqual({ sent: 2, waiting: 0 });
    expect(await client.call('supervision.flushActions', {})).toEqual({ sent: 0, waiting: 0 });
    expect((await received(sandbox)).filter((a) => a.flow_id === flow.flow_id).map((a) => [a.action, a.duplicate])).toEqual([
      ['upload_proof', false],
      ['confirm_complete', false],
    ]);

    clock += ANSWER_DELAY + 1000;
    await client.call('sync.run', { resources: ['supervision'] });
    const answered = await client.call('supervision.get', { flowId: flow.flow_id });
    expect(answered.flow).toMatchObject({ step: 'order_completion', acceptedAt: expect.any(Number), completionOverdue: false });
    expect(answered.timeline.at(-1)).toMatchObject({ actor: 'sandbox', kind: 'step', step: 'order_completion' });
  });

  it('activates a flow’s code: 授权码激活 passes by itself and the sandbox shows the activation', async () => {
    const flow = flowAt(sandbox, 'license_activate', taken);
    const answer = await client.call('supervision.activateLicense', { flowId: flow.flow_id, license: flow.license_code! });
    expect(answer).toMatchObject({ ok: true, code: '92020000', status: 'ALIVE', flow: { step: nextStep(flow.flow_type, 'license_activate') } });
    expect(sandbox.state.licenses.get(flow.license_code!)!.activated_at).not.toBeNull();
    await client.call('sync.run', { resources: ['supervision'] });
    expect((await client.call('supervision.get', { flowId: flow.flow_id })).flow.step).toBe(nextStep(flow.flow_type, 'license_activate'));
  });
});

describe('a kill -9 between sending and storing the answer', () => {
  /** Runs the sender and kills it with SIGKILL as its request to `path` reaches the sandbox (the answer is never stored). */
  const sendAndKill = async (dir: string, path: string) => {
    const { child, exited } = runCoreJob(dir, sandbox.baseUrl, 'supervision');
    sandbox.state.faults.configure({ ...sandbox.state.faults.current, latencyMs: 300 });
    const kill = (requested: string) => requested.includes(path) && child.kill('SIGKILL');
    sandbox.state.on('request', kill);
    await exited;
    sandbox.state.off('request', kill);
    sandbox.state.faults.configure({ ...sandbox.state.faults.current, latencyMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, 400)); // the sandbox finishes the request the dead process sent
  };

  it('never takes an action twice: it goes again with the same action id, and an activation is checked first', async () => {
    const dir = tempDir();
    const deliverFlow = flowAt(sandbox, 'seller_deliver', taken);
    const licenseFlow = flowAt(sandbox, 'license_activate', taken);
    const dead = `http://127.0.0.1:${Number(new URL(sandbox.baseUrl).port) + 1}`; // nothing listens: every action waits
    const offline = await startCore(dir, { sandbox: { baseUrl: dead, credentials: sandbox.credentials }, usageTickMs: 0 });
    const db = dbOf(offline.core);
    const copy = dbOf(core).prepare('SELECT * FROM supervision_flows WHERE flow_id IN (?, ?)').all(deliverFlow.flow_id, licenseFlow.flow_id) as Record<
      string,
      unknown
    >[];
    for (const row of copy)
      db.prepare(
        `INSERT INTO supervision_flows (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row)
          .map((k) => '@' + k)
          .join(', ')})`,
      ).run(row);
    await offline.client.call('supervision.deliver', { flowId: deliverFlow.flow_id, note: '已交付' });
    expect(await offline.client.call('supervision.activateLicense', { flowId: licenseFlow.flow_id, license: licenseFlow.license_code! })).toMatchObject({
      queued: true,
      code: null,
    });
    await offline.core.close();

    await sendAndKill(dir, '/supervision/'); // killed while 交付 is in flight
    await sendAndKill(dir, '/license/activate'); // killed while the activation is in flight (交付 went again first)
    const requestsBefore = sandbox.state.requestLog.length;
    expect(await runCoreJob(dir, sandbox.baseUrl, 'supervision').exited).toBe(0);

    const deliveries = (await received(sandbox)).filter((a) => a.flow_id === deliverFlow.flow_id);
    expect(deliveries.filter((a) => !a.duplicate)).toHaveLength(1);
    expect(new Set(deliveries.map((a) => a.action_id)).size).toBe(1);
    const activations = sandbox.state.requestLog.filter((r) => r.path.includes('/license/activate'));
    expect(activations).toHaveLength(2); // the earlier test's activation, and this one once
    expect(sandbox.state.requestLog.slice(requestsBefore).some((r) => r.path.includes('/license/heartbeat'))).toBe(true);
    const check = await startCore(dir, { sandbox: 'off', usageTickMs: 0 });
    try {
      expect(await check.client.call('supervision.flushActions', {})).toEqual({ sent: 0, waiting: 0 });
      expect((await check.client.call('supervision.get', { flowId: licenseFlow.flow_id })).flow.step).toBe(nextStep(licenseFlow.flow_type, 'license_activate'));
    } finally {
      await check.core.close();
    }
  });
});
