/** 交易明细: the transaction-details cache (one upsert for sync and import), its list and export. */
export { TransactionDetailsTable, DETAIL_FIELDS, type DetailRecord, type DetailSource } from './details-table';
export { DETAIL_LIST, DETAILS_EXPORT } from './details-list';
export { transactionDetailHandlers } from './handlers';
