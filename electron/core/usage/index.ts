/** 话单管理: usage records captured offline and pushed inside KooGallery's reporting windows. */
export { UsageService, USAGE_FLUSH_JOB, type UsageServiceOptions } from './usage-service';
export { UsageStore, DUE_SOON_MS, type OutboxRecord } from './usage-store';
export { USAGE_RECORDS_EXPORT, UPLOAD_ATTEMPTS_EXPORT, USAGE_WINDOWS_EXPORT } from './usage-exports';
export { usageHandlers } from './handlers';
export { usageTodos } from './usage-todos';
export { captureRows, type CaptureResult } from './capture';
export { validateUsageRow, meteringSnFor, identityKey, type ValidUsageRecord } from './usage-validation';
export { openUsageFile, type NumberedRow, type UsageFile } from './usage-files';
export { retryDelayMs } from './backoff';
export type { FlushReport } from './flusher';
