/** The sandbox's answers, one file per KooGallery API (and the sandbox-only control paths). */
export { control } from './control';
export { licenseCall } from './license';
export { listPage } from './lists';
export { ticketAction } from './tickets';
export { queryOrder } from './order-query';
export { pushUsageNew, pushUsageOld } from './usage-push';
