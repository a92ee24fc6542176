export { startSandboxServer, type SandboxServer, type SandboxOptions } from './server';
