/** 订单列表: the orders cache (one upsert for sync, import and 刷新), its list, search and export. */
export {
  OrdersTable,
  ORDER_FIELDS,
  ORDER_LINE_FIELDS,
  type OrderRecord,
  type OrderLineRecord,
  type OrderSource,
  type OrderRow,
  type OrderLine,
} from './orders-table';
export { ORDER_LIST, ORDERS_EXPORT } from './order-list';
export { orderHandlers } from './handlers';
