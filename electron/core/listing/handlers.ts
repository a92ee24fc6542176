import type { HandlersFor, listingContract } from '../contract';
import type { ListingWork } from './listing-work';

/** 商品上架检查. */
export function listingHandlers(work: ListingWork): HandlersFor<typeof listingContract> {
  return {
    'listing.matrix': () => work.matrix(),
    'listing.products': ({ kind }) => work.products(kind),
    'listing.get': ({ productId }) => work.detail(productId),
    'listing.tick': (input) => work.tick(input),
    'listing.checkGuide': (input) => work.checkGuide(input),
  };
}
