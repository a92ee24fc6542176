/**
 * The one import pipeline for every file a seller brings: one reader (table-file), one header
 * matcher over the alias tables, remembered column mappings, staging, one bad-row shape. Seller
 * Center exports (orders, transaction details, bills) are written here; usage files and the SDR
 * anomaly list are read with the same parts by usage/.
 */
export { openTableFile, openJsonLines, isJsonLines, tableFormat, type TableFile, type TableRow, type JsonLine } from './table-file';
export { detectEncoding, ENCODING_NAMES, type TextEncoding } from './text-decoding';
export { XLSX_LIMITS, type XlsxLimits } from './xlsx-reader';
export { HeaderMatcher, normalizeHeader, type AliasTable } from './header-matching';
export { findHeader, firstRows, mapColumns, rowsBelow, fieldsOf, isDataRow, columnOf, type Header } from './header-rows';
export { ColumnMappings } from './column-mappings';
export { SellerCenterImport } from './seller-center-import';
export { emptiedStagingFolder, type ImportStagingOptions } from './staging';
export { StageTimes, type ImportStage } from './stage-times';
export { DownloadsWatcher } from './downloads-watcher';
export { withUploadedFile } from './uploaded-file';
export { importHandlers } from './handlers';
export type { ImportTables } from './seller-center-files';
