import { z } from 'zod';
import { method } from './define';
import { fileNameSchema } from './lists.contract';
import { jobIdSchema } from './jobs.contract';
import { billFiltersSchema } from './bills.contract';
import { orderFiltersSchema } from './orders.contract';
import { ticketFiltersSchema } from './tickets.contract';
import { detailFiltersSchema } from './transaction-details.contract';
import { reportPeriodSchema } from './store-figures.contract';
import { usageRecordViewSchema } from './usage.contract';
import { offerFiltersSchema, planFiltersSchema, requirementFiltersSchema, voucherFiltersSchema } from './sales-tools.contract';

export const exportFormatSchema = z.enum(['xlsx', 'csv']);

export const usageRecordExportFiltersSchema = z
  .object({ windowOpensAt: z.number().int().optional(), state: usageRecordViewSchema.shape.state.optional() })
  .strict();

const noFilters = z.object({}).strict().default({});

/** Which table, with the filters its page currently has: the export holds exactly the rows they select. */
export const exportSelectionSchema = z.discriminatedUnion('table', [
  z.object({ table: z.literal('orders'), filters: orderFiltersSchema.default({}) }),
  z.object({ table: z.literal('transaction_details'), filters: detailFiltersSchema.default({}) }),
  z.object({ table: z.literal('bills'), filters: billFiltersSchema.default({}) }),
  z.object({ table: z.literal('tickets'), filters: ticketFiltersSchema.default({}) }),
  z.object({ table: z.literal('usage_records'), filters: usageRecordExportFiltersSchema.default({}) }),
  z.object({ table: z.literal('upload_attempts'), filters: noFilters }),
  z.object({ table: z.literal('usage_windows'), filters: noFilters }),
  z.object({ table: z.literal('store_figures'), filters: z.object({ period: reportPeriodSchema }).strict() }),
  z.object({ table: z.literal('requirements'), filters: requirementFiltersSchema.default({}) }),
  z.object({ table: z.literal('offers'), filters: offerFiltersSchema.default({}) }),
  z.object({ table: z.literal('vouchers'), filters: voucherFiltersSchema.default({}) }),
  /** 商业规划: one row per product, GMV and projects for each year — the file a seller fills in Excel and reads back. */
  z.object({ table: z.literal('business_plans'), filters: planFiltersSchema.default({}) }),
]);
export type ExportSelection = z.infer<typeof exportSelectionSchema>;
export type ExportTableName = ExportSelection['table'];

export const exportResultSchema = z.object({
  fileName: z.string(),
  /** Where the file is on this computer (the export folder). */
  filePath: z.string(),
  format: exportFormatSchema,
  rows: z.number().int(),
  /** XLSX: one sheet per 1,048,575 rows (Excel's limit). */
  sheets: z.number().int(),
  /** Rows the filters select that the export leaves out, and why (orders: only 包周期 and 按次, as Seller Center). */
  leftOut: z.array(z.object({ reason: z.enum(['ON_DEMAND', 'ON_DEMAND_PKG', 'NO_CHARGING_MODE']), rows: z.number().int() })),
});
export type ExportResult = z.infer<typeof exportResultSchema>;

export const exportsContract = {
  'exports.start': method({
    summary:
      "Exports what a table's filters select to XLSX or CSV in the export folder, on a worker thread; progress as events under jobId, cancel with jobs.cancel.",
    input: z
      .object({
        selection: exportSelectionSchema,
        format: exportFormatSchema,
        jobId: jobIdSchema,
        /** A name the seller typed (replaces a file of that name); default: 交易明细_20261123_1530.xlsx, never replacing one. */
        fileName: z.string().trim().min(1).max(200).optional(),
      })
      .strict(),
    output: exportResultSchema,
  }),
  'exports.preview': method({
    summary: 'What an export would write, before it starts: how many rows, which are left out and why, the file name and folder.',
    input: z.object({ selection: exportSelectionSchema, format: exportFormatSchema }).strict(),
    output: z.object({
      rows: z.number().int(),
      leftOut: exportResultSchema.shape.leftOut,
      /** The name the file would get if none is typed (交易明细_20261123_1530.xlsx). */
      fileName: z.string(),
      folder: z.string(),
    }),
  }),
  'exports.showFile': method({
    summary: 'Opens an exported file, or shows it in its folder (desktop app only; browser mode downloads it instead).',
    input: z.object({ fileName: fileNameSchema, how: z.enum(['open', 'reveal']) }).strict(),
    output: z.object({ shown: z.boolean() }),
  }),
};
