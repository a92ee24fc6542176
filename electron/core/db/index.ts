import type BetterSqlite3 from 'better-sqlite3';

export { openDatabase, openScratchDatabase, openWorkerConnection, writeRefetchable, DATABASE_FILE_NAME, type OpenDatabaseOptions } from './open';
export { workerUrl, type WorkerName } from './worker-url';
export { startCheckpoints, type Checkpoints } from './checkpoints';
export { schemaVersion, latestVersion, runMigrations, type Migration } from './migration';
export { migrations } from './migrations';
export { BulkLoads, type BulkLoadOptions, type DerivedRebuild, type SnapshotQuery } from './bulk-load';
export { copyTable, withoutForeignKeys } from './copy-table';
export { insertElseUpsert, multiRowInsert, positionalStatement, type PositionalStatement } from './positional';
export type SqliteDatabase = BetterSqlite3.Database;
