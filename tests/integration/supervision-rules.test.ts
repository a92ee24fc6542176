import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { CoreCallError, type CoreClient } from '../../electron/core/contract';
import { startCore } from '../support/core';
import { useFileTempDir } from '../support/temp-dir';

/**
 * 服务监管's rules on flows started here (the local path: no source lists or takes them), with the
 * core's clock moved by hand to each rule's boundary.
 */
const dataDir = useFileTempDir();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 10, 20, 2, 0); // 2026-11-20 10:00 Beijing
let clock = T0;
let core: Core;
let client: CoreClient;
beforeAll(async () => {
  ({ core, client } = await startCore(dataDir, { sandbox: 'off', now: () => clock, usageTickMs: 0 }));
});
afterAll(() => core.close());

let orders = 0;
async function startFlow(flowType: 'license_online_code' | 'license_2_0' | 'professional_service' | 'app_orchestration') {
  orders++;
  return client.call('supervision.start', { orderId: `CS26112000${String(orders).padStart(4, '0')}TEST`, flowType, productName: '智云项目实施服务' });
}

async function refusal(call: Promise<unknown>): Promise<{ code: string; reason: string | undefined }> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the call was expected to be refused').toBeInstanceOf(CoreCallError);
  return { code: (error as CoreCallError).code, reason: (error as CoreCallError).reason };
}

const proof = { fileName: 'SOW-智云项目.pdf', contentBase64: Buffer.from('%PDF-1.4 SOW').toString('base64') };
const todo = async (key: string) => (await client.call('overview.get', {})).todos.find((t) => t.key === key)!;
const listed = async (filters: { appealable?: true; completionOverdue?: true }) =>
  (await client.call('supervision.page', { filters })).rows.map((r) => r.flowId);

describe('服务监管 rules', () => {
  it('refuses every action at a wrong step, naming the step, and changes nothing', async () => {
    const flow = await startFlow('professional_service');
    expect(flow).toMatchObject({ step: 'customer_requirement', turn: 'customer', origin: 'local' });
    const { flowId } = flow;
    for (const call of [
      () => client.call('supervision.deliver', { flowId, note: '已交付' }),
      () => client.call('supervision.confirmRequirement', { flowId }),
      () => client.call('supervision.confirmComplete', { flowId }),
      () => client.call('supervision.uploadProof', { flowId, ...proof }),
      () => client.call('supervision.activateLicense', { flowId, license: 'LICTEST000001' }),
    ]) {
      expect(await refusal(call())).toEqual({ code: 'CONFLICT', reason: 'supervision.wrongStep' });
    }
    expect(await refusal(client.call('supervision.appeal', { flowId, note: '客户长期未处理' }))).toEqual({
      code: 'CONFLICT',
      reason: 'supervision.appealNotOpen',
    });
    const detail = await client.call('supervision.get', { flowId });
    expect(detail.flow.step).toBe('customer_requirement');
    expect(detail.files).toEqual([]);
    expect(detail.actions.filter((a) => a.open)).toEqual([]);
    expect(detail.timeline.map((e) => e.kind)).toEqual(['step']);

    // the seller's own step cannot be recorded as the customer's, and 确认完成 needs the proof first
    await client.call('supervision.recordStep', { flowId, outcome: 'passed' });
    expect(await refusal(client.call('supervision.recordStep', { flowId, outcome: 'passed' }))).toEqual({
      code: 'CONFLICT',
      reason: 'supervision.notTheirTurn',
    });
    await client.call('supervision.confirmRequirement', { flowId, note: '需求已确认' });
    await client.call('supervision.deliver', { flowId, note: '实施完成，已交付' });
    expect(await refusal(client.call('supervision.confirmComplete', { flowId }))).toEqual({ code: 'CONFLICT', reason: 'supervision.proofFirst' });
  });

  it('keeps proof files by SHA-256 and refuses other types and files over 20 MB, naming the file', async () => {
    const { flowId } = await startFlow('app_orchestration');
    await client.call('supervision.deliver', { flowId, note: '编排模板已交付' });
    const { file, flow } = await client.call('supervision.uploadProof', { flowId, ...proof });
    const sha256 = createHash('sha256').update('%PDF-1.4 SOW').digest('hex');
    expect(file).toMatchObject({ fileName: 'SOW-智云项目.pdf', size: 12, sha256 });
    const kept = path.join(dataDir, 'supervision-proofs', flowId.replace(/[^A-Za-z0-9_-]/g, '_'), `${sha256}.pdf`);
    expect(fs.readFileSync(kept, 'utf8')).toBe('%PDF-1.4 SOW');
    expect(flow.step).toBe('confirm_complete'); // uploading does not move the flow
    expect(await refusal(client.call('supervision.uploadProof', { flowId, fileName: 'setup.exe', contentBase64: 'TVo=' }))).toEqual({
      code: 'VALIDATION',
      reason: 'supervision.proofType',
    });
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 1).toString('base64');
    expect(await refusal(client.call('supervision.uploadProof', { flowId, fileName: '验收文档.zip', contentBase64: big }))).toEqual({
      code: 'VALIDATION',
      reason: 'supervision.proofSize',
    });
    const exactly = Buffer.alloc(20 * 1024 * 1024, 1).toString('base64');
    await client.call('supervision.uploadProof', { flowId, fileName: '验收文档.zip', contentBase64: exactly });
    expect((await client.call('supervision.get', { flowId })).files.map((f) => f.fileName)).toEqual(['SOW-智云项目.pdf', '验收文档.zip']);
    const done = await client.call('supervision.confirmComplete', { flowId, note: '服务已完成' });
    expect(done.flow).toMatchObject({ step: 'customer_accept', turn: 'customer' });
  });

  it('申诉 opens after more than 5 days on the customer step: 5 days minus a minute no, plus a minute yes', async () => {
    clock = T0;
    const { flowId } = await startFlow('license_2_0'); // 用户领取授权码 first: the customer's turn since T0
    clock = T0 + 5 * DAY - MINUTE;
    expect((await client.call('supervision.get', { flowId })).flow.appealGrounds).toEqual([]);
    expect(await listed({ appealable: true })).not.toContain(flowId);
    expect(await refusal(client.call('supervision.appeal', { flowId, note: '客户未领取' }))).toEqual({ code: 'CONFLICT', reason: 'supervision.appealNotOpen' });
    clock = T0 + 5 * DAY;
    expect((await client.call('supervision.get', { flowId })).flow.appealGrounds).toEqual([]); // exactly 5 days is not "more than"
    clock = T0 + 5 * DAY + MINUTE;
    expect((await client.call('supervision.get', { flowId })).flow.appealGrounds).toEqual(['customer_waited']);
    expect(await listed({ appealable: true })).toContain(flowId);
    expect((await todo('supervision.appealable')).count).toBeGreaterThanOrEqual(1);
    const appealed = await client.call('supervision.appeal', { flowId, note: '客户超过5天未领取授权码' });
    expect(appealed.flow).toMatchObject({ status: 'appealing', appealGrounds: [] });
    expect(await listed({ appealable: true })).not.toContain(flowId);
  });

  it('申诉 opens after more than 3 rejections (§9): 3 rejections no, the 4th yes', async () => {
    clock = T0;
    const { flowId } = await startFlow('app_orchestration');
    await client.call('supervision.deliver', { flowId, note: '已交付' });
    await client.call('supervision.uploadProof', { flowId, ...proof });
    for (let rejection = 1; rejection <= 4; rejection++) {
      await client.call('supervision.confirmComplete', { flowId });
      const { flow } = await client.call('supervision.recordStep', { flowId, outcome: 'rejected', note: `第${rejection}次驳回` });
      expect(flow).toMatchObject({ step: 'confirm_complete', turn: 'seller', rejections: rejection });
      expect(flow.appealGrounds).toEqual(rejection > 3 ? ['rejections'] : []);
      expect((await listed({ appealable: true })).includes(flowId)).toBe(rejection > 3);
    }
  });

  it('after 确认验收 the order should be 已完成 within 3 hours: 2:59 not overdue, 3:01 overdue', async () => {
    clock = T0;
    const { flowId } = await startFlow('app_orchestration');
    await client.call('supervision.deliver', { flowId, note: '已交付' });
    await client.call('supervision.uploadProof', { flowId, ...proof });
    await client.call('supervision.confirmComplete', { flowId });
    const accepted = await client.call('supervision.recordStep', { flowId, outcome: 'passed', note: '客户确认验收' });
    expect(accepted.flow).toMatchObject({ step: 'order_completion', acceptedAt: T0, completionDeadline: T0 + 3 * HOUR, orderStatus: null });
    const before = (await todo('supervision.completionOverdue')).count;
    clock = T0 + 2 * HOUR + 59 * MINUTE;
    expect((await client.call('supervision.get', { flowId })).flow.completionOverdue).toBe(false);
    expect(await listed({ completionOverdue: true })).not.toContain(flowId);
    clock = T0 + 3 * HOUR + MINUTE;
    expect((await client.call('supervision.get', { flowId })).flow.completionOverdue).toBe(true);
    expect(await listed({ completionOverdue: true })).toContain(flowId);
    expect((await todo('supervision.completionOverdue')).count).toBe(before + 1);
    const completed = await client.call('supervision.recordStep', { flowId, outcome: 'passed', note: '订单已完成' });
    expect(completed.flow).toMatchObject({ step: 'completed', status: 'completed', turn: null, completionOverdue: false });
    expect(await refusal(client.call('supervision.deliver', { flowId, note: 'x' }))).toEqual({ code: 'CONFLICT', reason: 'supervision.closed' });
  });

  it('records each action in the timeline with who did it, as done in Seller Center on the local path', async () => {
    clock = T0;
    const { flowId } = await startFlow('license_online_code');
    await client.call('supervision.deliver', { flowId, note: '授权码已发送给客户' });
    clock += MINUTE;
    await client.call('supervision.recordStep', { flowId, outcome: 'passed', note: '客户已领取' });
    const { timeline, path } = await client.call('supervision.get', { flowId });
    expect(path).toBe('local');
    expect(timeline.map((e) => [e.actor, e.kind, e.step ?? e.action, e.delivery])).toEqual([
      ['seller', 'step', 'seller_deliver', null],
      ['seller', 'action', 'seller_deliver', 'recorded'],
      ['seller', 'step', 'customer_claim', null],
      ['customer', 'step', 'license_activate', null],
    ]);
    expect(timeline[1]).toMatchObject({ action: 'deliver', note: '授权码已发送给客户' });
  });
});
