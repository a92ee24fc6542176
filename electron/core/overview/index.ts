/** 商家总览: the seller, 12 months of figures beside store traffic, and to-dos other capabilities register. */
export { OverviewService, maskKey, type OverviewServiceOptions } from './overview-service';
export { SellerTables } from './seller-tables';
export { overviewListWriters } from './overview-writers';
export { overviewHandlers } from './handlers';
