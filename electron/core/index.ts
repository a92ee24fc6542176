export { createCore, type Core, type CoreOptions } from './core';
export { createHeadlessPlatform, type Platform } from './platform';
export { createInProcessTransport } from './in-process-transport';
export { connectWire, type WireConnection } from './wire-connection';
