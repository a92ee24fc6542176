export type { CsvOptions, DeflatedPart, ExportColumn, ExportColumnType, TableWriter, XlsxOptions } from './table-writer';
export { createCsvWriter } from './csv-writer';
export { createXlsxWriter } from './xlsx-writer';
/** A worksheet's XML alone, without the compression: the export benchmark times it as a part. */
export { SheetXml } from './sheet-xml';
export { createSheetPartWriter, type SheetPartWriter } from './sheet-part-writer';
