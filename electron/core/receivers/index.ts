/** 消息接收管理: receivers per message category and channel, changed here and entered in Seller Center (no API). */
export { ReceiverTables } from './receiver-tables';
export { ReceiverWork } from './receiver-work';
export { receiverListWriters } from './receiver-sync';
export { receiverHandlers } from './handlers';
