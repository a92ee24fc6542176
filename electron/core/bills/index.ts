/** 账单管理: bills imported from Seller Center exports, their list and export. */
export { BillsTable, type BillRecord } from './bills-table';
export { BILL_LIST, BILLS_EXPORT } from './bills-list';
export { billHandlers } from './handlers';
