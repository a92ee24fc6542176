import { describe, expect, it } from 'vitest';
import {
  ACTION_STEPS,
  AGENTS_REGION,
  AGENTS_REGION_RULE,
  HUAWEI_CLOUD_REGIONS,
  MESSAGE_CHANNEL_TERMS,
  PLANNING_SUBMITTED_MESSAGE,
  RECEIVER_FALLBACK_NOTICE,
  appealGrounds,
  backendUrlProblem,
  backendUrlWarning,
  completionDeadline,
  completionOverdue,
  FLOW_STEPS,
  nextStep,
  normalizeMobile,
  offerStateAt,
  OFFER_PRODUCT_TYPE,
  planningYears,
  proofFileProblem,
  receiverProblems,
  REQUIREMENT_NEXT,
  requirementLapsesAt,
  requirementStateAt,
  shareProblem,
  STEP_TURN,
  stepAfterRejection,
  termLabel,
  unreachableChannel,
  VOUCHER_TYPES,
  voucherAmountProblem,
  voucherPeriodProblem,
  voucherStateAt,
  type AppealFacts,
  type SupervisionStep,
} from '../../electron/core/conventions';
import { receptionHoursProblem } from '../../electron/core/contract/tickets.contract';

/**
 * The seller-operations rules at their boundaries (the exact minute, day, amount, count), as the
 * seeds state them. The integration tests drive the same rules through the core; these pin each
 * edge on its own so a one-token change to a rule is noticed.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 10, 20, 2, 0); // 2026-11-20 10:00 Beijing

describe('客户需求: not accepted within 5 days, it lapses', () => {
  it('lapses 5 days after it was raised: at exactly 5 days still 待接收, a millisecond later 已失效', () => {
    expect(requirementLapsesAt(T0)).toBe(T0 + 5 * DAY);
    expect(requirementStateAt('to_accept', T0, T0 + 5 * DAY)).toBe('to_accept');
    expect(requirementStateAt('to_accept', T0, T0 + 5 * DAY + 1)).toBe('lapsed');
  });

  it('only a requirement still 待接收 lapses', () => {
    for (const state of ['accepted', 'converting', 'offer_created'] as const) expect(requirementStateAt(state, T0, T0 + 30 * DAY)).toBe(state);
  });

  it('moves 待接收 → 已接收 → 需求转化中, and no further by hand', () => {
    expect(REQUIREMENT_NEXT).toEqual({ to_accept: 'accepted', accepted: 'converting' });
  });
});

describe('shares (预期分成比例)', () => {
  it('takes 0 to 1 and the maximum itself; refuses a ten-thousandth above the maximum', () => {
    expect(shareProblem(0, 0.2)).toBeNull();
    expect(shareProblem(0.2, 0.2)).toBeNull();
    expect(shareProblem(0.2001, 0.2)).toBe('shareAboveMaximum');
    expect(shareProblem(1, 1)).toBeNull();
  });

  it('refuses below 0, above 1 and what is not a number, before comparing with the maximum', () => {
    expect(shareProblem(-0.0001, 0.2)).toBe('shareRange');
    expect(shareProblem(1.0001, 2)).toBe('shareRange');
    expect(shareProblem(Number.NaN, 0.2)).toBe('shareRange');
    expect(shareProblem(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)).toBe('shareRange');
  });
});

describe('Private Offer', () => {
  it('is for 联营商品 only', () => {
    expect(termLabel('productType', OFFER_PRODUCT_TYPE)).toBe('联营商品');
  });

  it('is 已过期 a millisecond after its validity, whether a draft, submitted or accepted; at the end itself not yet', () => {
    const until = T0 + 30 * DAY;
    for (const state of ['draft', 'submitted', 'accepted'] as const) {
      expect(offerStateAt(state, until, until)).toBe(state);
      expect(offerStateAt(state, until, until + 1)).toBe('expired');
    }
  });

  it('keeps 已驳回 and 已撤回 as they are after the validity', () => {
    for (const state of ['rejected', 'withdrawn', 'expired'] as const) expect(offerStateAt(state, T0, T0 + DAY)).toBe(state);
  });
});

describe('代金券', () => {
  it('is a 满减券, the one type KooGallery supports', () => {
    expect(VOUCHER_TYPES.map((type) => termLabel('voucherType', type))).toEqual(['满减券']);
  });

  it('takes a discount above 0 and below the threshold: 1 fen, and a fen below the threshold', () => {
    expect(voucherAmountProblem(10_000, 1)).toBeNull();
    expect(voucherAmountProblem(10_000, 9_999)).toBeNull();
  });

  it('refuses a discount of 0 or less, equal to the threshold, or above it', () => {
    expect(voucherAmountProblem(10_000, 0)).toBe('discountPositive');
    expect(voucherAmountProblem(10_000, -1)).toBe('discountPositive');
    expect(voucherAmountProblem(10_000, 10_000)).toBe('discountBelowThreshold');
    expect(voucherAmountProblem(10_000, 10_001)).toBe('discountBelowThreshold');
  });

  it('starts now or later and ends after it starts', () => {
    expect(voucherPeriodProblem(T0, T0 + DAY, T0)).toBeNull();
    expect(voucherPeriodProblem(T0 - 1, T0 + DAY, T0)).toBe('startInPast');
    expect(voucherPeriodProblem(T0 + DAY, T0 + DAY, T0)).toBe('periodOrder');
    expect(voucherPeriodProblem(T0 + DAY, T0 + DAY - 1, T0)).toBe('periodOrder');
    expect(voucherPeriodProblem(T0 - DAY, T0 - 2 * DAY, T0)).toBe('periodOrder'); // the order is named first
  });

  it('is 未开始 until its start, 进行中 from it, 已结束 from its end', () => {
    const from = T0 + DAY;
    const until = T0 + 10 * DAY;
    expect(voucherStateAt(from, until, null, from - 1)).toBe('not_started');
    expect(voucherStateAt(from, until, null, from)).toBe('active');
    expect(voucherStateAt(from, until, null, until - 1)).toBe('active');
    expect(voucherStateAt(from, until, null, until)).toBe('ended');
  });

  it('is 已停止 from the moment it is stopped, not before', () => {
    const from = T0;
    const until = T0 + 10 * DAY;
    expect(voucherStateAt(from, until, T0 + DAY, T0 + DAY)).toBe('stopped');
    expect(voucherStateAt(from, until, T0 + DAY, T0 + DAY - 1)).toBe('active');
    expect(voucherStateAt(from, until, T0 + DAY, until + DAY)).toBe('stopped');
  });
});

describe('商业规划: 当年及后两年', () => {
  it("confirms a submission with Seller Center's exact words", () => {
    expect(PLANNING_SUBMITTED_MESSAGE).toBe('修改商业规划提交成功,请等待审批');
  });

  it('plans the Beijing year and the two after it, turning at Beijing midnight on 1 January', () => {
    const newYearBeijing = Date.UTC(2026, 11, 31, 16, 0); // 2027-01-01 00:00 Beijing
    expect(planningYears(newYearBeijing - 1)).toEqual([2026, 2027, 2028]);
    expect(planningYears(newYearBeijing)).toEqual([2027, 2028, 2029]);
  });
});

describe('服务监管 flows', () => {
  const words = (steps: readonly SupervisionStep[]) => steps.map((step) => termLabel('supervisionStep', step)).join(' → ');

  it('runs each flow through the steps the help pages name, then 已验收 and 已完成', () => {
    const accepted = ' → 已验收，待订单完成 → 已完成';
    expect(words(FLOW_STEPS.license_online_code)).toBe(`商家交付 → 用户领取授权码 → 授权码激活 → 上传交付凭证 → 华为云复核 → 自动验收${accepted}`);
    expect(words(FLOW_STEPS.license_2_0)).toBe(`用户领取授权码 → 授权码激活 → 华为云复核 → 自动验收${accepted}`);
    expect(words(FLOW_STEPS.professional_service)).toBe(`客户提交需求 → 确认需求 → 商家交付 → 确认完成 → 客户验收${accepted}`);
    expect(words(FLOW_STEPS.app_orchestration)).toBe(`商家交付 → 确认完成 → 客户验收${accepted}`);
  });

  it("says whose turn each step is: the seller's to confirm, deliver, activate, upload and complete", () => {
    const turns = Object.fromEntries(Object.entries(STEP_TURN).map(([step, turn]) => [termLabel('supervisionStep', step), turn]));
    expect(turns).toEqual({
      客户提交需求: 'customer',
      确认需求: 'seller',
      商家交付: 'seller',
      用户领取授权码: 'customer',
      授权码激活: 'seller',
      上传交付凭证: 'seller',
      确认完成: 'seller',
      客户验收: 'customer',
      华为云复核: 'huawei',
      自动验收: 'huawei',
      '已验收，待订单完成': 'huawei',
      已完成: null,
    });
  });

  it('offers each seller action only at its steps: 确认需求, 交付, 激活授权码, and 上传交付凭证 / 确认服务完成 while completing', () => {
    const at = Object.fromEntries(
      Object.entries(ACTION_STEPS).map(([action, steps]) => [termLabel('supervisionAction', action), steps.map((step) => termLabel('supervisionStep', step))]),
    );
    expect(at).toEqual({
      确认需求: ['确认需求'],
      交付: ['商家交付'],
      激活授权码: ['授权码激活'],
      上传交付凭证: ['上传交付凭证', '确认完成'],
      确认服务完成: ['上传交付凭证', '确认完成'],
    });
  });

  it('moves to the next step, and stays on the last one or on a step the flow does not have', () => {
    expect(nextStep('app_orchestration', 'seller_deliver')).toBe('confirm_complete');
    expect(nextStep('app_orchestration', 'customer_accept')).toBe('order_completion');
    expect(nextStep('app_orchestration', 'completed')).toBe('completed');
    expect(nextStep('app_orchestration', 'license_activate')).toBe('license_activate');
  });

  it("sends a 驳回 back to the seller's step before it, skipping the customer's; with none before, it stays", () => {
    expect(stepAfterRejection('professional_service', 'customer_accept')).toBe('confirm_complete');
    expect(stepAfterRejection('license_online_code', 'huawei_review')).toBe('upload_proof');
    expect(stepAfterRejection('license_online_code', 'license_activate')).toBe('seller_deliver');
    expect(stepAfterRejection('license_2_0', 'customer_claim')).toBe('customer_claim');
    expect(stepAfterRejection('professional_service', 'confirm_requirement')).toBe('confirm_requirement');
  });
});

describe('服务监管: the order is 已完成 within 3 hours of 确认验收', () => {
  it('is due exactly 3 hours after the acceptance, and nothing is due before one', () => {
    expect(completionDeadline(T0)).toBe(T0 + 3 * HOUR);
    expect(completionDeadline(null)).toBeNull();
  });

  it('is overdue a millisecond after 3 hours, not at 3 hours, and never once the order is 已完成', () => {
    expect(completionOverdue(T0, false, T0 + 3 * HOUR)).toBe(false);
    expect(completionOverdue(T0, false, T0 + 3 * HOUR + 1)).toBe(true);
    expect(completionOverdue(T0, true, T0 + 3 * HOUR + 1)).toBe(false);
    expect(completionOverdue(null, false, T0 + 30 * DAY)).toBe(false);
  });
});

describe('服务监管: 申诉 opens after more than 5 days on the customer, or more than 3 rejections', () => {
  const flow = (facts: Partial<AppealFacts>): AppealFacts => ({ status: 'in_progress', step: 'customer_accept', stepEnteredAt: T0, rejections: 0, ...facts });

  it('opens a millisecond after 5 days on a customer step, not at 5 days', () => {
    expect(appealGrounds(flow({}), T0 + 5 * DAY)).toEqual([]);
    expect(appealGrounds(flow({}), T0 + 5 * DAY + 1)).toEqual(['customer_waited']);
  });

  it("does not count days on the seller's or Huawei Cloud's step", () => {
    expect(appealGrounds(flow({ step: 'seller_deliver' }), T0 + 30 * DAY)).toEqual([]);
    expect(appealGrounds(flow({ step: 'huawei_review' }), T0 + 30 * DAY)).toEqual([]);
  });

  it('opens at the 4th rejection, not the 3rd, on any step', () => {
    expect(appealGrounds(flow({ step: 'seller_deliver', rejections: 3 }), T0)).toEqual([]);
    expect(appealGrounds(flow({ step: 'seller_deliver', rejections: 4 }), T0)).toEqual(['rejections']);
  });

  it('names both grounds when both hold, and none once the flow is 申诉中 or 已完成', () => {
    expect(appealGrounds(flow({ rejections: 4 }), T0 + 6 * DAY)).toEqual(['customer_waited', 'rejections']);
    expect(appealGrounds(flow({ status: 'appealing', rejections: 9 }), T0 + 9 * DAY)).toEqual([]);
    expect(appealGrounds(flow({ status: 'completed', rejections: 9 }), T0 + 9 * DAY)).toEqual([]);
  });
});

describe('交付凭证: rar, zip, doc(x), pdf, ppt(x), jpg, png, at most 20 MB', () => {
  const MB = 1024 * 1024;

  it('takes each listed type in any case, up to exactly 20 MB', () => {
    for (const name of ['a.rar', 'a.zip', 'a.doc', 'a.docx', 'a.pdf', 'a.ppt', 'a.pptx', 'a.jpg', 'a.png', 'SOW.PDF', '验收.v2.Docx']) {
      expect(proofFileProblem(name, 20 * MB), name).toBeNull();
    }
  });

  it('refuses a byte over 20 MB, naming the file and the limit', () => {
    expect(proofFileProblem('验收报告.pdf', 20 * MB + 1)).toEqual({ reason: 'proofSize', params: { fileName: '验收报告.pdf', size: 20 * MB + 1, maxMb: 20 } });
  });

  it('refuses an empty file, and a type not listed (by the part after the last dot) naming what is allowed', () => {
    expect(proofFileProblem('a.pdf', 0)).toEqual({ reason: 'proofEmpty', params: { fileName: 'a.pdf' } });
    const allowed = 'rar/zip/doc/docx/pdf/ppt/pptx/jpg/png';
    expect(proofFileProblem('setup.exe', 10)).toEqual({ reason: 'proofType', params: { fileName: 'setup.exe', extension: 'exe', allowed } });
    expect(proofFileProblem('backup.pdf.tar', 10)?.params.extension).toBe('tar');
    expect(proofFileProblem('README', 10)?.params.extension).toBe('');
    expect(proofFileProblem('pdf', 10)?.reason).toBe('proofType');
  });

  it('checks the type before emptiness and size', () => {
    expect(proofFileProblem('a.exe', 0)?.reason).toBe('proofType');
    expect(proofFileProblem('a.exe', 21 * MB)?.reason).toBe('proofType');
  });
});

describe('消息接收人', () => {
  const receiver = (fields: { name?: string; email?: string | null; mobile?: string | null }) => ({ name: '张三', email: null, mobile: null, ...fields });
  const reasons = (fields: Parameters<typeof receiver>[0], channels: readonly ('site' | 'email' | 'sms')[] = ['site', 'email', 'sms']) =>
    receiverProblems(receiver(fields), channels).map((problem) => problem.reason);

  it('stores a mainland mobile as its 11 digits, with or without +86, spaces and dashes', () => {
    expect(normalizeMobile('13800138000')).toBe('13800138000');
    expect(normalizeMobile('+86 138-0013-8000')).toBe('13800138000');
    expect(normalizeMobile('8619912345678')).toBe('19912345678');
  });

  it('refuses a mobile of 10 or 12 digits, or one not starting 13–19', () => {
    expect(normalizeMobile('1380013800')).toBeNull();
    expect(normalizeMobile('138001380001')).toBeNull();
    expect(normalizeMobile('12800138000')).toBeNull();
    expect(normalizeMobile('+87 13800138000')).toBeNull();
    expect(normalizeMobile('x13800138000')).toBeNull();
  });

  it('takes a name of 32 characters (counted as characters, not UTF-16 units) and refuses 33 or a blank one', () => {
    expect(reasons({ name: '张'.repeat(32), mobile: '13800138000' })).toEqual([]);
    expect(reasons({ name: '😀'.repeat(32), mobile: '13800138000' })).toEqual([]);
    expect(reasons({ name: '张'.repeat(33), mobile: '13800138000' })).toEqual(['nameTooLong']);
    expect(reasons({ name: '   ', mobile: '13800138000' })).toEqual(['nameRequired']);
    expect(reasons({ name: ` ${'张'.repeat(32)} `, mobile: '13800138000' })).toEqual([]);
  });

  it('takes an email of 254 characters and refuses 255, or one without a dotted domain', () => {
    const email = (length: number) => `${'a'.repeat(length - '@example.com'.length)}@example.com`;
    expect(reasons({ email: email(254) })).toEqual([]);
    expect(reasons({ email: email(255) })).toEqual(['emailFormat']);
    for (const bad of ['a@b', 'a b@example.com', 'a@@example.com', 'a@example..com', '@example.com', 'a@.com'])
      expect(reasons({ email: bad }), bad).toContain('emailFormat');
    expect(reasons({ email: ' li@example.com ' })).toEqual([]);
  });

  it('names the field, what is expected and the value given', () => {
    const problems = (fields: Parameters<typeof receiver>[0], channels: readonly ('site' | 'email' | 'sms')[]) => receiverProblems(receiver(fields), channels);
    expect(problems({ mobile: '12345' }, ['sms'])).toEqual([
      { field: 'mobile', reason: 'mobileFormat', expected: 'a mainland mobile number: 1[3-9] and 9 more digits, optionally after +86', value: '12345' },
    ]);
    expect(problems({ name: '', email: 'li@' }, ['email'])).toEqual([
      { field: 'name', reason: 'nameRequired', expected: 'a name', value: '' },
      { field: 'email', reason: 'emailFormat', expected: 'an email address like name@example.com', value: 'li@' },
    ]);
    expect(problems({ name: '张'.repeat(33), mobile: '13800138000' }, ['sms'])[0]).toEqual({
      field: 'name',
      reason: 'nameTooLong',
      expected: 'at most 32 characters',
      value: '张'.repeat(33),
    });
    expect(problems({}, ['site'])).toEqual([{ field: 'email', reason: 'contactRequired', expected: 'an email address or a mobile number', value: '' }]);
    expect(problems({ mobile: '13800138000' }, ['email'])).toEqual([
      { field: 'email', reason: 'emailForChannel', expected: 'an email address (邮件 is on, 短信 is off)', value: '' },
    ]);
    expect(problems({ email: 'li@example.com' }, ['sms'])).toEqual([
      { field: 'mobile', reason: 'mobileForChannel', expected: 'a mobile number (短信 is on, 邮件 is off)', value: '' },
    ]);
  });

  it('takes a receiver with just the contact its channel needs', () => {
    expect(reasons({ email: 'li@example.com' }, ['site', 'email'])).toEqual([]);
    expect(reasons({ mobile: '13800138000' }, ['site', 'sms'])).toEqual([]);
    expect(reasons({ mobile: '   ' })).toEqual(['contactRequired']);
  });

  it('takes an email on a subdomain and refuses two addresses in one field', () => {
    expect(reasons({ email: 'li@mail.example.com.cn' })).toEqual([]);
    expect(reasons({ email: 'li@example.com;wang@example.com' })).toEqual(['emailFormat']);
    expect(reasons({ email: 'li@example.com wang' })).toEqual(['emailFormat']);
  });

  it("tells the seller where messages go when nobody is set, in Seller Center's words, and names the channels as it does", () => {
    expect(RECEIVER_FALLBACK_NOTICE).toBe('若商家未设置消息接收人,系统消息将自动发送至商家的华为云账号绑定的手机号及邮箱');
    expect(MESSAGE_CHANNEL_TERMS).toEqual({
      site: { zh: '站内信', en: 'In-site message' },
      email: { zh: '邮件', en: 'Email' },
      sms: { zh: '短信', en: 'SMS' },
    });
  });

  it('needs an email or a mobile; with only 邮件 on an email, with only 短信 on a mobile, with both either', () => {
    expect(reasons({})).toEqual(['contactRequired']);
    expect(reasons({ email: '  ', mobile: '' })).toEqual(['contactRequired']);
    expect(reasons({ mobile: '13800138000' }, ['site', 'email'])).toEqual(['emailForChannel']);
    expect(reasons({ email: 'li@example.com' }, ['site', 'sms'])).toEqual(['mobileForChannel']);
    expect(reasons({ mobile: '13800138000' }, ['site', 'email', 'sms'])).toEqual([]);
    expect(reasons({ email: 'li@example.com' }, ['site', 'email', 'sms'])).toEqual([]);
    expect(reasons({ email: 'li@example.com' }, ['site'])).toEqual([]);
  });

  it('names a channel nobody in the category can be reached on; nobody set means the account gets them', () => {
    expect(unreachableChannel(['email', 'sms'], [])).toBeNull();
    expect(unreachableChannel(['email'], [receiver({ mobile: '13800138000' })])).toBe('email');
    expect(unreachableChannel(['sms'], [receiver({ email: 'li@example.com' })])).toBe('sms');
    expect(unreachableChannel(['email', 'sms'], [receiver({ email: 'li@example.com' }), receiver({ mobile: '13800138000' })])).toBeNull();
    expect(unreachableChannel(['site'], [receiver({ email: 'li@example.com' })])).toBeNull();
  });
});

describe('注册Agents: the gateway', () => {
  it("is in 华北-北京四 only, in the seed's words", () => {
    expect(HUAWEI_CLOUD_REGIONS[AGENTS_REGION]).toBe('华北-北京四');
    expect(AGENTS_REGION_RULE).toBe('目前华为云云商店的Agents网关默认在华北-北京四,其他区域暂不支持');
  });
});

describe('注册Agents: the backend address', () => {
  it('takes http and https addresses and refuses anything else', () => {
    expect(backendUrlProblem('https://agent.example.com/v1/chat')).toBeNull();
    expect(backendUrlProblem('http://10.0.0.8:8080/chat')).toBeNull();
    expect(backendUrlProblem('ftp://agent.example.com/')).toBe('backendUrl');
    expect(backendUrlProblem('agent.example.com/chat')).toBe('backendUrl');
  });

  it('warns of plain http to another computer, not to this one or over https', () => {
    expect(backendUrlWarning('http://agent.example.com/chat')).toBe('plainHttp');
    for (const local of ['http://127.0.0.1:8080/', 'http://localhost/', 'http://[::1]:9000/', 'https://agent.example.com/'])
      expect(backendUrlWarning(local), local).toBeNull();
  });
});

describe('工单接待: at least 5 days a week, at least 8 hours each day', () => {
  const weekdays = [1, 2, 3, 4, 5];

  it('takes five days of 09:00–17:00, and a day ending at 24:00', () => {
    expect(receptionHoursProblem({ days: weekdays, from: '09:00', to: '17:00' })).toBeNull();
    expect(receptionHoursProblem({ days: [1, 2, 3, 4, 5, 6, 7], from: '16:00', to: '24:00' })).toBeNull();
  });

  it('refuses four distinct days, however often one is repeated, naming the count', () => {
    expect(receptionHoursProblem({ days: [1, 1, 2, 3, 4], from: '09:00', to: '18:00' })).toEqual({
      field: 'days',
      message: '工单接待 needs at least 5 days a week with at least 8 hours each (5 × 8); 4 day(s) chosen',
      params: { reason: 'receptionDays', days: 4 },
    });
  });

  it('refuses a day a minute short of 8 hours, or one that ends before it starts, naming the hours', () => {
    expect(receptionHoursProblem({ days: weekdays, from: '09:01', to: '17:00' })).toEqual({
      field: 'to',
      message: '工单接待 needs at least 8 hours each day (5 × 8); 09:01–17:00 is 7.98 hours',
      params: { reason: 'receptionHours', from: '09:01', to: '17:00', hours: 7.98 },
    });
    expect(receptionHoursProblem({ days: weekdays, from: '09:00', to: '16:59' })?.params.hours).toBe(7.98);
    expect(receptionHoursProblem({ days: weekdays, from: '18:00', to: '09:00' })?.params.hours).toBe(0);
  });
});
