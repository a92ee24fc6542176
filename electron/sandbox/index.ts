export { startSandboxServer, type SandboxServer } from './server';
export { DEMO_CREDENTIALS, SandboxState, type SandboxOptions, type SandboxCredentials } from './sandbox-state';
export { faultPlanSchema, parseFaultFlag, type FaultPlan, type FaultKind } from './faults';
