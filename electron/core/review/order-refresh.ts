import { CoreError } from '../contract/errors';
import type { SqliteDatabase } from '../db';
import type { Connector } from '../marketplace/connector';
import type { OrderInfo } from '../marketplace/koogallery';
import { parseAmountFen } from '../imports/value-parsers';
import { writeOrderReindexed } from './order-search';
import { orderWithLines } from './orders';

/**
 * "从云商店刷新": reads one order through KooGallery's order query and updates the cache. The
 * query carries no order status, so a cached order keeps its own; a new one is stored as 已完成.
 * Times are UTC `yyyyMMddHHmmss` [UNCONFIRMED: the docs give no zone; the other API times are UTC].
 */
export async function refreshOrder(db: SqliteDatabase, connector: Connector | null, orderId: string, now: number) {
  if (!connector?.capabilities.queryOrder) throw new CoreError('UNSUPPORTED', 'The current data source cannot query orders');
  const outcome = await connector.api.queryOrder(orderId);
  if (outcome.class !== 'ok') {
    const code = outcome.class === 'permanent' ? 'NOT_FOUND' : 'UNAVAILABLE';
    throw new CoreError(code, `KooGallery could not return order ${orderId}: ${outcome.code ?? outcome.class} ${outcome.message}`);
  }
  storeOrderInfo(db, outcome.data, now);
  return orderWithLines(db, orderId);
}

function storeOrderInfo(db: SqliteDatabase, info: OrderInfo, now: number): void {
  const lines = info.orderLine.map((line) => {
    const product = ((line.productInfo as { productId?: string; productName?: string; skuCode?: string }[] | undefined) ?? [])[0] ?? {};
    return {
      order_line_id: line.orderLineId,
      product_id: product.productId ?? '',
      product_name: product.productName ?? '',
      sku_code: product.skuCode ?? null,
      charging_mode: line.chargingMode,
      period_type: (line.periodType as string | undefined) ?? null,
      period_number: (line.periodNumber as number | undefined) ?? null,
      expire_at: line.expireTime ? compactUtc(line.expireTime) : null,
      amount_fen: parseAmountFen(line.currencyAfterDiscount ?? line.currency ?? 0) ?? 0,
    };
  });
  const buyer = (info.buyerInfo ?? {}) as { customerName?: string; userName?: string | null };
  writeOrderReindexed(db, info.orderId, () => {
    db.prepare(
      `INSERT INTO orders (order_id, order_type, status, product_type, product_name, customer_name, user_name, amount_fen, created_at, source, updated_at)
       VALUES (@order_id, @order_type, 'completed', 'general', @product_name, @customer_name, @user_name, @amount_fen, @created_at, 'api', @now)
       ON CONFLICT (order_id) DO UPDATE SET order_type = excluded.order_type, customer_name = excluded.customer_name,
         amount_fen = excluded.amount_fen, updated_at = excluded.updated_at`,
    ).run({
      order_id: info.orderId,
      order_type: info.orderType,
      product_name: lines[0]?.product_name ?? '',
      customer_name: buyer.customerName ?? '',
      user_name: buyer.userName ?? '',
      amount_fen: lines.reduce((sum, l) => sum + l.amount_fen, 0),
      created_at: compactUtc(info.createTime),
      now,
    });
    const upsert = db.prepare(
      `INSERT INTO order_lines (order_line_id, order_id, product_id, product_name, sku_code, charging_mode, period_type, period_number, expire_at, amount_fen, updated_at)
       VALUES (@order_line_id, @order_id, @product_id, @product_name, @sku_code, @charging_mode, @period_type, @period_number, @expire_at, @amount_fen, @now)
       ON CONFLICT (order_line_id) DO UPDATE SET product_id = excluded.product_id, product_name = excluded.product_name, sku_code = excluded.sku_code,
         charging_mode = excluded.charging_mode, period_type = excluded.period_type, period_number = excluded.period_number,
         expire_at = excluded.expire_at, amount_fen = excluded.amount_fen, updated_at = excluded.updated_at`,
    );
    for (const line of lines) upsert.run({ ...line, order_id: info.orderId, now });
  });
}

function compactUtc(text: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) throw new CoreError('VALIDATION', `KooGallery sent a time that is not yyyyMMddHHmmss: "${text}"`);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}
