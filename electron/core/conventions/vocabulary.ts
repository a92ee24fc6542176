/**
 * The one vocabulary of codes the app stores and the words the Seller Center shows for them. The
 * UI (i18n), Seller Center imports (which read these words) and exports (which write them) all read
 * it here, so a code is worded the same everywhere.
 */
export interface Term {
  zh: string;
  en: string;
  /** Other spellings seen in Seller Center files (read on import, never written). */
  aliases?: readonly string[];
}

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];

const term = (zh: string, en: string, ...aliases: string[]): Term => (aliases.length ? { zh, en, aliases } : { zh, en });

export const VOCABULARY = {
  productType: {
    general: term('通用商品', 'General'),
    joint_operation: term('联营商品', 'Joint operation'),
    curated_certified: term('严选&认证部件', 'Curated & certified', '严选商品', 'Curated'),
    huawei_self_service: term('华为自服务商品', 'Huawei self-service'),
  },
  orderStatus: {
    pending_payment: term('待支付', 'Pending payment'),
    processing: term('处理中', 'Processing'),
    cancelled: term('已取消', 'Cancelled', 'Canceled'),
    completed: term('已完成', 'Completed'),
  },
  orderType: {
    NEW: term('新购', 'New'),
    RENEW: term('续费', 'Renew'),
    CHANGE: term('变更', 'Change'),
    UNSUBSCRIBE: term('退订', 'Unsubscribe'),
    TRIAL: term('试用', 'Trial'),
    TRIAL_TO_FORMAL: term('试用转正', 'Trial to formal'),
  },
  chargingMode: {
    PERIOD: term('包周期', 'Yearly/monthly', '包年/包月', '包年包月'),
    ONE_TIME: term('按次', 'One-time'),
    ON_DEMAND: term('按需', 'Pay-per-use'),
    ON_DEMAND_PKG: term('按需套餐包', 'Package', '套餐包'),
  },
  periodUnit: {
    month: term('个月', 'month(s)', '月'),
    year: term('年', 'year(s)'),
    day: term('天', 'day(s)'),
  },
  billingStatus: {
    billed: term('已出账', 'Billed'),
    unbilled: term('待出账', 'Unbilled'),
  },
  ticketStatus: {
    pending: term('待受理', 'Pending'),
    processing: term('处理中', 'Processing'),
    // Seller Center's queue says 待客户反馈 (koogallery-api.md §9)
    awaiting_customer: term('待客户反馈', 'Awaiting customer', '待客户确认'),
    closed: term('已关闭', 'Closed'),
  },
  ticketPriority: {
    high: term('高', 'High'),
    medium: term('中', 'Medium'),
    low: term('低', 'Low'),
  },
  usageState: {
    queued: term('待发送', 'Queued'),
    sending: term('发送中', 'Sending'),
    accepted: term('已接收', 'Accepted', '已接受'),
    rejected: term('已拒绝', 'Rejected'),
    anomaly: term('异常', 'Anomaly'),
    expired: term('已过期', 'Expired'),
  },
  timeliness: {
    on_time: term('准时', 'On time'),
    late: term('迟报', 'Late'),
    overdue: term('超时', 'Overdue'),
  },
  billingCycle: {
    hourly: term('按小时', 'Hourly'),
    daily: term('按天', 'Daily'),
  },
  uploadOutcome: {
    ok: term('成功', 'Accepted'),
    retryable: term('失败，将重试', 'Failed, will retry'),
    permanent: term('被拒绝', 'Refused'),
    throttled: term('限流，稍后重试', 'Throttled, will retry'),
    ambiguous: term('结果未知，将重发', 'No answer, will resend'),
  },
  /** 商业信息认证 (商家总览). */
  certification: {
    certified: term('已认证', 'Certified'),
    in_review: term('审核中', 'In review'),
    not_certified: term('未认证', 'Not certified'),
  },
  /** 服务协议签署 (商家总览). */
  agreement: {
    signed: term('已签署', 'Signed'),
    unsigned: term('未签署', 'Not signed'),
  },
  /** 服务监管: the flow types (§4.5). */
  supervisionFlowType: {
    license_online_code: term('License在线授权码', 'License online authorization code'),
    license_2_0: term('License 2.0', 'License 2.0'),
    professional_service: term('人工服务', 'Professional service', '专业服务'),
    app_orchestration: term('应用编排', 'Application orchestration'),
  },
  /** 服务监管: the steps, as the Seller Center names them. */
  supervisionStep: {
    customer_requirement: term('客户提交需求', 'Customer submits requirement'),
    confirm_requirement: term('确认需求', 'Confirm requirement'),
    seller_deliver: term('商家交付', 'Seller delivers'),
    customer_claim: term('用户领取授权码', 'Customer claims the code'),
    license_activate: term('授权码激活', 'Activate the code'),
    upload_proof: term('上传交付凭证', 'Upload delivery proof'),
    confirm_complete: term('确认完成', 'Confirm completion'),
    customer_accept: term('客户验收', 'Customer acceptance', '确认验收'),
    huawei_review: term('华为云复核', 'Huawei Cloud review'),
    auto_accept: term('自动验收', 'Automatic acceptance'),
    order_completion: term('已验收，待订单完成', 'Accepted, order completing'),
    completed: term('已完成', 'Completed'),
  },
  /** 服务监管: whose turn a step is. */
  supervisionTurn: {
    seller: term('商家', 'Seller'),
    customer: term('客户', 'Customer'),
    huawei: term('华为云', 'Huawei Cloud'),
  },
  supervisionStatus: {
    in_progress: term('进行中', 'In progress'),
    appealing: term('申诉中', 'Appealing'),
    completed: term('已完成', 'Completed'),
  },
  /** 服务监管: the seller's actions. */
  supervisionAction: {
    confirm_requirement: term('确认需求', 'Confirm requirement'),
    deliver: term('交付', 'Deliver'),
    activate_license: term('激活授权码', 'Activate code'),
    upload_proof: term('上传交付凭证', 'Upload proof'),
    confirm_complete: term('确认服务完成', 'Confirm service completed'),
    appeal: term('申诉', 'Appeal'),
  },
  /** 查询授权码: the License states (§3.2). */
  licenseStatus: {
    ALIVE: term('已激活', 'Active'),
    EXPIRED: term('已过期', 'Expired'),
    RELEASED: term('已释放', 'Released'),
  },
  /** 客户需求 (product.md §3.7). */
  requirementState: {
    to_accept: term('待接收', 'To accept'),
    accepted: term('已接收', 'Accepted'),
    converting: term('需求转化中', 'Converting'),
    offer_created: term('已创建优惠', 'Offer created'),
    lapsed: term('已失效', 'Lapsed'),
  },
  /** 商家优惠 (Private Offer). */
  offerState: {
    draft: term('草稿', 'Draft'),
    submitted: term('已提交', 'Submitted'),
    accepted: term('已生效', 'Accepted'),
    rejected: term('已驳回', 'Rejected'),
    expired: term('已过期', 'Expired'),
    withdrawn: term('已撤回', 'Withdrawn'),
  },
  /** 代金券: its time state. */
  voucherState: {
    not_started: term('未开始', 'Not started'),
    active: term('进行中', 'Active'),
    ended: term('已结束', 'Ended'),
    stopped: term('已停止', 'Stopped'),
  },
  /** 代金券: where its submission is. */
  voucherSubmission: {
    draft: term('草稿', 'Draft'),
    submitted: term('审核中', 'In review'),
    published: term('已发布', 'Published'),
    rejected: term('已驳回', 'Rejected'),
  },
  voucherType: {
    full_reduction: term('满减券', 'Spend-threshold voucher'),
  },
  /** 商业规划's approval. */
  planningState: {
    to_fill: term('待填写', 'To fill'),
    pending_approval: term('待审批', 'Pending approval'),
    approved: term('审批通过', 'Approved'),
    rejected: term('审批驳回', 'Rejected'),
  },
  /** KooGallery's answer codes (koogallery-api.md §1.4, §3.1, §3.2; APIG), shown beside their meaning. */
  marketplaceCode: {
    'MKT.0000': term('成功', 'Success'),
    'MKT.0999': term('系统内部错误', 'System internal error'),
    'MKT.0100': term('输入参数错误（超出范围、非法值或格式错误）', 'Failure of input parameter (out of range, illegal value or bad format)'),
    'MKT.0101': term('参数无效（未定义、多余或缺少参数）', 'Invalid parameter (undefined, extra or missing parameter)'),
    'MKT.0102': term('请求体签名校验失败（请检查商家对接密钥）', 'Invalid body sign (check the seller interconnection key)'),
    'MKT.0199': term('请求参数错误', 'Request parameter error'),
    'MKT.0150': term('非法操作（实例不属于本商家）', "Illegal operation (the instance is not this seller's)"),
    'MKT.0151': term('无权限（不是商家角色）', 'No authority (not a seller role)'),
    'MKT.0154': term('令牌无效（认证失败）', 'Illegal token (authentication failed)'),
    'MKT.0250': term('访问频率超限', 'Access frequency overlimit'),
    'MKT.9001': term('实例ID不存在', 'Instance ID not found'),
    'MKT.9002': term('计量实体无效', 'Invalid usage entities'),
    'MKT.9003': term('话单数量超出限制（1000 条）', 'Usage records exceed the size limit (1000)'),
    'MKT.9004': term('话单开始时间超过 21 天', 'begin_time is older than 21 days'),
    'MKT.9005': term('请求被拒绝', 'Request rejected (see extra_info)'),
    '92020000': term('成功', 'Success'),
    '92020001': term('License 服务内部错误', 'License service internal error'),
    '92020002': term('License 参数无效', 'Invalid license parameter'),
    'APIGW.0101': term('API 不存在或未发布', 'The API does not exist or has not been published'),
    'APIGW.0201': term('API 请求错误', 'API request error'),
    'APIGW.0301': term('IAM 认证信息错误', 'Incorrect IAM authentication information'),
    'APIGW.0303': term('APP 认证信息错误（AK/SK 签名）', 'Incorrect app authentication information (AK/SK signature)'),
    'APIGW.0304': term('APP 未获授权访问该 API', 'The app is not authorized to access the API'),
    'APIGW.0308': term('已达到流控阈值', 'The throttling threshold has been reached'),
  },
} as const satisfies Record<string, Record<string, Term>>;

export type Vocabulary = typeof VOCABULARY;
export type VocabularyGroup = keyof Vocabulary;
export type CodeOf<G extends VocabularyGroup> = keyof Vocabulary[G] & string;

/** The words for `code` in `language`; an unknown code is shown as it is. */
export function termLabel<G extends VocabularyGroup>(group: G, code: string, language: Language = 'zh-CN'): string {
  const found = (VOCABULARY[group] as Record<string, Term>)[code];
  if (!found) return code;
  return language === 'zh-CN' ? found.zh : found.en;
}

/** The code for a word as Seller Center files write it (Chinese, English, an alias, or the code); null when none. */
export function parseTerm<G extends VocabularyGroup>(group: G, text: string): CodeOf<G> | null {
  const wanted = text.normalize('NFKC').trim().toLowerCase();
  if (!wanted) return null;
  for (const [code, found] of Object.entries(VOCABULARY[group] as Record<string, Term>)) {
    const words = [code, found.zh, found.en, ...(found.aliases ?? [])];
    if (words.some((word) => word.toLowerCase() === wanted)) return code as CodeOf<G>;
  }
  return null;
}

/** The codes of a group, in declaration order (for selects and tabs). */
export function termCodes<G extends VocabularyGroup>(group: G): CodeOf<G>[] {
  return Object.keys(VOCABULARY[group]) as CodeOf<G>[];
}

/** Every group as code → words in one language: the i18n resources' `vocab` section. */
export function vocabularyMessages(language: Language): { [G in VocabularyGroup]: Record<CodeOf<G>, string> } {
  return Object.fromEntries(
    Object.entries(VOCABULARY).map(([group, terms]) => [
      group,
      Object.fromEntries(Object.keys(terms).map((code) => [code, termLabel(group as VocabularyGroup, code, language)])),
    ]),
  ) as { [G in VocabularyGroup]: Record<CodeOf<G>, string> };
}
