import { Alert, Card, DatePicker, Descriptions, Drawer, Form, Input, Select, Space } from 'antd';
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../../electron/core/contract';
import { formatFen } from '../../app/format-money';
import { formatTime } from '../../app/format-time';
import { BigTable, type BigColumn } from '../../components/big-table/BigTable';
import { CellTag } from '../../components/big-table/CellTag';
import { ExportButton } from '../../components/ExportButton';
import { SellerCenterImport } from '../../components/SellerCenterImport';
import { SyncButton } from '../../components/SyncButton';
import { useCore } from '../../stores/core-store';
import { DayRangeFilter } from './DayRangeFilter';
import { ProductTypeTabs } from './ProductTypeTabs';
import { useLabels } from './use-labels';
import { useFilters, useReviewSource } from './use-review-source';

type Filters = NonNullable<MethodInput<'transactionDetails.page'>['filters']>;
type DetailRow = MethodOutput<'transactionDetails.page'>['rows'][number];
const BILLING_STATUSES = ['billed', 'unbilled'] as const;
const SUPERVISION_STATUSES = ['不涉及', '进行中', '已完成'];

/** 交易明细: product-type tabs, Seller Center's filters, the T+1 banner, and a row's full details. */
export function TransactionDetailsPage() {
  const { t } = useTranslation();
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const completeThrough = useCore((s) => s.status?.sync.resources.find((r) => r.resource === 'transaction_details')?.completeThrough ?? null);
  const [filters, set] = useFilters<Filters>();
  const [refresh, setRefresh] = useState(0);
  const [open, setOpen] = useState<DetailRow | null>(null);
  const { total, fetchPage } = useReviewSource('transactionDetails.page', 'transactionDetails.count', filters, refresh);
  const billingLabels = useLabels('vocab.billingStatus', BILLING_STATUSES);
  const synced = () => {
    setRefresh((n) => n + 1);
    void useCore.getState().refreshStatus();
  };

  const columns = useMemo<BigColumn<DetailRow>[]>(
    () => [
      { key: 'orderId', title: t('review.orderId'), width: 200, render: (r) => <span data-testid="detail-order-id">{r.orderId}</span> },
      { key: 'period', title: t('review.billingPeriod'), width: 90, render: (r) => r.billingPeriod },
      { key: 'account', title: t('review.customerAccount'), width: 130, render: (r) => r.customerAccount },
      { key: 'product', title: t('review.productName'), width: 200, render: (r) => r.productName },
      { key: 'at', title: t('review.transactionAt'), width: 150, render: (r) => formatTime(r.transactionAt, timeZone) },
      { key: 'amount', title: t('review.amount'), width: 120, render: (r) => formatFen(r.amountFen) },
      {
        key: 'billing',
        title: t('review.billingStatus'),
        width: 90,
        render: (r) => <CellTag color={r.billingStatus === 'billed' ? 'green' : 'gold'}>{billingLabels[r.billingStatus]}</CellTag>,
      },
      { key: 'supervision', title: t('review.supervisionStatus'), width: 100, render: (r) => r.supervisionStatus ?? '-' },
    ],
    [t, timeZone, billingLabels],
  );
  return (
    <Card
      title={t('nav.sections.transactions')}
      data-testid="page-transactions"
      extra={
        <Space>
          <ExportButton selection={{ table: 'transaction_details', filters }} testId="export-transaction-details" />
          <SellerCenterImport kind="transaction_details" onImported={() => synced()} />
          <SyncButton resource="transaction_details" onSynced={synced} />
        </Space>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="details-complete-through"
        message={completeThrough ? t('review.completeThrough', { day: formatTime(completeThrough - 1, timeZone).slice(0, 10) }) : t('review.notSynced')}
      />
      <ProductTypeTabs value={filters.productType} onChange={set} />
      <DetailFilterForm onChange={set} />
      <BigTable testId="details-table" columns={columns} total={total} fetchPage={fetchPage} onRowClick={setOpen} />
      {open && (
        <Drawer open width={560} title={open.detailId} onClose={() => setOpen(null)}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('review.orderId')}>{open.orderId}</Descriptions.Item>
            <Descriptions.Item label={t('review.orderLineId')}>{open.orderLineId ?? '-'}</Descriptions.Item>
            <Descriptions.Item label={t('review.chargingMode')}>{t(`vocab.chargingMode.${open.chargingMode}`)}</Descriptions.Item>
            <Descriptions.Item label={t('review.amount')}>{formatFen(open.amountFen)}</Descriptions.Item>
            <Descriptions.Item label={t('review.settlementAmount')}>{formatFen(open.settlementAmountFen)}</Descriptions.Item>
            <Descriptions.Item label={t('review.opsFeeRatio')}>{open.opsFeeRatio ?? '-'}</Descriptions.Item>
          </Descriptions>
        </Drawer>
      )}
    </Card>
  );
}

/** The filters above the table; memoized, so it does not re-render when the table does. */
const DetailFilterForm = memo(function DetailFilterForm({ onChange }: { onChange: (changes: Partial<Filters>) => void }) {
  const { t } = useTranslation();
  const billingLabels = useLabels('vocab.billingStatus', BILLING_STATUSES);
  return (
    <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
      <Form.Item label={t('review.orderId')}>
        <Input allowClear onChange={(e) => onChange({ orderId: e.target.value })} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item label={t('review.billingPeriod')}>
        <DatePicker picker="month" onChange={(d) => onChange({ billingPeriod: d?.format('YYYY-MM') })} />
      </Form.Item>
      <Form.Item label={t('review.customerAccount')}>
        <Input allowClear onChange={(e) => onChange({ customerAccount: e.target.value })} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item label={t('review.transactionAt')}>
        <DayRangeFilter onChange={(transactionFrom, transactionTo) => onChange({ transactionFrom, transactionTo })} />
      </Form.Item>
      <Form.Item label={t('review.billingStatus')}>
        <Select
          allowClear
          style={{ width: 110 }}
          onChange={(v) => onChange({ billingStatus: v })}
          options={BILLING_STATUSES.map((s) => ({ value: s, label: billingLabels[s] }))}
        />
      </Form.Item>
      <Form.Item label={t('review.supervisionStatus')}>
        <Select
          allowClear
          style={{ width: 110 }}
          onChange={(v) => onChange({ supervisionStatus: v })}
          options={SUPERVISION_STATUSES.map((s) => ({ value: s, label: s }))}
        />
      </Form.Item>
    </Form>
  );
});
