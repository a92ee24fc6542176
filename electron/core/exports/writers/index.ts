export type { CsvOptions, ExportColumn, ExportColumnType, TableWriter, XlsxOptions } from './table-writer';
export { createCsvWriter } from './csv-writer';
export { createXlsxWriter } from './xlsx-writer';
