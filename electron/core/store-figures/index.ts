/** 云商店订单交易额/订单数: paid orders and transaction details by period, from the day totals the database keeps. */
export { StoreFiguresReader, type ReportContext, type MonthPaidOrders } from './store-figures';
export { storeFiguresHandlers } from './handlers';
export { STORE_FIGURES_EXPORT } from './figures-export';
export { dayRange, rangeParts, twelveMonthsTo, type DayRange, type RangeParts } from './periods';
export { BULK_LOADED_TOTALS, detailTotalsRebuild, orderTotalsRebuild } from './day-totals';
