/** 商品上架检查: the access-type matrix's steps per product, ticked with a day and a note, and the user-guide check. */
export { ListingTables } from './listing-tables';
export { ListingWork, type ListingWorkOptions } from './listing-work';
export { readGuideText, GUIDE_TEXT_TIMEOUT_MS, type GuideTextLimits } from './guide-text';
export { listingHandlers } from './handlers';
