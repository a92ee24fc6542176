import type { BrowserWindow, WebPreferences } from 'electron';
import { RENDERER_URL } from './app-protocol';
import type { ElectronApi } from './electron-api';
import { hardenWebContents } from './security';
import { loadWindowState, trackWindowState } from './window-state';

/**
 * The window's web preferences, all stated: an isolated, sandboxed renderer without Node, webviews,
 * insecure content or middle-click windows (Auxclick); its only bridge is the preload's typed client.
 */
export function mainWindowPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    disableBlinkFeatures: 'Auxclick',
    safeDialogs: true,
    spellcheck: false,
  };
}

export interface MainWindowOptions {
  preload: string;
  userDataDir: string;
}

/** The seller's window, where it was last (if that display still exists), loading the app's page. */
export function createMainWindow(electron: Pick<ElectronApi, 'BrowserWindow' | 'screen'>, options: MainWindowOptions): BrowserWindow {
  const state = loadWindowState(electron.screen, options.userDataDir);
  const window = new electron.BrowserWindow({
    ...state.bounds,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: '华为云云商店 · 商家工作台',
    webPreferences: mainWindowPreferences(options.preload),
  });
  hardenWebContents(window.webContents);
  trackWindowState(window, options.userDataDir);
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  void window.loadURL(RENDERER_URL);
  return window;
}
