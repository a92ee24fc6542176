import { parentPort, workerData } from 'node:worker_threads';
import { BillsTable } from '../bills';
import { openScratchDatabase, type SqliteDatabase } from '../db';
import { OrdersTable } from '../orders';
import { TransactionDetailsTable } from '../transaction-details';
import { RecordShape, type RecordShapeJson } from './record-shape';
import { SELLER_CENTER_FILES, type SellerCenterFileKindName } from './seller-center-files';

export interface StagingWorkerData {
  /** The scratch database (created empty, readable by this user only). */
  file: string;
  kind: SellerCenterFileKindName;
  /** The import's time, as the cache's own writer would be given it. */
  now: number;
  /** Also write the rows into the scratch's cache tables (the cache's tables were empty). */
  rowsToo: boolean;
  nativeBinding?: string;
}

/** A batch of records per message, as one JSON array of their values in the shape's field order (RecordShape); `end` once the file is read. */
export type StagingRequest = StagedBatch | { type: 'end' };
type StagedBatch = { type: 'records'; batch: string; shape: RecordShapeJson };
export type StagingAnswer = { type: 'taken' } | { type: 'written' } | { type: 'error'; message: string };

/** Where the scratch keeps every record as it came (a batch a row), for a replay through the cache's own writer. */
export const STAGED_RECORDS = 'staged_records';

if (parentPort) serve(workerData as StagingWorkerData);

/**
 * Writes one import's records into its scratch database while the import reads on: each record as
 * it came, and with `rowsToo` also as rows of the cache's tables, through the cache's own writer, so
 * duplicates within the file end as they would in the cache. One transaction, committed at `end`.
 */
function serve({ file, kind, now, rowsToo, nativeBinding }: StagingWorkerData): void {
  const port = parentPort!;
  let db: SqliteDatabase | null = null;
  let take: ((request: StagedBatch) => void) | null = null;
  port.on('message', (request: StagingRequest) => {
    try {
      if (!db) {
        db = openScratchDatabase(file, { nativeBinding });
        take = recordTaker(db, kind, now, rowsToo);
        db.exec('BEGIN');
      }
      if (request.type === 'records') {
        take!(request);
        port.postMessage({ type: 'taken' } satisfies StagingAnswer);
      } else {
        db.exec('COMMIT');
        db.close();
        port.postMessage({ type: 'written' } satisfies StagingAnswer);
        port.close();
      }
    } catch (error) {
      port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies StagingAnswer);
      db?.close();
      port.close();
    }
  });
}

/** Keeps each batch as one row (one insert per batch, not per record) and, with `rowsToo`, writes its records (a batch to the writer). */
function recordTaker(db: SqliteDatabase, kind: SellerCenterFileKindName, now: number, rowsToo: boolean): (request: StagedBatch) => void {
  db.exec(`CREATE TABLE ${STAGED_RECORDS} (batch TEXT NOT NULL)`);
  const keep = db.prepare(`INSERT INTO ${STAGED_RECORDS} (batch) VALUES (?)`);
  if (!rowsToo) return ({ batch }) => void keep.run(batch);
  const tables = { orders: new OrdersTable(db), details: new TransactionDetailsTable(db), bills: new BillsTable(db) };
  const writer = SELLER_CENTER_FILES[kind].writer(tables, now, true);
  return ({ batch, shape }) => {
    keep.run(batch);
    writer.write(new RecordShape(shape).recordsIn(JSON.parse(batch) as unknown[]));
  };
}
