export { startSandboxServer, type SandboxServer } from './server';
export { DEMO_CREDENTIALS, SandboxState, type SandboxOptions, type SandboxCredentials, type SupervisionActionReceived } from './sandbox-state';
export { faultPlanSchema, parseFaultFlag, type FaultPlan, type FaultKind } from './faults';
export { SANDBOX_SELLER_ACTIONS, type SandboxSellerAction } from './supervision';
export { SANDBOX_ANSWER_DELAY_MS } from './seller-actions';
export {
  OFFER_LOW_DISCOUNT_REASON,
  OFFER_MIN_DISCOUNT_RATE,
  PLANNING_ZERO_GMV_REASON,
  VOUCHER_TYPE_MESSAGE,
  type SalesActionReceived,
  type SalesKind,
} from './sales-tools';
