/** 客户需求 and 商家优惠 (Private Offer): requirements accepted within 5 days, offers only for 联营 products. */
export { OfferTables } from './offer-tables';
export { OfferWork } from './offer-work';
export { offerListWriters, offerChannels } from './offer-sync';
export { offerTodos } from './offer-todos';
export { offerHandlers } from './handlers';
export { REQUIREMENTS_EXPORT, OFFERS_EXPORT } from './offer-lists';
