import { Alert, Card, DatePicker, Descriptions, Drawer, Form, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../../electron/core/contract';
import { formatFen } from '../../app/format-money';
import { dayRangeInZone, formatTime } from '../../app/format-time';
import { BigTable, type BigColumn } from '../../components/big-table/BigTable';
import { SellerCenterImport } from '../../components/SellerCenterImport';
import { SyncButton } from '../../components/SyncButton';
import { useCore } from '../../stores/core-store';
import { ProductTypeTabs } from './ProductTypeTabs';
import { clean, useReviewSource } from './use-review-source';

type Filters = NonNullable<MethodInput<'transactionDetails.page'>['filters']>;
type DetailRow = MethodOutput<'transactionDetails.page'>['rows'][number];

/** 交易明细: product-type tabs, Seller Center's filters, the T+1 banner, and a row's full details. */
export function TransactionDetailsPage() {
  const { t } = useTranslation();
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const completeThrough = useCore((s) => s.status?.sync.resources.find((r) => r.resource === 'transaction_details')?.completeThrough ?? null);
  const [filters, setFilters] = useState<Filters>({});
  const [refresh, setRefresh] = useState(0);
  const [open, setOpen] = useState<DetailRow | null>(null);
  const { total, fetchPage } = useReviewSource('transactionDetails.page', 'transactionDetails.count', filters, refresh);
  const set = (changes: Partial<Filters>) => setFilters((f) => clean({ ...f, ...changes }));
  const synced = () => {
    setRefresh((n) => n + 1);
    void useCore.getState().refreshStatus();
  };

  const columns: BigColumn<DetailRow>[] = [
    { key: 'orderId', title: t('review.orderId'), width: 200, render: (r) => <span data-testid="detail-order-id">{r.orderId}</span> },
    { key: 'period', title: t('review.billingPeriod'), width: 90, render: (r) => r.billingPeriod },
    { key: 'account', title: t('review.customerAccount'), width: 130, render: (r) => r.customerAccount },
    { key: 'product', title: t('review.productName'), width: 200, render: (r) => r.productName },
    { key: 'at', title: t('review.transactionAt'), width: 150, render: (r) => formatTime(r.transactionAt, timeZone) },
    { key: 'amount', title: t('review.amount'), width: 120, render: (r) => formatFen(r.amountFen) },
    { key: 'billing', title: t('review.billingStatus'), width: 90, render: (r) => <Tag color={r.billingStatus === 'billed' ? 'green' : 'gold'}>{t(`review.billingStatuses.${r.billingStatus}`)}</Tag> },
    { key: 'supervision', title: t('review.supervisionStatus'), width: 100, render: (r) => r.supervisionStatus ?? '-' },
  ];
  return (
    <Card title={t('nav.sections.transactions')} data-testid="page-transactions" extra={<Space><SellerCenterImport kind="transaction_details" onImported={() => synced()} /><SyncButton resource="transaction_details" onSynced={synced} /></Space>}>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="details-complete-through"
        message={completeThrough ? t('review.completeThrough', { day: formatTime(completeThrough - 1, timeZone).slice(0, 10) }) : t('review.notSynced')} />
      <ProductTypeTabs value={filters.productType} onChange={(productType) => set({ productType })} />
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('review.orderId')}>
          <Input allowClear onChange={(e) => set({ orderId: e.target.value })} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item label={t('review.billingPeriod')}>
          <DatePicker picker="month" onChange={(d) => set({ billingPeriod: d?.format('YYYY-MM') })} />
        </Form.Item>
        <Form.Item label={t('review.customerAccount')}>
          <Input allowClear onChange={(e) => set({ customerAccount: e.target.value })} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label={t('review.transactionAt')}>
          <DatePicker.RangePicker
            onChange={(range) => {
              const { from, to } = dayRangeInZone(range?.[0], range?.[1], timeZone);
              set({ transactionFrom: from, transactionTo: to });
            }} />
        </Form.Item>
        <Form.Item label={t('review.billingStatus')}>
          <Select allowClear style={{ width: 110 }} onChange={(v) => set({ billingStatus: v })}
            options={['billed', 'unbilled'].map((s) => ({ value: s, label: t(`review.billingStatuses.${s}`) }))} />
        </Form.Item>
        <Form.Item label={t('review.supervisionStatus')}>
          <Select allowClear style={{ width: 110 }} onChange={(v) => set({ supervisionStatus: v })} options={['不涉及', '进行中', '已完成'].map((s) => ({ value: s, label: s }))} />
        </Form.Item>
      </Form>
      <BigTable testId="details-table" columns={columns} total={total} fetchPage={fetchPage} rowKey={(r) => r.detailId} onRowClick={setOpen} />
      {open && (
        <Drawer open width={560} title={open.detailId} onClose={() => setOpen(null)}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('review.orderId')}>{open.orderId}</Descriptions.Item>
            <Descriptions.Item label={t('review.orderLineId')}>{open.orderLineId ?? '-'}</Descriptions.Item>
            <Descriptions.Item label={t('review.chargingMode')}>{t(`review.chargingModes.${open.chargingMode}`)}</Descriptions.Item>
            <Descriptions.Item label={t('review.amount')}>{formatFen(open.amountFen)}</Descriptions.Item>
            <Descriptions.Item label={t('review.settlementAmount')}>{formatFen(open.settlementAmountFen)}</Descriptions.Item>
            <Descriptions.Item label={t('review.opsFeeRatio')}>{open.opsFeeRatio ?? '-'}</Descriptions.Item>
          </Descriptions>
        </Drawer>
      )}
    </Card>
  );
}
