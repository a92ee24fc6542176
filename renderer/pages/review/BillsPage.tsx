import { Alert, Card, DatePicker, Form, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../../electron/core/contract';
import { formatFen } from '../../app/format-money';
import { formatTime } from '../../app/format-time';
import { BigTable, type BigColumn } from '../../components/big-table/BigTable';
import { ExportButton } from '../../components/ExportButton';
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
  const [filters, set] = useFilters<Filters>();
  const [refresh, setRefresh] = useState(0);
  const { total, fetchPage } = useReviewSource('bills.page', 'bills.count', filters, refresh);

  const columns: BigColumn<BillRow>[] = [
    { key: 'billId', title: t('review.billId'), width: 160, render: (r) => r.billId },
    { key: 'period', title: t('review.billingPeriod'), width: 90, render: (r) => r.billingPeriod },
    { key: 'type', title: t('review.productType'), width: 130, render: (r) => t(`vocab.productType.${r.productType}`) },
    { key: 'amount', title: t('review.billAmount'), width: 120, render: (r) => formatFen(r.amountFen) },
    {
      key: 'settlement',
      title: t('review.settlementAmount'),
      width: 120,
      render: (r) => (r.settlementAmountFen === null ? '-' : formatFen(r.settlementAmountFen)),
    },
    { key: 'status', title: t('review.billStatus'), width: 130, render: (r) => r.status || '-' },
    { key: 'generated', title: t('review.generatedAt'), width: 150, render: (r) => (r.generatedAt === null ? '-' : formatTime(r.generatedAt, timeZone)) },
  ];
  return (
    <Card
      title={t('nav.sections.bills')}
      data-testid="page-bills"
      extra={
        <Space>
          <ExportButton selection={{ table: 'bills', filters }} testId="export-bills" />
          <SellerCenterImport kind="bills" onImported={() => setRefresh((n) => n + 1)} />
        </Space>
      }
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('review.billsSource')} />
      <ProductTypeTabs value={filters.productType} onChange={set} />
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('review.billingPeriod')}>
          <DatePicker picker="month" onChange={(d) => set({ billingPeriod: d?.format('YYYY-MM') })} data-testid="bills-period" />
        </Form.Item>
        <Form.Item label={t('review.billStatus')}>
          <Select
            allowClear
            style={{ width: 160 }}
            onChange={(v) => set({ status: v })}
            options={BILL_STATUSES.map((s) => ({ value: s, label: s }))}
            data-testid="bills-status"
          />
        </Form.Item>
      </Form>
      <BigTable testId="bills-table" columns={columns} total={total} fetchPage={fetchPage} />
    </Card>
  );
}
