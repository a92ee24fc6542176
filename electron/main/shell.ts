import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import type { UpdateState } from '../core/contract';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { AppUpdates, type Updater } from './app-updates';
import { CoreProcess, type ShellLog } from './core-process';
import type { ElectronApi } from './electron-api';
import { createMainWindow } from './main-window';
import { hardenSession, hardenWebContents, isTrustedSender } from './security';
import { createQueueTray } from './tray';

export interface ShellOptions {
  /** dist/ of the built app: electron/, renderer/ and workers/ inside. */
  distDir: string;
  /** resources/ (icons): beside the app when packaged, the repo's otherwise. */
  resourcesDir: string;
  /** electron-updater's autoUpdater, or null when this copy does not update itself (`offReason`). */
  updater: Updater | null;
  offReason?: UpdateState['reason'];
  log: ShellLog;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

/** What the shell started, for tests and the Electron entry. */
export interface Shell {
  readonly started: boolean;
  mainWindow(): BrowserWindow | null;
  core(): CoreProcess | null;
  updates(): UpdateState;
  /** Stops the core cleanly (a batch mid-send finished), then quits. */
  quit(): Promise<void>;
}

/**
 * The Electron main process: one instance, one window on the app's own scheme, the core in a utility
 * process, the tray (the app lives on with the window closed: 话单 must keep flowing), updates, and
 * quitting only after the core has stopped. Thin by design: all behaviour is in the core.
 */
export function startShell(electron: ElectronApi, options: ShellOptions): Shell {
  const { app } = electron;
  const env = options.env ?? process.env;
  let window: BrowserWindow | null = null;
  let core: CoreProcess | null = null;
  let updates: AppUpdates | null = null;
  let quitting: Promise<void> | null = null;
  let stopped = false;
  const offState: UpdateState = { currentVersion: app.getVersion(), state: 'off', reason: options.offReason ?? 'notPackaged' };
  const shell: Shell = {
    started: false,
    mainWindow: () => window,
    core: () => core,
    updates: () => updates?.state ?? offState,
    quit: () => (quitting ??= stopCoreThenQuit()),
  };

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return shell;
  }
  if (env.SELLER_DESK_USER_DATA) app.setPath('userData', env.SELLER_DESK_USER_DATA);
  registerAppScheme(electron);

  const showWindow = () => {
    if (!window || window.isDestroyed()) {
      window = createMainWindow(electron, { preload: path.join(options.distDir, 'electron', 'preload.cjs'), userDataDir: app.getPath('userData') });
      return;
    }
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };

  async function stopCoreThenQuit(): Promise<void> {
    updates?.stop();
    await core?.stop();
    stopped = true;
    if (updates?.state.state === 'ready') updates.install();
    else app.quit();
  }

  app.on('second-instance', showWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => undefined); // the app stays in the tray: usage records keep flowing
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault(); // first the core finishes what it is sending
    void shell.quit();
  });

  app.whenReady().then(
    () => {
      hardenSession(electron.session.defaultSession);
      serveRenderer(electron, path.join(options.distDir, 'renderer'));
      core = new CoreProcess(electron, {
        log: options.log,
        entry: path.join(options.distDir, 'electron', 'core-host.cjs'),
        dataDir: app.getPath('userData'),
        downloadsFolder: app.getPath('downloads'),
        ...(env.SELLER_DESK_NATIVE_BINDING ? { nativeBinding: env.SELLER_DESK_NATIVE_BINDING } : {}),
      });
      const running = core;
      handleWindowRequests(electron, running, shell, options.log);
      const showQueue = createQueueTray(electron, options.resourcesDir, { openWindow: showWindow, quit: () => void shell.quit() }, options.platform);
      running.ready.then(
        () => running.watchQueue(showQueue),
        (error: Error) => {
          electron.dialog.showErrorBox('Seller Desk could not start its core', error.message);
          void shell.quit();
        },
      );
      if (options.updater) {
        updates = new AppUpdates(options.updater, app.getVersion(), (state) => {
          if (window && !window.isDestroyed()) window.webContents.send('app:update', state);
        });
        updates.start();
      }
      showWindow();
    },
    (error: unknown) => options.log.error(error),
  );
  return { ...shell, started: true };
}

/** The window's requests to the main process, each from the app's own top frame only. */
function handleWindowRequests(electron: ElectronApi, core: CoreProcess, shell: Shell, log: ShellLog): void {
  const trusted = (event: IpcMainEvent | IpcMainInvokeEvent, what: string) => {
    if (isTrustedSender(event.senderFrame)) return true;
    log.warn(`${what} refused from an untrusted frame`);
    return false;
  };
  electron.ipcMain.on('core:connect', (event) => {
    if (trusted(event, 'core:connect'))
      core.ready.then(
        () => core.connectRenderer(event.sender),
        () => undefined,
      ); // a core that failed was said at start
  });
  electron.ipcMain.handle('window:printToPdf', async (event, fileName: unknown) => {
    if (!trusted(event, 'window:printToPdf')) throw new Error('printToPdf refused from an untrusted frame');
    return printToPdf(electron, event.sender, typeof fileName === 'string' ? fileName : 'report.pdf');
  });
  electron.ipcMain.handle('app:updates', (event) => {
    if (!trusted(event, 'app:updates')) throw new Error('refused from an untrusted frame');
    return shell.updates();
  });
  electron.ipcMain.handle('app:installUpdate', async (event) => {
    if (!trusted(event, 'app:installUpdate')) throw new Error('refused from an untrusted frame');
    if (shell.updates().state === 'ready') await shell.quit();
  });
}

/** Prints the window (its print stylesheet shows only the report) to a PDF the seller chooses where to save. */
async function printToPdf(electron: ElectronApi, contents: WebContents, fileName: string): Promise<{ saved: string | null }> {
  const pdf = await contents.printToPDF({ pageSize: 'A4', printBackground: true });
  const window = electron.BrowserWindow.fromWebContents(contents);
  const defaultPath = path.join(electron.app.getPath('downloads'), path.basename(fileName));
  const dialogOptions = { defaultPath, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
  const { filePath, canceled } = window ? await electron.dialog.showSaveDialog(window, dialogOptions) : await electron.dialog.showSaveDialog(dialogOptions);
  if (canceled || !filePath) return { saved: null };
  fs.writeFileSync(filePath, pdf);
  electron.shell.showItemInFolder(filePath);
  return { saved: filePath };
}
