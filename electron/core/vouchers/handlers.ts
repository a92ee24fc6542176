import type { HandlersFor, salesToolsContract } from '../contract';
import type { VoucherWork } from './voucher-work';

type VoucherMethods =
  'vouchers.page' | 'vouchers.get' | 'vouchers.products' | 'vouchers.create' | 'vouchers.submit' | 'vouchers.stop' | 'vouchers.recordOutcome';

/** 代金券; `sent` starts sending what an action queued without waiting for it. */
export function voucherHandlers(work: VoucherWork, now: () => number, sent: <T>(result: T) => T): HandlersFor<Pick<typeof salesToolsContract, VoucherMethods>> {
  return {
    'vouchers.page': ({ filters, ...paging }) => work.page({ ...paging, filters: { ...filters, now: now() } }),
    'vouchers.get': ({ voucherId }) => work.detail(voucherId),
    'vouchers.products': ({ category }) => work.products(category),
    'vouchers.create': (input) => sent(work.create(input)),
    'vouchers.submit': ({ voucherId }) => sent(work.submit(voucherId)),
    'vouchers.stop': ({ voucherId }) => sent(work.stop(voucherId)),
    'vouchers.recordOutcome': ({ voucherId, outcome, reason }) => work.recordOutcome(voucherId, outcome, reason ?? null),
  };
}
