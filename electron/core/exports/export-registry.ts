import type { ExportSelection, ExportTableName } from '../contract';
import { BILLS_EXPORT } from '../bills';
import type { ExportTable } from '../lists';
import { OFFERS_EXPORT, REQUIREMENTS_EXPORT } from '../offers';
import { ORDERS_EXPORT } from '../orders';
import { PLANS_EXPORT } from '../planning';
import { STORE_FIGURES_EXPORT } from '../store-figures';
import { TICKETS_EXPORT } from '../tickets';
import { DETAILS_EXPORT } from '../transaction-details';
import { UPLOAD_ATTEMPTS_EXPORT, USAGE_RECORDS_EXPORT, USAGE_WINDOWS_EXPORT } from '../usage';
import { VOUCHERS_EXPORT } from '../vouchers';

/** Every exportable table, each declared by its capability next to its list, taking its own page's filters. */
export const EXPORT_TABLES: { [T in ExportTableName]: ExportTable<Extract<ExportSelection, { table: T }>['filters']> } = {
  orders: ORDERS_EXPORT,
  transaction_details: DETAILS_EXPORT,
  bills: BILLS_EXPORT,
  tickets: TICKETS_EXPORT,
  usage_records: USAGE_RECORDS_EXPORT,
  upload_attempts: UPLOAD_ATTEMPTS_EXPORT,
  usage_windows: USAGE_WINDOWS_EXPORT,
  store_figures: STORE_FIGURES_EXPORT,
  // these lists judge states at the export's time: the service adds it to the filters (`now`)
  requirements: REQUIREMENTS_EXPORT as ExportTable<Extract<ExportSelection, { table: 'requirements' }>['filters']>,
  offers: OFFERS_EXPORT as ExportTable<Extract<ExportSelection, { table: 'offers' }>['filters']>,
  vouchers: VOUCHERS_EXPORT as ExportTable<Extract<ExportSelection, { table: 'vouchers' }>['filters']>,
  business_plans: PLANS_EXPORT,
};
