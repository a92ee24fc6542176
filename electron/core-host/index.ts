/** The core's Electron host: its entry is utility-process.ts; main talks to it through these messages. */
export type { MainToCoreHost, CoreHostToMain, PlatformOps, PlatformOp, PlatformRequest, PlatformReply } from './protocol';
export { isCoreHostToMain } from './protocol';
export { CORE_V8_FLAGS } from './v8-flags';
