import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../electron/core/contract';
import { yuanText, zheOfRate } from './offer-format';
import { timeLeftText } from './SalesParts';

type RequirementRow = MethodOutput<'requirements.page'>['rows'][number];
type OfferRow = MethodOutput<'offers.page'>['rows'][number];

const DAY_MS = 86_400_000;

/** 剩余接收时间: "剩余 3天4小时" while 待接收 (red under 24 hours), 已失效 once lapsed. */
export function TimeLeft({ row, now }: { row: RequirementRow; now: number }) {
  const { t } = useTranslation();
  if (row.state === 'lapsed') return <span className="sales-muted">{t('requirements.lapsed')}</span>;
  if (row.lapsesAt === null) return <span className="sales-muted">-</span>;
  const left = row.lapsesAt - now;
  if (left <= 0) return <span className="sales-muted">{t('requirements.lapsed')}</span>;
  const urgent = left < DAY_MS;
  return (
    <span className={urgent ? 'sales-time-left sales-time-left-urgent' : 'sales-time-left'} data-testid="requirement-time-left" data-urgent={urgent}>
      {t('requirements.left', { time: timeLeftText(left, t) })}
    </span>
  );
}

/** "8.5折" or "1234.00元". */
export function offerTerms(offer: Pick<OfferRow, 'discountRate' | 'priceFen'>, t: (key: string, values: Record<string, string>) => string): string {
  if (offer.discountRate !== null) return t('offers.zhe', { value: zheOfRate(offer.discountRate), percent: String(+(offer.discountRate * 100).toFixed(2)) });
  return offer.priceFen === null ? '-' : t('offers.yuan', { value: yuanText(offer.priceFen) });
}
