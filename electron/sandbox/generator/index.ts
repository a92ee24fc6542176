export { SandboxDataset, type DatasetSize, type PayPerUseInstance } from './dataset';
export { MOCK_ORDER_IDS, mockOrderInfo } from './mock-orders';
export type { SandboxOrder } from './orders';
export { Rng } from './random';
export { STORE_TRAFFIC_MONTHS, type SellerProfile, type StoreTrafficMonth } from './store';
export {
  isLicenseFlow,
  type CustomerRequirement,
  type Offer,
  type PlanningItem,
  type PlanningYear,
  type ProofFile,
  type SupervisionFlow,
  type Voucher,
  type VoucherScope,
} from './seller-ops';
export type { SandboxProduct, SandboxSku } from './catalog';
