import ExcelJS from 'exceljs';
import { BillsTable } from '../../electron/core/bills';
import { BulkLoads, type SqliteDatabase } from '../../electron/core/db';
import { BULK_LOADED_TOTALS } from '../../electron/core/store-figures';
import { ColumnMappings, SellerCenterImport, type StageTimes } from '../../electron/core/imports';
import { OrdersTable } from '../../electron/core/orders';
import { TransactionDetailsTable } from '../../electron/core/transaction-details';

/**
 * The Seller Center import on a database the test opened itself, as the core wires it except for its
 * bulk loads' end (pass the core's `cacheBulkLoads` for that); `stages` records where its time goes.
 */
export function sellerCenterImport(
  db: SqliteDatabase,
  now: () => number = Date.now,
  stages?: StageTimes,
  bulkLoads = new BulkLoads(db, BULK_LOADED_TOTALS),
): SellerCenterImport {
  const tables = { orders: new OrdersTable(db), details: new TransactionDetailsTable(db), bills: new BillsTable(db) };
  return new SellerCenterImport({ db, tables, mappings: new ColumnMappings(db, now), bulkLoads, now, stages });
}

/** An orders export as Seller Center writes it: a title row, a blank row, the header, data, a total row. */
export async function ordersXlsx(file: string, rows: unknown[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('订单列表');
  sheet.addRow(['云商店订单导出 2026-11-24']);
  sheet.addRow([]);
  sheet.addRow(['订单号', '客户名称', '用户名', '商品名称', '订单状态', '订单金额', '创建时间', '计费模式']);
  for (const row of rows) sheet.addRow(row);
  sheet.addRow(['合计', '', '', '', '', '¥9,999.00']);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** Orders as sellers' files hold them: text and Excel serial dates, a blank row, full-width forms. */
export const ORDER_ROWS = [
  ['CS2611240100AAAAA', '杭州星河信息技术有限公司', 'hw10000001', '智云财务管理系统', '已完成', '¥1,234.56', '2026-11-24 09:05:00', '包周期'],
  ['CS2611240200BBBBB', '上海云帆网络科技有限公司', 'hw10000002', 'OCR 文字识别 API', '处理中', 99.5, 46350.5, '按次'], // Excel serial date
  [], // a blank row in the middle
  ['ＣＳ2611240300ＣＣＣＣＣ', '北京致远软件有限公司', 'hw10000003', '数据库审计软件', '待支付', '１，０００.００', '2026/11/24 12:00', '包年/包月'], // full-width
];
