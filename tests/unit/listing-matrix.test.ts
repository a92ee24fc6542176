import { describe, expect, it } from 'vitest';
import {
  checkGuideText,
  GUIDE_SEED_WORDING,
  guideFileProblem,
  guideItems,
  LISTING_KINDS,
  LISTING_MATRIX,
  LISTING_STEP_TERMS,
  LISTING_STEPS,
  listingKindOf,
  listingSteps,
  proofFileProblem,
} from '../../electron/core/conventions';

/**
 * The seed: "接入类型 海顿测试 联营kit对接 自动化部署 SaaS √ √ × License √ √ √ 人工服务 × × × 硬件 √ × × 镜像 …"
 * (cut after 镜像); 镜像 and API from koogallery-api.md §4.14 ([UNCONFIRMED] in conventions/listing.ts).
 */
const SEED_TABLE = `
接入类型 海顿测试 联营kit对接 自动化部署
SaaS √ √ ×
License √ √ √
人工服务 × × ×
硬件 √ × ×
镜像 × × √
API √ × ×`;

const ROW_KIND: Record<string, (typeof LISTING_KINDS)[number]> = {
  SaaS: 'saas',
  License: 'license',
  人工服务: 'professional_service',
  硬件: 'hardware',
  镜像: 'image',
  API: 'api',
};

describe('the access-type matrix', () => {
  const rows = SEED_TABLE.trim().split('\n').slice(1);

  it.each(rows.map((row) => [row.split(' ')[0]!, row] as const))('%s equals the table', (name, row) => {
    const marks = row.split(' ').slice(1);
    const kind = ROW_KIND[name]!;
    expect(LISTING_STEPS.map((step) => (LISTING_MATRIX[kind][step] ? '√' : '×'))).toEqual(marks);
    expect(listingSteps(kind)).toEqual(LISTING_STEPS.filter((_, i) => marks[i] === '√'));
  });

  it('covers every kind, with the table’s column order and words', () => {
    expect(Object.keys(LISTING_MATRIX).sort()).toEqual([...LISTING_KINDS].sort());
    expect(LISTING_STEPS.map((s) => LISTING_STEP_TERMS[s].zh)).toEqual(['海顿测试', '联营Kit对接', '自动化部署对接']);
  });

  it('maps access types as the source lists them to kinds', () => {
    expect(['SaaS', 'License', '镜像', 'API', '人工服务', '硬件'].map(listingKindOf)).toEqual([
      'saas',
      'license',
      'image',
      'api',
      'professional_service',
      'hardware',
    ]);
    expect(listingKindOf('AI资产')).toBeNull();
    expect(listingKindOf(null)).toBeNull();
  });
});

describe('the user-guide file rule', () => {
  it('takes rar/zip/doc/docx/pdf/ppt/pptx up to 20 MB, and names the rule otherwise', () => {
    for (const ext of ['rar', 'zip', 'doc', 'docx', 'pdf', 'ppt', 'PPTX']) expect(guideFileProblem(`指南.${ext}`, 1024)).toBeNull();
    expect(guideFileProblem('setup.exe', 1024)).toEqual({
      reason: 'guideType',
      params: { fileName: 'setup.exe', extension: 'exe', allowed: 'rar/zip/doc/docx/pdf/ppt/pptx' },
    });
    expect(guideFileProblem('指南.jpg', 1024)?.reason).toBe('guideType'); // a proof may be a picture, a guide not
    expect(guideFileProblem('指南.pdf', 20 * 1024 * 1024)).toBeNull();
    expect(guideFileProblem('指南.pdf', 20 * 1024 * 1024 + 1)).toEqual({
      reason: 'guideSize',
      params: { fileName: '指南.pdf', size: 20 * 1024 * 1024 + 1, maxMb: 20 },
    });
    expect(guideFileProblem('指南.pdf', 0)?.reason).toBe('guideEmpty');
  });

  it('keeps the proof rule as it was (the shared check)', () => {
    expect(proofFileProblem('凭证.jpg', 10)).toBeNull();
    expect(proofFileProblem('凭证.exe', 10)).toEqual({
      reason: 'proofType',
      params: { fileName: '凭证.exe', extension: 'exe', allowed: 'rar/zip/doc/docx/pdf/ppt/pptx/jpg/png' },
    });
    expect(proofFileProblem('凭证.pdf', 0)).toEqual({ reason: 'proofEmpty', params: { fileName: '凭证.pdf' } });
    expect(proofFileProblem('凭证.pdf', 21 * 1024 * 1024)).toEqual({
      reason: 'proofSize',
      params: { fileName: '凭证.pdf', size: 21 * 1024 * 1024, maxMb: 20 },
    });
  });
});

describe('what a guide must cover', () => {
  it('asks every kind how to log in and use it, 镜像 the ports, API how to call it', () => {
    expect(guideItems('saas')).toEqual(['login', 'use']);
    expect(guideItems('image')).toEqual(['login', 'use', 'ports']);
    expect(guideItems('api')).toEqual(['login', 'use', 'api']);
  });

  it('finds each item by its words and shows where', () => {
    const text =
      '一、购买后登录\n在控制台点击“登 录”，输入账号。\n二、使用步骤：创建项目。\n三、开放端口：安全组放通 TCP 8443 端口。\n四、API 调用：curl -X POST https://api.example.com/v1/jobs';
    const image = checkGuideText('image', text);
    expect(image.map((i) => [i.item, i.covered])).toEqual([
      ['login', true],
      ['use', true],
      ['ports', true],
    ]);
    expect(image[2]!.evidence).toContain('8443');
    expect(checkGuideText('api', text)[2]).toMatchObject({ item: 'api', covered: true, message: null });
  });

  it('reports a missing item with the seed’s wording', () => {
    const results = checkGuideText('image', '使用指南\n本产品为镜像商品。\n部署后请在安全组中开放端口 22 与 443。');
    expect(results).toEqual([
      { item: 'login', covered: false, evidence: null, message: GUIDE_SEED_WORDING.all },
      { item: 'use', covered: false, evidence: null, message: GUIDE_SEED_WORDING.all }, // 使用指南 is a title, not how to use it
      { item: 'ports', covered: true, evidence: expect.stringContaining('端口 22'), message: null },
    ]);
    expect(checkGuideText('api', '如何登录：用华为云账号登录。使用方法见下。')[2]).toEqual({
      item: 'api',
      covered: false,
      evidence: null,
      message: 'API类商品的使用指南需补充如何使用该商品的API接口等相关内容,用于指导用户操作,请补充完整后重新上传。',
    });
  });

  it('does not count English words inside others (import, support) as a port', () => {
    expect(checkGuideText('image', 'Log in, then import 2000 records; support 7x24.')[2]!.covered).toBe(false);
    expect(checkGuideText('image', 'Log in, then open port 8080.')[2]!.covered).toBe(true);
  });

  it('leaves every item unchecked when the text could not be read', () => {
    expect(checkGuideText('saas', null)).toEqual([
      { item: 'login', covered: null, evidence: null, message: GUIDE_SEED_WORDING.all },
      { item: 'use', covered: null, evidence: null, message: GUIDE_SEED_WORDING.all },
    ]);
  });
});
