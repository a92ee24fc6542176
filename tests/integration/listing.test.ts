import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUIDE_SEED_WORDING } from '../../electron/core/conventions';
import { CoreError } from '../../electron/core/contract';
import { migrations, openDatabase, type SqliteDatabase } from '../../electron/core/db';
import { migration014 } from '../../electron/core/db/migrations/014_listing_and_receivers';
import { ListingTables, ListingWork } from '../../electron/core/listing';
import { ProductsTable } from '../../electron/core/products';
import { useFileTempDir } from '../support/temp-dir';

/**
 * 商品上架检查 on its service, on a database opened with its migration (until the composition root
 * wires it: then the same runs through the contract). User guides are generated here: docx with
 * `docx`, PDF with pdfkit and the Noto CJK font.
 */
const dir = useFileTempDir();
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const T0 = Date.UTC(2026, 10, 20, 2, 0); // 2026-11-20 10:00 Beijing
let clock = T0;
let db: SqliteDatabase;
let work: ListingWork;

const PRODUCTS = [
  { product_id: 'OFFISAAS0001', name: '云上财务软件', access_type: 'SaaS' },
  { product_id: 'OFFIIMAGE001', name: '安全网关镜像', access_type: '镜像' },
  { product_id: 'OFFIAPI00001', name: '票据识别API', access_type: 'API' },
  { product_id: 'OFFISERV0001', name: '上云迁移服务', access_type: '人工服务' },
  { product_id: 'OFFIAI000001', name: '行业大模型', access_type: 'AI资产' },
];

const COMPLETE_SAAS = [
  '云上财务软件 使用指南',
  '一、登录：购买后在云商店“我的云商店”点击“登录”，使用华为云账号登录控制台。',
  '二、使用步骤：创建账套，录入凭证，生成报表。',
];
const NO_LOGIN_SAAS = ['云上财务软件 使用指南', '本产品提供总账、报表等功能。', '使用步骤：创建账套，录入凭证，生成报表。'];

beforeAll(() => {
  const all = migrations.some((m) => m.version === migration014.version) ? migrations : [...migrations, migration014];
  db = openDatabase(path.join(dir, 'listing.sqlite'), { migrations: all });
  const write = new ProductsTable(db).bulkWriter('sandbox');
  db.transaction(() => {
    for (const p of PRODUCTS) write({ ...p, product_type: 'general', status: 'on_sale', updated_at: 0, skus: null });
  })();
  work = new ListingWork({ tables: new ListingTables(db), now: () => clock });
});
afterAll(() => db.close());

async function docx(paragraphs: string[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph(text)) }] }));
}

function pdf(lines: string[]): Promise<Buffer> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('cjk', CJK_FONT, 'NotoSansCJKsc-Regular');
  doc.font('cjk').fontSize(12);
  for (const line of lines) doc.text(line);
  doc.end();
  return done;
}

const b64 = (bytes: Buffer) => bytes.toString('base64');

async function refusal(work: Promise<unknown>): Promise<CoreError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CoreError);
  return error as CoreError;
}

describe('the user-guide check', () => {
  it('reports a docx guide missing the login section with the seed’s wording, and passes a complete one', async () => {
    const missing = await work.checkGuide({ productId: 'OFFISAAS0001', fileName: '使用指南.docx', contentBase64: b64(await docx(NO_LOGIN_SAAS)) });
    expect(missing).toMatchObject({ productId: 'OFFISAAS0001', kind: 'saas', extracted: true, notChecked: null, passed: false });
    expect(missing.items).toEqual([
      { item: 'login', covered: false, evidence: null, message: GUIDE_SEED_WORDING.all },
      { item: 'use', covered: true, evidence: expect.stringContaining('使用步骤'), message: null },
    ]);
    expect(GUIDE_SEED_WORDING.all).toContain('需说明用户从云商店购买商品后,如何登录、使用等');

    clock += 60_000;
    const complete = await work.checkGuide({ productId: 'OFFISAAS0001', fileName: '使用指南.docx', contentBase64: b64(await docx(COMPLETE_SAAS)) });
    expect(complete.passed).toBe(true);
    expect(complete.items.map((i) => [i.item, i.covered])).toEqual([
      ['login', true],
      ['use', true],
    ]);
    expect(complete.items[0]!.evidence).toContain('登录');

    const { guide, history, product } = work.detail('OFFISAAS0001');
    expect(guide).toEqual(complete);
    expect(history.map((h) => h.passed)).toEqual([true, false]);
    expect(product.guide).toEqual({ passed: true, checkedAt: clock });
  });

  it('reads a PDF guide with Chinese text: missing login reported, a complete one passes', async () => {
    const missing = await work.checkGuide({ productId: 'OFFISAAS0001', fileName: 'guide.pdf', contentBase64: b64(await pdf(NO_LOGIN_SAAS)) });
    expect(missing.extracted).toBe(true);
    expect(missing.items.find((i) => i.item === 'login')).toEqual({ item: 'login', covered: false, evidence: null, message: GUIDE_SEED_WORDING.all });
    expect(missing.passed).toBe(false);
    const complete = await work.checkGuide({ productId: 'OFFISAAS0001', fileName: 'guide.pdf', contentBase64: b64(await pdf(COMPLETE_SAAS)) });
    expect(complete.passed).toBe(true);
  });

  it('asks an image guide for the ports and an API guide for how to call it', async () => {
    const image = await work.checkGuide({
      productId: 'OFFIIMAGE001',
      fileName: '镜像使用指南.pdf',
      contentBase64: b64(await pdf(['部署到华为云主机后，通过 SSH 登录。', '使用步骤：启动服务即可。'])),
    });
    expect(image.items.map((i) => [i.item, i.covered])).toEqual([
      ['login', true],
      ['use', true],
      ['ports', false],
    ]);
    expect(image.items[2]!.message).toBe('镜像商品需说明镜像购买并部署在华为云主机后,需开放哪些端口、如何登入使用等。');

    const api = await work.checkGuide({
      productId: 'OFFIAPI00001',
      fileName: 'api.docx',
      contentBase64: b64(await docx(['使用华为云账号登录后获取 AppKey。', '操作步骤：', 'API 调用示例：curl -X POST https://api.example.com/v1/ocr'])),
    });
    expect(api.passed).toBe(true);
    expect(api.items[2]).toMatchObject({ item: 'api', covered: true, evidence: expect.stringContaining('API') });
  });

  it('checks for a kind without a product, and keeps nothing', async () => {
    const check = await work.checkGuide({ kind: 'license', fileName: 'x.docx', contentBase64: b64(await docx(COMPLETE_SAAS)) });
    expect(check).toMatchObject({ productId: null, kind: 'license', passed: true });
  });

  it('refuses a 21 MB file and an .exe naming the rule, before reading anything', async () => {
    const big = await refusal(work.checkGuide({ productId: 'OFFISAAS0001', fileName: '使用指南.pdf', contentBase64: b64(Buffer.alloc(21 * 1024 * 1024, 1)) }));
    expect(big).toMatchObject({ code: 'VALIDATION', reason: 'listing.guideSize', params: { fileName: '使用指南.pdf', size: 21 * 1024 * 1024, maxMb: 20 } });
    const exe = await refusal(work.checkGuide({ productId: 'OFFISAAS0001', fileName: 'setup.exe', contentBase64: b64(Buffer.from('MZ')) }));
    expect(exe).toMatchObject({
      code: 'VALIDATION',
      reason: 'listing.guideType',
      params: { fileName: 'setup.exe', extension: 'exe', allowed: 'rar/zip/doc/docx/pdf/ppt/pptx' },
    });
    const empty = await refusal(work.checkGuide({ productId: 'OFFISAAS0001', fileName: 'empty.pdf', contentBase64: '' }));
    expect(empty.reason).toBe('listing.guideEmpty');
  });

  it('fails a damaged docx or pdf with a clear error at once', async () => {
    const whole = await docx(COMPLETE_SAAS);
    const started = Date.now();
    const cut = await refusal(
      work.checkGuide({ productId: 'OFFISAAS0001', fileName: '使用指南.docx', contentBase64: b64(whole.subarray(0, whole.length / 2)) }),
    );
    expect(cut).toMatchObject({ code: 'VALIDATION', reason: 'listing.guideUnreadable', params: { fileName: '使用指南.docx', type: 'docx' } });
    expect(cut.message).toMatch(/could not be read as docx: .*(zip|central directory)/i);
    const notPdf = await refusal(
      work.checkGuide({ productId: 'OFFISAAS0001', fileName: 'guide.pdf', contentBase64: b64(Buffer.from('%PDF-1.7\n1 0 obj <<')) }),
    );
    expect(notPdf).toMatchObject({ reason: 'listing.guideUnreadable', params: { type: 'pdf' } });
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('gives up on a file that takes longer than the timeout (the reading thread is stopped)', async () => {
    const quick = new ListingWork({ tables: new ListingTables(db), now: () => clock, limits: { timeoutMs: 1 } });
    const late = await refusal(quick.checkGuide({ productId: 'OFFISAAS0001', fileName: 'guide.pdf', contentBase64: b64(await pdf(COMPLETE_SAAS)) }));
    expect(late).toMatchObject({ code: 'VALIDATION', reason: 'listing.guideTimeout', params: { fileName: 'guide.pdf' } });
  });

  it('refuses a docx whose text parts unpack past the limit before parsing them (a zip bomb)', async () => {
    const small = new ListingWork({ tables: new ListingTables(db), now: () => clock, limits: { maxXmlBytes: 1000 } });
    const bomb = await refusal(small.checkGuide({ productId: 'OFFISAAS0001', fileName: 'guide.docx', contentBase64: b64(await docx(COMPLETE_SAAS)) }));
    expect(bomb).toMatchObject({ code: 'VALIDATION', reason: 'listing.guideUnpacksTooLarge', params: { fileName: 'guide.docx', type: 'docx' } });
  });

  it('takes doc/ppt/rar/zip by type but says their text could not be checked, and why', async () => {
    const doc = await work.checkGuide({ productId: 'OFFISAAS0001', fileName: '旧版指南.doc', contentBase64: b64(Buffer.from('legacy word')) });
    expect(doc).toMatchObject({
      extracted: false,
      passed: false,
      notChecked: { reason: 'listing.guideLegacyFormat', params: { fileName: '旧版指南.doc', readable: 'docx/pdf/pptx' } },
    });
    expect(doc.items.every((i) => i.covered === null && i.message !== null)).toBe(true);
    const zip = await work.checkGuide({ productId: 'OFFISAAS0001', fileName: '指南.zip', contentBase64: b64(Buffer.from('PK')) });
    expect(zip.notChecked?.reason).toBe('listing.guideArchive');
  });

  it('says a PDF without a text layer (a scan) could not be checked', async () => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    doc.rect(50, 50, 200, 100).fill('#888');
    doc.end();
    const scan = await work.checkGuide({ productId: 'OFFISAAS0001', fileName: 'scan.pdf', contentBase64: b64(await done) });
    expect(scan).toMatchObject({ extracted: false, passed: false, notChecked: { reason: 'listing.guideNoText' } });
  });

  it('refuses a product whose kind the matrix does not cover, or that is not cached', async () => {
    expect(await refusal(work.checkGuide({ productId: 'OFFIAI000001', fileName: 'x.docx', contentBase64: b64(Buffer.from('x')) }))).toMatchObject({
      reason: 'listing.kindUnknown',
      params: { accessType: 'AI资产' },
    });
    expect(await refusal(work.checkGuide({ productId: 'NOPE', fileName: 'x.docx', contentBase64: b64(Buffer.from('x')) }))).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'listing.productNotCached',
    });
  });
});

describe('readiness steps', () => {
  it('lists each product with the steps its kind goes through', () => {
    const byId = new Map(work.products().map((p) => [p.productId, p]));
    expect(byId.get('OFFISAAS0001')!.steps.map((s) => s.step)).toEqual(['haydn_test', 'kit_integration']);
    expect(byId.get('OFFIIMAGE001')!.steps.map((s) => s.step)).toEqual(['auto_deploy']);
    expect(byId.get('OFFISERV0001')!.steps).toEqual([]);
    expect(byId.get('OFFIAI000001')).toMatchObject({ kind: null, steps: [], ready: false });
    expect(work.products('api').map((p) => p.productId)).toEqual(['OFFIAPI00001']);
  });

  it('ticks a step with a day and a note (today in Beijing by default) and unticks it', () => {
    clock = Date.UTC(2026, 10, 20, 17, 0); // 2026-11-21 01:00 Beijing
    let saas = work.tick({ productId: 'OFFISAAS0001', step: 'haydn_test', done: true, note: '海顿平台报告编号 HD-2026-118' });
    expect(saas.steps[0]).toEqual({ step: 'haydn_test', done: true, date: '2026-11-21', note: '海顿平台报告编号 HD-2026-118', updatedAt: clock });
    expect(saas.ready).toBe(false);
    saas = work.tick({ productId: 'OFFISAAS0001', step: 'kit_integration', done: true, date: '2026-11-18' });
    expect(saas.steps[1]).toMatchObject({ done: true, date: '2026-11-18', note: null });
    expect(saas.ready).toBe(false); // the last guide check (a scan) did not pass

    saas = work.tick({ productId: 'OFFISAAS0001', step: 'haydn_test', done: false });
    expect(saas.steps[0]).toMatchObject({ done: false, date: null, note: '海顿平台报告编号 HD-2026-118' });
  });

  it('is ready once every step is done and the last guide check passed', async () => {
    work.tick({ productId: 'OFFIIMAGE001', step: 'auto_deploy', done: true });
    const guide = await docx(['部署后通过 SSH 登录云主机。', '使用步骤：启动服务。', '安全组需开放端口 443 和 8443。']);
    await work.checkGuide({ productId: 'OFFIIMAGE001', fileName: '镜像指南.docx', contentBase64: b64(guide) });
    expect(work.detail('OFFIIMAGE001').product.ready).toBe(true);
  });

  it('refuses a step the kind does not go through', async () => {
    const error = await refusal(Promise.resolve().then(() => work.tick({ productId: 'OFFIIMAGE001', step: 'haydn_test', done: true })));
    expect(error).toMatchObject({ code: 'VALIDATION', reason: 'listing.stepNotApplicable', params: { kind: 'image', step: 'haydn_test' } });
  });

  it('answers the matrix with each kind’s steps and guide items', () => {
    const matrix = work.matrix();
    expect(matrix.kinds.find((k) => k.kind === 'license')!.steps.map((s) => s.applies)).toEqual([true, true, true]);
    expect(matrix.kinds.find((k) => k.kind === 'image')!.steps[0]).toEqual({
      step: 'haydn_test',
      applies: false,
      note: '镜像商品的安全测试由资产中心扫描代替',
    });
    expect(matrix.guide).toEqual({
      extensions: ['rar', 'zip', 'doc', 'docx', 'pdf', 'ppt', 'pptx'],
      maxBytes: 20 * 1024 * 1024,
      readable: ['docx', 'pdf', 'pptx'],
    });
  });
});
