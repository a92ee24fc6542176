/** Sync: lists pulled page by page from stored cursors, as jobs, on a schedule (T+1 for transaction details). */
export { SyncService, dueResources, type SyncResult, type SyncServiceOptions } from './sync-service';
export { CursorsTable, type CursorState } from './cursors-table';
export { syncHandlers } from './handlers';
export { reviewListWriters, itemWriter, pick, type ReviewTables, type SyncWriters, type ListItem, type PageWriter } from './list-items';
