import { BillsTable } from '../../electron/core/bills';
import type { SqliteDatabase } from '../../electron/core/db';
import { ColumnMappings, SellerCenterImport } from '../../electron/core/imports';
import { OrdersTable } from '../../electron/core/orders';
import { TransactionDetailsTable } from '../../electron/core/transaction-details';

/** The Seller Center import on a database the test opened itself (as the core wires it). */
export function sellerCenterImport(db: SqliteDatabase, now: () => number = Date.now): SellerCenterImport {
  const tables = { orders: new OrdersTable(db), details: new TransactionDetailsTable(db), bills: new BillsTable(db) };
  return new SellerCenterImport({ db, tables, mappings: new ColumnMappings(db, now), now });
}
