/** Bulk export (导出) of any table's filtered rows to XLSX or CSV, on a worker thread per export. */
export { ExportService, type ExportServiceOptions } from './export-service';
export { exportHandlers } from './handlers';
