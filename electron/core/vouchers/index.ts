/** 代金券: 满减券 only, for on-sale products (or specs) of one category, 未开始 / 进行中 / 已结束 / 已停止 from the dates. */
export { VoucherTables } from './voucher-tables';
export { VoucherWork } from './voucher-work';
export { voucherListWriters, voucherChannel } from './voucher-sync';
export { voucherTodos } from './voucher-todos';
export { voucherHandlers } from './handlers';
export { VOUCHERS_EXPORT } from './voucher-list';
