import { App as AntApp, Button, Descriptions, Drawer, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../electron/core/contract';
import { errorMessage } from '../../app/error-message';
import { formatFen } from '../../app/format-money';
import { formatTime } from '../../app/format-time';
import { useCore } from '../../stores/core-store';

type OrderDetail = MethodOutput<'orders.get'>;
type OrderRow = OrderDetail['order'];

/** One order with its lines; 从云商店刷新 reads it again through the order query API and says what changed. */
export function OrderDrawer({ orderId, onClose, onChanged }: { orderId: string; onClose: () => void; onChanged?: () => void }) {
  const { t } = useTranslation();
  const client = useCore((s) => s.client);
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const [detail, setDetail] = useState<OrderDetail | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const { message } = AntApp.useApp();
  const time = (ms: number | null) => (ms === null ? '-' : formatTime(ms, timeZone));
  useEffect(() => {
    client
      ?.call('orders.get', { orderId })
      .then(setDetail)
      .catch((error: unknown) => setMissing(errorMessage(error)));
  }, [client, orderId]);
  const refresh = async () => {
    setRefreshing(true);
    try {
      const fresh = await client!.call('orders.refresh', { orderId });
      const changes = detail ? changedFields(detail, fresh, t, time) : [];
      void message.success(changes.length ? t('review.refreshedChanges', { changes: changes.join('；') }) : t('review.refreshedSame'));
      setDetail(fresh);
      setMissing(null);
      if (changes.length) onChanged?.();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setRefreshing(false);
    }
  };
  const order = detail?.order;
  return (
    <Drawer
      open
      size="large"
      title={t('review.orderDetail', { orderId })}
      onClose={onClose}
      data-testid="order-drawer"
      extra={
        <Button loading={refreshing} onClick={() => void refresh()} data-testid="order-refresh">
          {t('review.refresh')}
        </Button>
      }
    >
      {missing && <p data-testid="order-missing">{missing}</p>}
      {order && detail && (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('review.orderId')}>{order.orderId}</Descriptions.Item>
            <Descriptions.Item label={t('review.orderType')}>{t(`vocab.orderType.${order.orderType}`, { defaultValue: order.orderType })}</Descriptions.Item>
            <Descriptions.Item label={t('review.status')}>{t(`vocab.orderStatus.${order.status}`)}</Descriptions.Item>
            <Descriptions.Item label={t('review.productType')}>{t(`vocab.productType.${order.productType}`)}</Descriptions.Item>
            <Descriptions.Item label={t('review.productName')} span={2}>
              {order.productName}
            </Descriptions.Item>
            <Descriptions.Item label={t('review.customerName')}>{order.customerName}</Descriptions.Item>
            <Descriptions.Item label={t('review.userName')}>{order.userName}</Descriptions.Item>
            <Descriptions.Item label={t('review.amount')}>{formatFen(order.amountFen)}</Descriptions.Item>
            <Descriptions.Item label={t('review.createdAt')}>{time(order.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('review.paidAt')}>{time(order.paidAt)}</Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="orderLineId"
            pagination={false}
            dataSource={detail.lines}
            style={{ marginTop: 16 }}
            scroll={{ x: 900 }}
            columns={[
              { title: t('review.orderLineId'), dataIndex: 'orderLineId', width: 220 },
              { title: t('review.chargingMode'), dataIndex: 'chargingMode', width: 100, render: (m: string) => t(`vocab.chargingMode.${m}`) },
              {
                title: t('review.period'),
                key: 'period',
                width: 80,
                render: (_: unknown, l) => (l.periodType ? `${l.periodNumber} ${t(`vocab.periodUnit.${l.periodType}`)}` : '-'),
              },
              { title: t('review.expireAt'), dataIndex: 'expireAt', width: 150, render: (ms: number | null) => time(ms) },
              { title: t('review.productName'), dataIndex: 'productName', ellipsis: true },
              { title: t('review.sku'), dataIndex: 'skuCode', ellipsis: true, width: 140 },
              { title: t('review.amount'), dataIndex: 'amountFen', width: 110, align: 'end', render: (fen: number) => formatFen(fen) },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

/** What a refresh changed, field by field, in words ("订单状态：处理中 → 已完成"). */
function changedFields(
  before: OrderDetail,
  after: OrderDetail,
  t: (key: string, values?: Record<string, unknown>) => string,
  time: (ms: number | null) => string,
) {
  const shown: [string, (o: OrderRow) => string][] = [
    ['review.status', (o) => t(`vocab.orderStatus.${o.status}`)],
    ['review.orderType', (o) => t(`vocab.orderType.${o.orderType}`, { defaultValue: o.orderType })],
    ['review.amount', (o) => formatFen(o.amountFen)],
    ['review.paidAt', (o) => time(o.paidAt)],
    ['review.customerName', (o) => o.customerName],
    ['review.productName', (o) => o.productName],
  ];
  const changes = shown
    .filter(([, show]) => show(before.order) !== show(after.order))
    .map(([label, show]) => t('review.changed', { field: t(label), from: show(before.order), to: show(after.order) }));
  if (before.lines.length !== after.lines.length) changes.push(t('review.linesChanged', { from: before.lines.length, to: after.lines.length }));
  return changes;
}
