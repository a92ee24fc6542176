import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Rectangle, Screen } from 'electron';

interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1360, height: 860 };

/**
 * Where the main window was last (userData/window-state.json) when that place is still on a display;
 * otherwise (a monitor unplugged, a first launch, an unreadable file) the default size, centred.
 */
export function loadWindowState(screen: Pick<Screen, 'getAllDisplays'>, userDataDir: string): { bounds: Partial<Rectangle>; maximized: boolean } {
  try {
    const state = JSON.parse(fs.readFileSync(stateFile(userDataDir), 'utf8')) as WindowState;
    if (isOnSomeDisplay(screen, state.bounds)) return { bounds: state.bounds, maximized: state.maximized };
  } catch {
    // first launch or an unreadable file: the default size
  }
  return { bounds: { ...DEFAULT_WINDOW_SIZE }, maximized: false };
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
  window.on('close', () => {
    clearTimeout(timer);
    save();
  });
}

function stateFile(userDataDir: string): string {
  return path.join(userDataDir, 'window-state.json');
}

/** At least a 100×50 corner of the window (its title bar, to drag it) lies on some display's work area. */
function isOnSomeDisplay(screen: Pick<Screen, 'getAllDisplays'>, bounds: Rectangle): boolean {
  const visible = (a: Rectangle) =>
    Math.min(bounds.x + bounds.width, a.x + a.width) - Math.max(bounds.x, a.x) >= 100 &&
    Math.min(bounds.y + 50, a.y + a.height) - Math.max(bounds.y, a.y) >= 50;
  return screen.getAllDisplays().some(({ workArea }) => visible(workArea));
}
