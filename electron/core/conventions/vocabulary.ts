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
