import type { HandlersFor, salesToolsContract } from '../contract';
import type { OfferWork } from './offer-work';

type OfferMethods =
  | 'requirements.page'
  | 'requirements.get'
  | 'requirements.accept'
  | 'requirements.convert'
  | 'requirements.record'
  | 'offers.page'
  | 'offers.get'
  | 'offers.products'
  | 'offers.create'
  | 'offers.submit'
  | 'offers.withdraw'
  | 'offers.recordOutcome';

/** 客户需求 and 商家优惠; `sent` starts sending what an action queued without waiting for it. */
export function offerHandlers(work: OfferWork, now: () => number, sent: <T>(result: T) => T): HandlersFor<Pick<typeof salesToolsContract, OfferMethods>> {
  return {
    'requirements.page': ({ filters, ...paging }) => work.requirementsPage({ ...paging, filters: { ...filters, now: now() } }),
    'requirements.get': ({ requirementId }) => work.requirementDetail(requirementId),
    'requirements.accept': ({ requirementId }) => sent(work.moveRequirement(requirementId, 'accept')),
    'requirements.convert': ({ requirementId }) => sent(work.moveRequirement(requirementId, 'convert')),
    'requirements.record': (input) => work.record(input),
    'offers.page': ({ filters, ...paging }) => work.offersPage({ ...paging, filters: { ...filters, now: now() } }),
    'offers.get': ({ offerId }) => work.offerDetail(offerId),
    'offers.products': () => work.products(),
    'offers.create': (input) => sent(work.create(input)),
    'offers.submit': ({ offerId }) => sent(work.submit(offerId)),
    'offers.withdraw': ({ offerId }) => sent(work.withdraw(offerId)),
    'offers.recordOutcome': ({ offerId, outcome, reason }) => work.recordOutcome(offerId, outcome, reason ?? null),
  };
}
