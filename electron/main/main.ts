import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, shell } from 'electron';
import log from 'electron-log/main';
import { CoreProcess } from './core-process';
import { hardenSession, hardenWebContents, isTrustedSender } from './security';
import { createQueueTray, resourcesDir } from './tray';
import { loadWindowState, trackWindowState } from './window-state';

/** Thin by design: windows, platform services and the core's process. All behaviour is in the core. */
const distDir = path.resolve(__dirname, '..');
const rendererIndex = path.join(distDir, 'renderer', 'index.html');
let mainWindow: BrowserWindow | null = null;
let core: CoreProcess | null = null;

function createWindow(): BrowserWindow {
  const state = loadWindowState(app.getPath('userData'));
  const window = new BrowserWindow({
    ...state,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: '华为云云商店 · 商家工作台',
    webPreferences: {
      preload: path.join(distDir, 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  hardenWebContents(window.webContents);
  trackWindowState(window, app.getPath('userData'));
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  void window.loadFile(rendererIndex);
  return window;
}

/** Prints the window (its print stylesheet shows only the report) to a PDF the seller chooses where to save. */
async function printToPdf(contents: Electron.WebContents, fileName: string): Promise<{ saved: string | null }> {
  const pdf = await contents.printToPDF({ pageSize: 'A4', printBackground: true });
  const window = BrowserWindow.fromWebContents(contents);
  const options = { defaultPath: path.join(app.getPath('downloads'), path.basename(fileName)), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
  const { filePath, canceled } = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (canceled || !filePath) return { saved: null };
  fs.writeFileSync(filePath, pdf);
  shell.showItemInFolder(filePath);
  return { saved: filePath };
}

function focusExistingWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  log.initialize();
  hardenSession();
  core = new CoreProcess({
    entry: path.join(distDir, 'electron', 'core-host.cjs'),
    dataDir: app.getPath('userData'),
    downloadsFolder: app.getPath('downloads'),
    ...(process.env.SELLER_DESK_NATIVE_BINDING ? { nativeBinding: process.env.SELLER_DESK_NATIVE_BINDING } : {}),
  });
  ipcMain.on('core:connect', (event) => {
    if (!isTrustedSender(event.senderFrame, rendererIndex)) {
      log.warn('core:connect refused from an untrusted frame');
      return;
    }
    void core?.ready.then(() => core?.connectRenderer(event.sender));
  });
  ipcMain.handle('window:printToPdf', async (event, fileName: string) => {
    if (!isTrustedSender(event.senderFrame, rendererIndex)) throw new Error('printToPdf refused from an untrusted frame');
    return printToPdf(event.sender, fileName);
  });
  const showQueue = createQueueTray(resourcesDir(distDir), focusExistingWindow);
  void core.ready.then(() => core?.watchQueue(showQueue));
  core.ready.catch((error: Error) => {
    dialog.showErrorBox('Seller Desk could not start its core', error.message);
    app.quit();
  });
  mainWindow = createWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  if (process.env.SELLER_DESK_USER_DATA) app.setPath('userData', process.env.SELLER_DESK_USER_DATA);
  app.on('second-instance', focusExistingWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  // usage records must keep flowing with the window closed: the app stays in the tray
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => core?.stop());
  app.whenReady().then(start, (error: unknown) => log.error(error));
}
