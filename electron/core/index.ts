/** The core's public surface for hosts (Electron's utility process, browser mode, tests). */
export { createCore, type Core, type CoreOptions, type CoreHostApi } from './core';
export { createInProcessTransport } from './in-process-transport';
export { connectWire, type WireConnection } from './wire-connection';
export { createHeadlessPlatform, CONTENT_SECURITY_POLICY, rendererContentType, rendererFilePath, type Platform, type SecretStore } from './platform';
export { systemClock, clockFromEnvironment, type Clock } from './jobs';
export type { SandboxMode, EmbeddedSandbox } from './marketplace';
