import { parseAmountFen } from '../conventions';
import { CoreError } from '../contract';
import { parseCompactTime, type OrderInfo } from '../koogallery';
import type { Connector } from '../marketplace';
import type { OrderRecord, OrdersTable } from './orders-table';

/**
 * "从云商店刷新": reads one order through KooGallery's order query and updates the cache. The
 * query carries no order status, so a cached order keeps its own; a new one is stored as 已完成.
 * Times are UTC `yyyyMMddHHmmss` [UNCONFIRMED: the docs give no zone; the other API times are UTC].
 */
export async function refreshOrder(orders: OrdersTable, connector: Connector | null, orderId: string, now: number) {
  if (!connector?.capabilities.queryOrder)
    throw new CoreError('UNSUPPORTED', 'The current data source cannot query orders', { reason: 'order.queryUnsupported' });
  const outcome = await connector.api.queryOrder(orderId);
  if (outcome.class !== 'ok') {
    const code = outcome.class === 'permanent' ? 'NOT_FOUND' : 'UNAVAILABLE';
    throw new CoreError(code, `KooGallery could not return order ${orderId}: ${outcome.code ?? outcome.class} ${outcome.message}`, {
      reason: 'order.queryFailed',
      params: { orderId, marketplaceCode: outcome.code ?? '', outcome: outcome.class },
    });
  }
  orders.upsert(fromOrderInfo(outcome.data, now), 'api');
  return orders.withLines(orderId);
}

function fromOrderInfo(info: OrderInfo, now: number): OrderRecord {
  const lines = info.orderLine.map((line) => {
    const product = ((line.productInfo as { productId?: string; productName?: string; skuCode?: string }[] | undefined) ?? [])[0] ?? {};
    return {
      order_line_id: line.orderLineId,
      product_id: product.productId ?? null,
      product_name: product.productName ?? null,
      sku_code: product.skuCode ?? null,
      charging_mode: line.chargingMode,
      period_type: (line.periodType as string | undefined) ?? null,
      period_number: (line.periodNumber as number | undefined) ?? null,
      instance_id: null,
      expire_at: line.expireTime ? kooGalleryTime(line.expireTime) : null,
      amount_fen: parseAmountFen(line.currencyAfterDiscount ?? line.currency ?? 0) ?? 0,
    };
  });
  const buyer = (info.buyerInfo ?? {}) as { customerName?: string; userName?: string | null };
  return {
    order_id: info.orderId,
    order_type: info.orderType,
    status: null,
    product_type: null,
    product_name: lines[0]?.product_name ?? null,
    customer_name: buyer.customerName ?? null,
    user_name: buyer.userName ?? null,
    amount_fen: lines.reduce((sum, l) => sum + l.amount_fen, 0),
    created_at: kooGalleryTime(info.createTime),
    paid_at: null,
    updated_at: now,
    lines,
  };
}

function kooGalleryTime(text: string): number {
  const at = parseCompactTime(text);
  if (at === null)
    throw new CoreError('VALIDATION', `KooGallery sent a time that is not yyyyMMddHHmmss: "${text}"`, { reason: 'order.badTime', params: { text } });
  return at;
}
