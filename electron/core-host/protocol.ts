/**
 * The messages between Electron's main process and the core's utility process (this folder's
 * utility-process.ts). Renderer traffic does not pass here: each window gets its own MessagePort.
 */

/** What main can do for the core (the keychain, the shell), each with its arguments and answer. */
export interface PlatformOps {
  'secret.get': { args: { name: string }; value: string | null };
  'secret.set': { args: { name: string; value: string }; value: null };
  'secret.delete': { args: { name: string }; value: null };
  'file.show': { args: { file: string; how: 'open' | 'reveal' }; value: boolean };
}
export type PlatformOp = keyof PlatformOps;

export type PlatformRequest = { [Op in PlatformOp]: { type: 'platform-request'; id: number; op: Op; args: PlatformOps[Op]['args'] } }[PlatformOp];
export type PlatformReply = { type: 'platform-reply'; id: number; value?: unknown; error?: string };

export type MainToCoreHost =
  | { type: 'start'; dataDir: string; downloadsFolder?: string; nativeBinding?: string }
  /** Carries one MessagePort: a renderer window's (or main's own) connection to the core. */
  | { type: 'renderer-port' }
  /** Quit: finish what is in flight (a 话单 batch being sent), close the database, then answer `stopped`. */
  | { type: 'stop' }
  | PlatformReply;

export type CoreHostToMain =
  { type: 'ready' } | { type: 'failed'; message: string } | { type: 'stopped' } | { type: 'notify'; title: string; body: string } | PlatformRequest;

const MAIN_TO_CORE = new Set(['start', 'renderer-port', 'stop', 'platform-reply']);
const CORE_TO_MAIN = new Set(['ready', 'failed', 'stopped', 'notify', 'platform-request']);

function hasType(value: unknown, types: Set<string>): boolean {
  return typeof value === 'object' && value !== null && types.has(String((value as { type?: unknown }).type));
}

export function isMainToCoreHost(value: unknown): value is MainToCoreHost {
  return hasType(value, MAIN_TO_CORE);
}

export function isCoreHostToMain(value: unknown): value is CoreHostToMain {
  return hasType(value, CORE_TO_MAIN);
}
