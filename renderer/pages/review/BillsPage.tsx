import { Alert } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../../electron/core/contract';
import { formatFen } from '../../app/format-money';
import { formatTime } from '../../app/format-time';
import { BigTable, type BigColumn, type TableSort } from '../../components/big-table/BigTable';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar, type FilterField } from '../../components/filter-bar/FilterBar';
import { TableEmpty } from '../../components/filter-bar/TableEmpty';
import { PageFrame } from '../../components/page/PageFrame';
import { SellerCenterImport } from '../../components/SellerCenterImport';
import { useCore } from '../../stores/core-store';
import { ProductTypeTabs } from './ProductTypeTabs';
import { useFilters, useReviewSource } from './use-review-source';

type Filters = NonNullable<MethodInput<'bills.page'>['filters']>;
type BillRow = MethodOutput<'bills.page'>['rows'][number];

/** Bill and payment states seen in Seller Center (koogallery-api.md §4.6); the export may hold others. */
const BILL_STATUSES = ['申付审核', '待开票', '发票待审核', '申付单创建失败'];

/** 账单管理: bills imported from Seller Center exports (KooGallery has no bill API). */
export function BillsPage() {
  const { t } = useTranslation();
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const { filters, set, clear, formKey, filtered } = useFilters<Filters>();
  const [sort, setSort] = useState<TableSort | null>(null);
  const [refresh, setRefresh] = useState(0);
  const reload = () => setRefresh((n) => n + 1);
  const { total, fetchPage } = useReviewSource('bills.page', 'bills.count', filters, refresh, sort);
  const fields = useMemo<FilterField<Filters>[]>(
    () => [
      { kind: 'month', name: 'billingPeriod', label: t('review.billingPeriod'), testId: 'bills-period' },
      {
        kind: 'select',
        name: 'status',
        label: t('review.billStatus'),
        width: 160,
        options: BILL_STATUSES.map((s) => ({ value: s, label: s })),
        testId: 'bills-status',
      },
    ],
    [t],
  );
  const columns = useMemo<BigColumn<BillRow>[]>(
    () => [
      { key: 'billId', title: t('review.billId'), width: 160, render: (r) => r.billId },
      { key: 'period', title: t('review.billingPeriod'), width: 90, sortField: 'periodStart', render: (r) => r.billingPeriod },
      { key: 'status', title: t('review.billStatus'), width: 130, render: (r) => r.status || '-' },
      { key: 'amount', title: t('review.billAmount'), width: 120, align: 'end', sortField: 'amountFen', render: (r) => formatFen(r.amountFen) },
      {
        key: 'settlement',
        title: t('review.settlementAmount'),
        width: 120,
        align: 'end',
        render: (r) => (r.settlementAmountFen === null ? '-' : formatFen(r.settlementAmountFen)),
      },
      { key: 'type', title: t('review.productType'), width: 130, render: (r) => t(`vocab.productType.${r.productType}`) },
      { key: 'generated', title: t('review.generatedAt'), width: 150, render: (r) => (r.generatedAt === null ? '-' : formatTime(r.generatedAt, timeZone)) },
    ],
    [t, timeZone],
  );
  return (
    <PageFrame
      title={t('nav.sections.bills')}
      testId="page-bills"
      actions={
        <>
          <ExportButton selection={{ table: 'bills', filters }} testId="export-bills" />
          <SellerCenterImport kind="bills" onImported={reload} />
        </>
      }
    >
      <Alert type="info" showIcon message={t('review.billsSource')} />
      <ProductTypeTabs value={filters.productType} onChange={set} />
      <FilterBar key={formKey} fields={fields} onApply={set} testId="bills-filters" />
      <BigTable
        testId="bills-table"
        columns={columns}
        total={total}
        fetchPage={fetchPage}
        sort={sort}
        onSortChange={setSort}
        empty={
          <TableEmpty
            filtered={filtered}
            what={t('nav.sections.bills')}
            actions={<SellerCenterImport kind="bills" onImported={reload} testId="import-bills-empty" />}
            onClearFilters={clear}
          />
        }
      />
    </PageFrame>
  );
}
