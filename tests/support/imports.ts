import { BillsTable } from '../../electron/core/bills';
import { BulkLoads, type SqliteDatabase } from '../../electron/core/db';
import { BULK_LOADED_TOTALS } from '../../electron/core/store-figures';
import { ColumnMappings, SellerCenterImport, type StageTimes } from '../../electron/core/imports';
import { OrdersTable } from '../../electron/core/orders';
import { TransactionDetailsTable } from '../../electron/core/transaction-details';

/**
 * The Seller Center import on a database the test opened itself, as the core wires it except for its
 * bulk loads' end (pass the core's `cacheBulkLoads` for that); `stages` records where its time goes.
 */
export function sellerCenterImport(
  db: SqliteDatabase,
  now: () => number = Date.now,
  stages?: StageTimes,
  bulkLoads = new BulkLoads(db, BULK_LOADED_TOTALS),
): SellerCenterImport {
  const tables = { orders: new OrdersTable(db), details: new TransactionDetailsTable(db), bills: new BillsTable(db) };
  return new SellerCenterImport({ db, tables, mappings: new ColumnMappings(db, now), bulkLoads, now, stages });
}
