import { App as AntApp, Button, Card, Descriptions, Drawer, Form, Input, Select, Space, Table } from 'antd';
import { memo, useEffect, useState } from 'react';
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
import { errorMessage } from '../../app/error-message';

type Filters = NonNullable<MethodInput<'orders.page'>['filters']>;
type OrderRow = MethodOutput<'orders.page'>['rows'][number];

const STATUS_COLORS = { pending_payment: 'gold', processing: 'blue', cancelled: 'default', completed: 'green' } as const;
const STATUSES = Object.keys(STATUS_COLORS) as (keyof typeof STATUS_COLORS)[];

/** 订单列表: product-type tabs, the Seller Center's filters, Chinese search, and an order drawer. */
export function OrdersPage() {
  const { t } = useTranslation();
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const [filters, set] = useFilters<Filters>();
  const [refresh, setRefresh] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const { total, fetchPage } = useReviewSource('orders.page', 'orders.count', filters, refresh);
  const statusLabels = useLabels('vocab.orderStatus', STATUSES);

  const columns: BigColumn<OrderRow>[] = [
    { key: 'orderId', title: t('review.orderId'), width: 200, render: (r) => r.orderId },
    { key: 'customer', title: t('review.customerName'), width: 220, render: (r) => r.customerName },
    { key: 'user', title: t('review.userName'), width: 120, render: (r) => r.userName },
    { key: 'product', title: t('review.productName'), width: 220, render: (r) => r.productName },
    { key: 'status', title: t('review.status'), width: 100, render: (r) => <CellTag color={STATUS_COLORS[r.status]}>{statusLabels[r.status]}</CellTag> },
    { key: 'amount', title: t('review.amount'), width: 120, render: (r) => formatFen(r.amountFen) },
    { key: 'created', title: t('review.createdAt'), width: 150, render: (r) => formatTime(r.createdAt, timeZone) },
  ];
  return (
    <Card
      title={t('nav.sections.orders')}
      data-testid="page-orders"
      extra={
        <Space>
          <ExportButton selection={{ table: 'orders', filters }} testId="export-orders" />
          <SellerCenterImport kind="orders" onImported={() => setRefresh((n) => n + 1)} />
          <SyncButton resource="orders" onSynced={() => setRefresh((n) => n + 1)} />
        </Space>
      }
    >
      <ProductTypeTabs value={filters.productType} onChange={set} />
      <OrderFilterForm onChange={set} />
      <BigTable testId="orders-table" columns={columns} total={total} fetchPage={fetchPage} onRowClick={(r) => setOpen(r.orderId)} />
      {open && <OrderDrawer orderId={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}

/** The filters above the table; memoized, so it does not re-render when the table does. */
const OrderFilterForm = memo(function OrderFilterForm({ onChange }: { onChange: (changes: Partial<Filters>) => void }) {
  const { t } = useTranslation();
  const statusLabels = useLabels('vocab.orderStatus', STATUSES);
  return (
    <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
      <Form.Item label={t('review.search')}>
        <Input.Search
          allowClear
          placeholder={t('review.searchPlaceholder')}
          onSearch={(v) => onChange({ search: v })}
          data-testid="orders-search"
          style={{ width: 240 }}
        />
      </Form.Item>
      <Form.Item label={t('review.orderId')}>
        <Input allowClear onChange={(e) => onChange({ orderId: e.target.value })} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item label={t('review.status')}>
        <Select
          allowClear
          style={{ width: 120 }}
          onChange={(v) => onChange({ status: v })}
          data-testid="orders-status"
          options={STATUSES.map((s) => ({ value: s, label: statusLabels[s] }))}
        />
      </Form.Item>
      <Form.Item label={t('review.createdAt')}>
        <DayRangeFilter testId="orders-created" onChange={(createdFrom, createdTo) => onChange({ createdFrom, createdTo })} />
      </Form.Item>
    </Form>
  );
});

function OrderDrawer({ orderId, onClose }: { orderId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useCore((s) => s.client);
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const [detail, setDetail] = useState<MethodOutput<'orders.get'> | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const { message } = AntApp.useApp();
  useEffect(() => {
    void client?.call('orders.get', { orderId }).then(setDetail);
  }, [client, orderId]);
  const refresh = async () => {
    setRefreshing(true);
    try {
      setDetail(await client!.call('orders.refresh', { orderId }));
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setRefreshing(false);
    }
  };
  return (
    <Drawer
      open
      width={760}
      title={t('review.orderDetail', { orderId })}
      onClose={onClose}
      data-testid="order-drawer"
      extra={
        <Button loading={refreshing} onClick={() => void refresh()} data-testid="order-refresh">
          {t('review.refresh')}
        </Button>
      }
    >
      {detail && (
        <>
          <Descriptions column={2} size="small">
            <Descriptions.Item label={t('review.customerName')}>{detail.order.customerName}</Descriptions.Item>
            <Descriptions.Item label={t('review.userName')}>{detail.order.userName}</Descriptions.Item>
            <Descriptions.Item label={t('review.status')}>{t(`vocab.orderStatus.${detail.order.status}`)}</Descriptions.Item>
            <Descriptions.Item label={t('review.amount')}>{formatFen(detail.order.amountFen)}</Descriptions.Item>
            <Descriptions.Item label={t('review.createdAt')}>{formatTime(detail.order.createdAt, timeZone)}</Descriptions.Item>
            <Descriptions.Item label={t('review.orderType')}>{detail.order.orderType}</Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="orderLineId"
            pagination={false}
            dataSource={detail.lines}
            style={{ marginTop: 16 }}
            columns={[
              { title: t('review.orderLineId'), dataIndex: 'orderLineId' },
              { title: t('review.chargingMode'), dataIndex: 'chargingMode', render: (m: string) => t(`vocab.chargingMode.${m}`) },
              {
                title: t('review.period'),
                key: 'period',
                render: (_: unknown, l) => (l.periodType ? `${l.periodNumber} ${t(`vocab.periodUnit.${l.periodType}`)}` : '-'),
              },
              { title: t('review.expireAt'), dataIndex: 'expireAt', render: (ms: number | null) => (ms ? formatTime(ms, timeZone) : '-') },
              { title: t('review.productName'), dataIndex: 'productName' },
              { title: 'SKU', dataIndex: 'skuCode', ellipsis: true },
              { title: t('review.amount'), dataIndex: 'amountFen', render: (fen: number) => formatFen(fen) },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
