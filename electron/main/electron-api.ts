import type * as Electron from 'electron';

/**
 * The parts of the `electron` module the main process uses. Every main-process module takes them as
 * an argument instead of importing `electron`, so the shell runs under plain Node in tests with a
 * recording fake (tests/support/fake-electron.ts); main.ts passes the real module.
 */
export type ElectronApi = Pick<
  typeof Electron,
  | 'app'
  | 'BrowserWindow'
  | 'dialog'
  | 'ipcMain'
  | 'Menu'
  | 'MessageChannelMain'
  | 'nativeImage'
  | 'Notification'
  | 'protocol'
  | 'safeStorage'
  | 'screen'
  | 'session'
  | 'shell'
  | 'Tray'
  | 'utilityProcess'
>;
