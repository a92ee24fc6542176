/** The sandbox's answers, one file per KooGallery API (and the sandbox-only control paths). */
export { control } from './control';
export { licenseCall } from './license';
export { listPage } from './lists';
export { salesToolsRoute } from './sales-tools';
export { supervisionAction } from './supervision';
export { ticketAction } from './tickets';
export { queryOrder } from './order-query';
export { pushUsageNew, pushUsageOld } from './usage-push';
