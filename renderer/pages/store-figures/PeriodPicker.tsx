import { DatePicker, Radio, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ReportPeriod } from '../../../electron/core/contract';

type Kind = ReportPeriod['kind'];

/** A month, a quarter, a year, or from one day to another (Beijing time, both days included). */
export function PeriodPicker({ value, onChange }: { value: ReportPeriod; onChange: (period: ReportPeriod) => void }) {
  const { t } = useTranslation();
  const switchTo = (kind: Kind) => onChange(defaultPeriod(kind, value));
  return (
    <Space wrap data-testid="period-picker">
      <Radio.Group
        value={value.kind}
        onChange={(e) => switchTo(e.target.value as Kind)}
        optionType="button"
        options={(['month', 'quarter', 'year', 'range'] as const).map((kind) => ({ value: kind, label: t(`figures.kinds.${kind}`) }))}
        data-testid="period-kind"
      />
      {value.kind === 'month' && (
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${value.month}-01`)}
          onChange={(d) => d && onChange({ kind: 'month', month: d.format('YYYY-MM') })}
        />
      )}
      {value.kind === 'quarter' && (
        <DatePicker
          picker="quarter"
          allowClear={false}
          value={dayjs(`${value.year}-${String((value.quarter - 1) * 3 + 1).padStart(2, '0')}-01`)}
          onChange={(d) => d && onChange({ kind: 'quarter', year: d.year(), quarter: Math.floor(d.month() / 3) + 1 })}
          data-testid="period-quarter"
        />
      )}
      {value.kind === 'year' && (
        <DatePicker picker="year" allowClear={false} value={dayjs(`${value.year}-01-01`)} onChange={(d) => d && onChange({ kind: 'year', year: d.year() })} />
      )}
      {value.kind === 'range' && (
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(value.from), dayjs(value.to)]}
          onChange={(range) => range?.[0] && range[1] && onChange({ kind: 'range', from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') })}
        />
      )}
    </Space>
  );
}

/** The period of `kind` that contains the start of `current` (switching kinds keeps the seller near the same dates). */
function defaultPeriod(kind: Kind, current: ReportPeriod): ReportPeriod {
  const start = dayjs(startOf(current));
  if (kind === 'month') return { kind, month: start.format('YYYY-MM') };
  if (kind === 'quarter') return { kind, year: start.year(), quarter: Math.floor(start.month() / 3) + 1 };
  if (kind === 'year') return { kind, year: start.year() };
  return { kind, from: start.format('YYYY-MM-DD'), to: start.endOf('month').format('YYYY-MM-DD') };
}

function startOf(period: ReportPeriod): string {
  switch (period.kind) {
    case 'month':
      return `${period.month}-01`;
    case 'quarter':
      return `${period.year}-${String((period.quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
    case 'year':
      return `${period.year}-01-01`;
    case 'range':
      return period.from;
  }
}

/** The quarter of a Beijing date "2026-12-10". */
export function quarterOf(date: string): ReportPeriod {
  const month = Number(date.slice(5, 7));
  return { kind: 'quarter', year: Number(date.slice(0, 4)), quarter: Math.floor((month - 1) / 3) + 1 };
}

/** A short name for the period, for file names and the print header: 2026年第4季度, 2026年11月, 2026年, 2026-10-01 至 2026-10-31. */
export function periodName(period: ReportPeriod, t: (key: string, values?: Record<string, unknown>) => string): string {
  switch (period.kind) {
    case 'month':
      return t('figures.names.month', { year: period.month.slice(0, 4), month: Number(period.month.slice(5, 7)) });
    case 'quarter':
      return t('figures.names.quarter', { year: period.year, quarter: period.quarter });
    case 'year':
      return t('figures.names.year', { year: period.year });
    case 'range':
      return t('filters.range', { from: period.from, to: period.to });
  }
}
