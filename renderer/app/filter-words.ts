import { i18n } from '../i18n';
import { formatTime } from './format-time';

type FilterValue = string | number | boolean;

/** How each filter reads: its label and its value in words (codes through the shared vocabulary). */
const WORDING: Record<string, { label: string; value?: (v: FilterValue, timeZone: string) => string }> = {
  productType: { label: 'review.productType', value: (v) => i18n.t(`vocab.productType.${v}`) },
  status: { label: 'review.status', value: (v) => word(['vocab.orderStatus', 'vocab.ticketStatus', 'vocab.usageState'], v) },
  state: { label: 'review.status', value: (v) => word(['vocab.usageState'], v) },
  search: { label: 'review.search' },
  orderId: { label: 'review.orderId' },
  customerName: { label: 'review.customerName' },
  userName: { label: 'review.userName' },
  productName: { label: 'review.productName' },
  productId: { label: 'review.productId' },
  billingPeriod: { label: 'review.billingPeriod' },
  customerAccount: { label: 'review.customerAccount' },
  billingStatus: { label: 'review.billingStatus', value: (v) => i18n.t(`vocab.billingStatus.${v}`) },
  supervisionStatus: { label: 'review.supervisionStatus' },
  priority: { label: 'review.priority', value: (v) => i18n.t(`vocab.ticketPriority.${v}`) },
  waitingOnMe: { label: 'review.waitingOnMe', value: (v) => i18n.t(v ? 'filters.yes' : 'filters.no') },
  slaDueBefore: { label: 'review.slaDueBefore', value: (v, zone) => formatTime(Number(v), zone) },
  windowOpensAt: { label: 'usage.window', value: (v, zone) => formatTime(Number(v), zone) },
};

const yesNo = (v: FilterValue) => i18n.t(v ? 'filters.yes' : 'filters.no');

/** Where a table's filters read differently: 销售管理's states are each their own vocabulary (an offer's accepted is 已生效). */
const TABLE_WORDING: Record<string, Record<string, { label: string; value?: (v: FilterValue, timeZone: string) => string }>> = {
  requirements: {
    state: { label: 'requirements.fields.state', value: (v) => word(['vocab.requirementState'], v) },
    lapsingSoon: { label: 'requirements.fields.lapsingOnly', value: yesNo },
  },
  offers: {
    state: { label: 'offers.fields.state', value: (v) => word(['vocab.offerState'], v) },
    fromRequirement: { label: 'offers.fields.source', value: (v) => i18n.t(v ? 'offers.sources.requirement' : 'offers.sources.direct') },
    expiringSoon: { label: 'offers.fields.expiringOnly', value: yesNo },
  },
  vouchers: {
    state: { label: 'vouchers.fields.state', value: (v) => word(['vocab.voucherState'], v) },
    submission: { label: 'vouchers.fields.submission', value: (v) => word(['vocab.voucherSubmission'], v) },
    category: { label: 'vouchers.fields.category', value: (v) => word(['vocab.productType'], v) },
    thisWeek: { label: 'vouchers.fields.thisWeekOnly', value: yesNo },
  },
  business_plans: {
    approval: { label: 'planning.fields.approval', value: (v) => word(['vocab.planningState'], v) },
  },
};

/** Time ranges read as one filter: from–to, the end shown as the last day included. */
const RANGES: [string, string, string][] = [
  ['createdFrom', 'createdTo', 'review.createdAt'],
  ['transactionFrom', 'transactionTo', 'review.transactionAt'],
];

/** The filters an export (or a page) applies, in the seller's words: ["订单状态：已完成", "创建时间：2026-11-01 至 2026-11-30"]. */
export function describeFilters(filters: Record<string, FilterValue | undefined>, timeZone: string, table?: string): string[] {
  const lines: string[] = [];
  const day = (ms: number) => formatTime(ms, timeZone).slice(0, 10);
  for (const [fromKey, toKey, label] of RANGES) {
    const from = filters[fromKey];
    const to = filters[toKey];
    if (from === undefined && to === undefined) continue;
    const text = i18n.t('filters.range', { from: from === undefined ? '…' : day(Number(from)), to: to === undefined ? '…' : day(Number(to) - 1) });
    lines.push(`${i18n.t(label)}：${text}`);
  }
  for (const [key, value] of Object.entries(filters)) {
    const wording = (table ? TABLE_WORDING[table]?.[key] : undefined) ?? WORDING[key];
    if (value === undefined || !wording) continue;
    lines.push(`${i18n.t(wording.label)}：${wording.value ? wording.value(value, timeZone) : String(value)}`);
  }
  return lines;
}

function word(groups: string[], value: FilterValue): string {
  const found = groups.find((group) => i18n.exists(`${group}.${value}`));
  return found ? i18n.t(`${found}.${value}`) : String(value);
}
