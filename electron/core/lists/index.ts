/** The lists behind every page and export: keyset pages, remembered counts, and what a table exports. */
export { readPage, countMatches, countSql, joinConditions, equals, between, startsWith, pageSql, COUNT_CAP, type Condition, type PageKey, type ReviewList, type PageRequest } from './keyset';
export { textField, amountField, integerField, dateField, reviewListExport, countRows, labelled, type ExportTable, type ExportField, type ExportColumn, type ExportColumnType, type LeftOut, type Query } from './export-table';
