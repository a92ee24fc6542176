export { SandboxDataset, type DatasetSize, type PayPerUseInstance } from './dataset';
export { MOCK_ORDER_IDS, mockOrderInfo } from './mock-orders';
export type { SandboxOrder } from './orders';
export { Rng } from './random';
