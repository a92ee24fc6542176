/** 注册Agents: registrations for the Agents gateway (华北-北京四 only) and the backend checker billing depends on. */
export { agentsChannel } from './agents-channel';
export { AgentsTables } from './agents-tables';
export { AgentsWork } from './agents-work';
export { agentsHandlers } from './handlers';
