import fs from 'node:fs';
import path from 'node:path';
import { screen, type BrowserWindow, type Rectangle } from 'electron';

interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

const DEFAULT_BOUNDS = { width: 1360, height: 860 };

/** Remembers the main window's position and size between launches (userData/window-state.json). */
export function loadWindowState(userDataDir: string): Partial<Rectangle> & { maximized: boolean } {
  try {
    const state = JSON.parse(fs.readFileSync(stateFile(userDataDir), 'utf8')) as WindowState;
    if (isOnSomeDisplay(state.bounds)) return { ...state.bounds, maximized: state.maximized };
  } catch {
    // first launch or an unreadable file: fall back to the default size
  }
  return { ...DEFAULT_BOUNDS, maximized: false };
}

export function trackWindowState(window: BrowserWindow, userDataDir: string): void {
  const save = () => {
    if (window.isDestroyed() || window.isMinimized()) return;
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    fs.writeFileSync(stateFile(userDataDir), JSON.stringify(state));
  };
  let timer: NodeJS.Timeout | undefined;
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('close', save);
}

function stateFile(userDataDir: string): string {
  return path.join(userDataDir, 'window-state.json');
}

function isOnSomeDisplay(bounds: Rectangle): boolean {
  return screen
    .getAllDisplays()
    .some(({ workArea: a }) => bounds.x < a.x + a.width && bounds.x + bounds.width > a.x && bounds.y < a.y + a.height && bounds.y + bounds.height > a.y);
}
