import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { CoreCallError, type CoreClient } from '../../electron/core/contract';
import { dbOf, startCore } from '../support/core';
import { useFileTempDir } from '../support/temp-dir';

/**
 * 销售管理's seed rules at their boundaries, on the local path (no source takes submissions: the real
 * KooGallery case), with the core's clock moved by hand.
 */
const dataDir = useFileTempDir();
const MINUTE = 60_000;
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 20, 2, 0); // 2026-11-20 10:00 Beijing
let clock = T0;
let core: Core;
let client: CoreClient;

const JOINT = { product_id: 'OFFIJOINT0001', name: '智慧园区联营版', product_type: 'joint_operation', status: 'on_sale' };
const JOINT_OFF = { product_id: 'OFFIJOINT0002', name: '数据治理联营版', product_type: 'joint_operation', status: 'off_shelf' };
const GENERAL = { product_id: 'OFFIGENERAL001', name: '云上财务软件', product_type: 'general', status: 'on_sale' };

beforeAll(async () => {
  ({ core, client } = await startCore(dataDir, { sandbox: 'off', now: () => clock, usageTickMs: 0 }));
  const db = dbOf(core);
  for (const p of [JOINT, JOINT_OFF, GENERAL]) {
    db.prepare(
      `INSERT INTO products (product_id, name, product_type, status, source, updated_at) VALUES (@product_id, @name, @product_type, @status, 'import', 0)`,
    ).run(p);
    db.prepare(`INSERT INTO product_skus (product_id, sku_code, name) VALUES (?, ?, '基础版'), (?, ?, '专业版')`).run(
      p.product_id,
      `${p.product_id}-B`,
      p.product_id,
      `${p.product_id}-P`,
    );
  }
  for (const [id, name] of [
    ['OFFIPLAN0001', '智慧园区联营版'],
    ['OFFIPLAN0002', '数据治理联营版'],
    ['OFFIPLAN0003', '安全审计联营版'],
  ]) {
    db.prepare(`INSERT INTO business_plans (product_id, product_name, approval, origin, updated_at) VALUES (?, ?, 'to_fill', 'source', 0)`).run(id, name);
  }
});
afterAll(() => core.close());

async function refusal(call: Promise<unknown>): Promise<CoreCallError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the call was expected to be refused').toBeInstanceOf(CoreCallError);
  return error as CoreCallError;
}

const offer = (extra: Record<string, unknown> = {}) => ({
  name: '年度框架优惠',
  customerName: '杭州星河信息技术有限公司',
  productId: JOINT.product_id,
  discountRate: 0.85,
  validFrom: clock + DAY,
  validUntil: clock + 90 * DAY,
  ...extra,
});
let requirements = 0;
const requirement = (createdAt: number, shares = { expectedShare: 0.12, maxShare: 0.15 }) =>
  client.call('requirements.record', {
    requirementId: `RQ9${String(++requirements).padStart(5, '0')}`,
    providerName: '南京云帆信息服务有限公司',
    customerName: '杭州星河信息技术有限公司',
    productId: JOINT.product_id,
    createdAt,
    ...shares,
  });

describe('Private Offer', () => {
  it('is refused for a product that is not 联营, naming the product and its type, and nothing is stored', async () => {
    const error = await refusal(client.call('offers.create', offer({ productId: GENERAL.product_id })));
    expect(error).toMatchObject({ code: 'VALIDATION', reason: 'offers.notJointOperation', params: { productName: '云上财务软件', productType: '通用商品' } });
    expect(error.message).toContain('Private Offer仅限联营商品可以创建');
    expect((await client.call('offers.page', {})).rows).toEqual([]);
    expect((await client.call('offers.products', {})).map((p) => p.productId).sort()).toEqual([JOINT.product_id, JOINT_OFF.product_id]);
  });

  it('from a requirement: a share above the maximum is refused, the maximum itself is taken', async () => {
    clock = T0;
    const { requirementId } = await requirement(T0, { expectedShare: 0.1, maxShare: 0.15 });
    await client.call('requirements.accept', { requirementId });
    expect(await refusal(client.call('offers.create', offer({ requirementId, share: 0.12 })))).toMatchObject({ reason: 'offers.requirementNotConverting' });
    await client.call('requirements.convert', { requirementId });
    expect(await refusal(client.call('offers.create', offer({ requirementId, share: 0.1501 })))).toMatchObject({
      code: 'VALIDATION',
      reason: 'offers.shareAboveMaximum',
      params: { share: 0.1501, maxShare: 0.15 },
    });
    const created = await client.call('offers.create', offer({ requirementId, share: 0.15 }));
    expect(created.offer).toMatchObject({ state: 'draft', requirementId, providerName: '南京云帆信息服务有限公司', share: 0.15 });
    const detail = await client.call('requirements.get', { requirementId });
    expect(detail.requirement.state).toBe('offer_created');
    expect(detail.history.map((h) => [h.actor, h.change])).toEqual([
      ['seller', 'recorded'],
      ['seller', 'accepted'],
      ['seller', 'converting'],
      ['seller', 'offer_created'],
    ]);
    // the local path: a submission sheet in Seller Center's order, marked submitted, then the answer recorded
    const { sheet, path } = await client.call('offers.get', { offerId: created.offer.offerId });
    expect(path).toBe('local');
    expect(sheet!.fields.map((f) => f.label).slice(0, 6)).toEqual(['优惠名称', '客户名称', '客户账号', '商品', '规格', '商务折扣']);
    expect(sheet!.fields.find((f) => f.label === '商务折扣')!.value).toBe('8.5折');
    await client.call('offers.submit', { offerId: created.offer.offerId });
    expect(await client.call('offers.recordOutcome', { offerId: created.offer.offerId, outcome: 'approved' })).toMatchObject({ state: 'accepted' });
  });

  it('a requirement not accepted within 5 days lapses: 5 days minus a minute accepts, plus a minute is refused', async () => {
    const early = await requirement(T0);
    const late = await requirement(T0);
    clock = T0 + 4 * DAY - MINUTE;
    const lapsingSoon = async () => (await client.call('requirements.page', { filters: { lapsingSoon: true } })).rows.map((r) => r.requirementId);
    expect(await lapsingSoon()).not.toContain(early.requirementId);
    clock = T0 + 4 * DAY;
    expect(await lapsingSoon()).toContain(early.requirementId);
    const todo = (await client.call('overview.get', {})).todos.find((t) => t.key === 'requirements.lapsing')!;
    expect(todo.count).toBeGreaterThanOrEqual(2);
    clock = T0 + 5 * DAY - MINUTE;
    expect((await client.call('requirements.accept', { requirementId: early.requirementId })).requirement.state).toBe('accepted');
    clock = T0 + 5 * DAY + MINUTE;
    expect(await refusal(client.call('requirements.accept', { requirementId: late.requirementId }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'requirements.lapsed',
    });
    const lapsed = (await client.call('requirements.get', { requirementId: late.requirementId })).requirement;
    expect(lapsed).toMatchObject({ state: 'lapsed', lapsesAt: null });
    expect((await client.call('requirements.page', { filters: { state: 'lapsed' } })).rows.map((r) => r.requirementId)).toContain(late.requirementId);
  });

  it('a requirement recorded with an expected share above its maximum is refused', async () => {
    expect(await refusal(requirement(T0, { expectedShare: 0.2, maxShare: 0.15 }))).toMatchObject({ code: 'VALIDATION' });
  });
});

describe('代金券', () => {
  const voucher = (extra: Record<string, unknown> = {}) => ({
    name: '满1000减100',
    voucherType: 'full_reduction',
    thresholdFen: 100_000,
    discountFen: 10_000,
    category: 'joint_operation' as const,
    scope: [{ productId: JOINT.product_id }],
    validFrom: clock + MINUTE,
    validUntil: clock + 30 * DAY,
    ...extra,
  });

  it('takes only 满减券 with a discount above 0 and below the threshold: equal is refused, a fen below is taken', async () => {
    clock = T0;
    expect(await refusal(client.call('vouchers.create', voucher({ voucherType: 'discount' })))).toMatchObject({
      reason: 'vouchers.onlyFullReduction',
      message: '云商店当前仅支持满减券',
    });
    expect(await refusal(client.call('vouchers.create', voucher({ discountFen: 100_000 })))).toMatchObject({ reason: 'vouchers.discountBelowThreshold' });
    expect(await refusal(client.call('vouchers.create', voucher({ discountFen: 0 })))).toMatchObject({ reason: 'vouchers.discountPositive' });
    const taken = await client.call('vouchers.create', voucher({ discountFen: 99_999 }));
    expect(taken.voucher).toMatchObject({ discountFen: 99_999, submission: 'draft', state: 'not_started' });
  });

  it('applies only to on-sale products of the chosen category, or named specs of them', async () => {
    expect(await refusal(client.call('vouchers.create', voucher({ scope: [{ productId: GENERAL.product_id }] })))).toMatchObject({
      reason: 'vouchers.productNotInCategory',
      params: { productName: '云上财务软件', productType: '通用商品', category: '联营商品' },
    });
    expect(await refusal(client.call('vouchers.create', voucher({ scope: [{ productId: JOINT_OFF.product_id }] })))).toMatchObject({
      reason: 'vouchers.productNotOnSale',
    });
    expect(await refusal(client.call('vouchers.create', voucher({ scope: [{ productId: JOINT.product_id, skuCode: 'NOSUCH' }] })))).toMatchObject({
      reason: 'vouchers.unknownSku',
    });
    const bySpec = await client.call('vouchers.create', voucher({ scope: [{ productId: JOINT.product_id, skuCode: `${JOINT.product_id}-P` }] }));
    expect(bySpec.voucher.scope).toEqual([{ productId: JOINT.product_id, productName: '智慧园区联营版', skuCode: `${JOINT.product_id}-P` }]);
    expect((await client.call('vouchers.products', { category: 'joint_operation' })).map((p) => p.productId)).toEqual([JOINT.product_id]);
  });

  it('starts now or later and ends after it starts; its state follows the dates and the stop', async () => {
    clock = T0;
    expect(await refusal(client.call('vouchers.create', voucher({ validFrom: T0 - MINUTE })))).toMatchObject({ reason: 'vouchers.startInPast' });
    expect(await refusal(client.call('vouchers.create', voucher({ validFrom: T0 + DAY, validUntil: T0 + DAY })))).toMatchObject({
      reason: 'vouchers.periodOrder',
    });
    const { voucher: created } = await client.call('vouchers.create', voucher({ validFrom: T0 + DAY, validUntil: T0 + 3 * DAY }));
    await client.call('vouchers.submit', { voucherId: created.voucherId });
    await client.call('vouchers.recordOutcome', { voucherId: created.voucherId, outcome: 'approved' });
    const stateAt = async (at: number) => {
      clock = at;
      return (await client.call('vouchers.get', { voucherId: created.voucherId })).voucher.state;
    };
    expect(await stateAt(T0 + DAY - 1)).toBe('not_started');
    expect(await stateAt(T0 + DAY)).toBe('active');
    expect((await client.call('vouchers.page', { filters: { state: 'active' } })).rows.map((v) => v.voucherId)).toContain(created.voucherId);
    expect(await stateAt(T0 + 3 * DAY)).toBe('ended');
    clock = T0 + 2 * DAY;
    expect((await client.call('vouchers.stop', { voucherId: created.voucherId })).voucher.state).toBe('stopped');
    expect(await refusal(client.call('vouchers.stop', { voucherId: created.voucherId }))).toMatchObject({ reason: 'vouchers.wrongState' });
  });
});

describe('商业规划', () => {
  const years = [2026, 2027, 2028];
  const plan = (productId: string, gmvYuan = [200_000, 300_000, 450_000]) => ({
    productId,
    years: years.map((year, i) => ({ year, gmvFen: gmvYuan[i]! * 100, projects: 10 + i })),
  });

  it('refuses a batch where one plan misses a year, naming it, and saves none of them', async () => {
    clock = T0;
    const missing = { productId: 'OFFIPLAN0002', years: plan('OFFIPLAN0002').years.slice(0, 2) };
    const error = await refusal(client.call('planning.submit', { plans: [plan('OFFIPLAN0001'), missing] }));
    expect(error).toMatchObject({ code: 'VALIDATION', reason: 'planning.invalid' });
    expect(error.issues).toEqual([
      expect.objectContaining({ path: 'plans.1.years.2', reason: 'planning.yearMissing', params: { productId: 'OFFIPLAN0002', year: 2028 } }),
    ]);
    const rows = (await client.call('planning.page', {})).rows;
    expect(rows.every((r) => r.approval === 'to_fill' && r.years.length === 0)).toBe(true);
    expect((await client.call('overview.get', {})).todos.find((t) => t.key === 'planning.toFill')!.count).toBe(3);
  });

  it('submits several products at once with the Seller Center message, each 待审批', async () => {
    const answer = await client.call('planning.submit', { plans: [plan('OFFIPLAN0001'), plan('OFFIPLAN0002', [0, 0, 100]), plan('OFFIPLAN0003')] });
    expect(answer.message).toBe('修改商业规划提交成功,请等待审批');
    expect(answer.plans.map((p) => [p.productId, p.approval])).toEqual([
      ['OFFIPLAN0001', 'pending_approval'],
      ['OFFIPLAN0002', 'pending_approval'],
      ['OFFIPLAN0003', 'pending_approval'],
    ]);
    expect(answer.plans[1]!.years).toEqual([
      { year: 2026, gmvFen: 0, projects: 10 },
      { year: 2027, gmvFen: 0, projects: 11 },
      { year: 2028, gmvFen: 10_000, projects: 12 },
    ]);
    const detail = await client.call('planning.get', { productId: 'OFFIPLAN0001' });
    expect(detail.sheet!.fields[1]).toEqual({ label: '当年（2026年）GMV(元)', value: '200000.00' });
    expect(await client.call('planning.recordOutcome', { productId: 'OFFIPLAN0001', outcome: 'rejected', reason: '请补充项目来源' })).toMatchObject({
      approval: 'rejected',
      reason: '请补充项目来源',
    });
  });

  it('reads a plan file Excel wrote, and lists every bad cell of a GBK CSV with its row and column, applying none', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('商业规划');
    sheet.addRow(['商品ID', '商品名称', '当年GMV(元)', '当年项目数', '次年GMV(元)', '次年项目数', '后年GMV(元)', '后年项目数']);
    sheet.addRow(['OFFIPLAN0003', '安全审计联营版', 1_500_000.5, 12, '2,000,000', 15, 2_500_000, 20]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const good = await client.call('planning.readFile', { fileName: '商业规划.xlsx', contentBase64: xlsx });
    expect(good.problems).toEqual([]);
    expect(good.plans).toEqual([
      {
        productId: 'OFFIPLAN0003',
        productName: '安全审计联营版',
        years: [
          { year: 2026, gmvFen: 150_000_050, projects: 12 },
          { year: 2027, gmvFen: 200_000_000, projects: 15 },
          { year: 2028, gmvFen: 250_000_000, projects: 20 },
        ],
      },
    ]);

    const csv = [
      '商品ID,商品名称,2026年GMV(元),2026年项目数,2027年GMV(元),2027年项目数,2028年GMV(元),2028年项目数',
      'OFFIPLAN0001,智慧园区联营版,100000,10,-5,11,300000,12',
      'OFFIPLAN0002,数据治理联营版,100000,2.5,200000,11,,12',
      'OFFINOSUCH,不存在的商品,1,1,1,1,1,1',
    ].join('\r\n');
    const bad = await client.call('planning.readFile', { fileName: 'plans.csv', contentBase64: iconv.encode(csv, 'gbk').toString('base64') });
    expect(bad.plans).toEqual([]);
    expect(bad.problems.map((p) => [p.row, p.column, p.reason])).toEqual([
      [2, '2027年GMV(元)', 'planning.gmv'],
      [3, '2026年项目数', 'planning.projects'],
      [3, '2028年GMV(元)', 'planning.gmv'],
      [4, '商品ID', 'planning.unknownProduct'],
    ]);
  });
});
