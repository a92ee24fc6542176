/** 服务监管: flows synced or started here, seller actions checked and queued, License activation, proof files, deadlines. */
export { SupervisionTables, FLOW_FIELDS, type FlowRecord } from './supervision-tables';
export { SupervisionWork } from './supervision-work';
export { SupervisionSender } from './action-sender';
export { ProofFiles } from './proof-files';
export { supervisionListWriters } from './supervision-writers';
export { supervisionTodos } from './supervision-todos';
export { supervisionHandlers, SUPERVISION_FLUSH_JOB } from './handlers';
