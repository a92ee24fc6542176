import type { ordersContract, HandlersFor } from '../contract';
import type { SqliteDatabase } from '../db';
import { countMatches, readPage } from '../lists';
import type { Connector } from '../marketplace';
import { ORDER_LIST } from './order-list';
import { refreshOrder } from './order-refresh';
import type { OrdersTable } from './orders-table';

export interface OrderHandlerDeps {
  db: SqliteDatabase;
  orders: OrdersTable;
  connector: () => Connector | null;
  now: () => number;
}

export function orderHandlers({ db, orders, connector, now }: OrderHandlerDeps): HandlersFor<typeof ordersContract> {
  return {
    'orders.page': (request) => readPage(db, ORDER_LIST, request),
    'orders.count': ({ filters }) => countMatches(db, ORDER_LIST, filters),
    'orders.get': ({ orderId }) => orders.withLines(orderId),
    'orders.refresh': ({ orderId }) => refreshOrder(orders, connector(), orderId, now()),
  };
}
