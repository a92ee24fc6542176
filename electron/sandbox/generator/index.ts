export { SandboxDataset, type DatasetSize, type PayPerUseInstance } from './dataset';
export { MOCK_ORDER_IDS, mockOrderInfo } from './mock-orders';
export { detailsVisibleBefore } from './transaction-details';
export type { SandboxOrder } from './orders';
