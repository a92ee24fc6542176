import type { OrderInfo } from '../../core/koogallery';
import { formatCompactTime } from '../../core/koogallery';
import { mockOrderInfo, type SandboxOrder } from '../generator';
import type { SandboxRequest, SandboxResponse } from '../http-kit';
import type { SandboxState } from '../sandbox-state';

/** Order query (§3.1): the nine MOCK orders, and every order the generator made. */
export function queryOrder(state: SandboxState, request: SandboxRequest): SandboxResponse {
  const orderId = request.url.searchParams.get('orderId');
  if (!orderId) return answer(400, 'MKT.0101', 'Invalid parameter: orderId is required');
  const info = mockOrderInfo(orderId) ?? toOrderInfo(state.dataset.findOrder(orderId));
  if (!info) return answer(400, 'MKT.0101', `Invalid parameter: order ${orderId} does not exist`);
  const lineId = request.url.searchParams.get('orderLineId');
  if (lineId && !info.orderLine.some((line) => line.orderLineId === lineId)) {
    return answer(400, 'MKT.0101', `Invalid parameter: order line ${lineId} does not belong to ${orderId}`);
  }
  return { status: 200, body: { resultCode: 'MKT.0000', resultMsg: 'Success', orderInfo: info } };
}

function answer(status: number, resultCode: string, resultMsg: string): SandboxResponse {
  return { status, body: { resultCode, resultMsg } };
}

/** `currency` is sent as yuan with two decimals [UNCONFIRMED: the docs show "100" without units]. */
function toOrderInfo(order: SandboxOrder | null): OrderInfo | null {
  if (!order) return null;
  const yuan = (fen: number) => (fen / 100).toFixed(2);
  return {
    orderId: order.order_id,
    orderType: order.order_type,
    createTime: formatCompactTime(order.created_at),
    orderLine: order.lines.map((line) => ({
      orderLineId: line.order_line_id,
      chargingMode: line.charging_mode,
      periodType: line.period_type,
      periodNumber: line.period_number,
      expireTime: line.expire_at === null ? null : formatCompactTime(line.expire_at),
      productInfo: [{ productId: line.product_id, skuCode: line.sku_code, linearValue: 1, productName: `${line.product_name},${line.sku_name}` }],
      extendParams: line.instance_id ? [{ name: 'instanceId', value: line.instance_id }] : [],
      currency: yuan(line.amount_fen),
      currencyAfterDiscount: yuan(line.amount_fen),
    })),
    buyerInfo: {
      mobilePhone: order.customer.mobile_phone,
      email: null,
      customerId: order.customer.customer_id,
      customerName: order.customer.customer_name,
      customerRealName: order.customer.customer_real_name,
      customerType: 1,
      userId: null,
      userName: order.customer.user_name,
    },
    extendParams: [],
  };
}
