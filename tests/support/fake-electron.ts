import { EventEmitter } from 'node:events';
import type { ElectronApi } from '../../electron/main/electron-api';

/**
 * A recording stand-in for the `electron` module, for running the main process (electron/main) under
 * Node: every window, handler, menu and message the shell creates is kept here for the test to read
 * or fire. It models what the shell relies on, not Electron as a whole.
 */

/** An event the shell may cancel (will-navigate, before-quit …). */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly posted: { channel: string; ports: unknown[] }[] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  postMessage(channel: string, _message: unknown, ports: unknown[] = []): void {
    this.posted.push({ channel, ports });
  }
  /** Fires a cancellable event and says whether the shell cancelled it. */
  fire(name: string, ...args: unknown[]): boolean {
    const event = new FakeEvent();
    this.emit(name, event, ...args);
    return event.defaultPrevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  visible = false;
  focused = false;
  minimized = false;
  maximized = false;
  destroyed = false;
  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    FakeBrowserWindow.all.push(this);
  }
  static fromWebContents(contents: FakeWebContents): FakeBrowserWindow | null {
    return FakeBrowserWindow.all.find((w) => w.webContents === contents) ?? null;
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focused = true;
  }
  restore(): void {
    this.minimized = false;
  }
  minimize(): void {
    this.minimized = true;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds() {
    const { x = 0, y = 0, width = 0, height = 0 } = this.options as { x?: number; y?: number; width?: number; height?: number };
    return { x, y, width, height };
  }
  /** The seller closes the window: it is gone, the app decides whether to live on. */
  close(): void {
    this.emit('close', new FakeEvent());
    this.destroyed = true;
    this.emit('closed');
  }
}

export class FakeTray extends EventEmitter {
  static readonly all: FakeTray[] = [];
  tooltip = '';
  title = '';
  menu: { items: { label?: string; type?: string; click?: () => void }[] } | null = null;
  constructor(readonly image: unknown) {
    super();
    FakeTray.all.push(this);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setTitle(text: string): void {
    this.title = text;
  }
  setContextMenu(menu: FakeTray['menu']): void {
    this.menu = menu;
  }
}

/** One end of a MessageChannelMain: what is posted arrives at the other end. */
export class FakePort extends EventEmitter {
  other: FakePort | null = null;
  readonly received: unknown[] = [];
  postMessage(data: unknown): void {
    this.other?.received.push(data);
    this.other?.emit('message', { data });
  }
  start(): void {}
  close(): void {}
}

export class FakeMessageChannel {
  readonly port1 = new FakePort();
  readonly port2 = new FakePort();
  constructor() {
    this.port1.other = this.port2;
    this.port2.other = this.port1;
  }
}

/** How the fake core process answers: ready at once, and on `stop` exit after `stopTakesMs` (Infinity: never). */
export interface FakeCoreBehaviour {
  start: 'ready' | { failed: string };
  stopTakesMs: number;
}

export class FakeUtilityProcess extends EventEmitter {
  readonly messages: unknown[] = [];
  readonly ports: FakePort[] = [];
  killed = false;
  exited = false;
  constructor(
    readonly entry: string,
    private readonly behaviour: FakeCoreBehaviour,
    /** The flags the process's runtime was given (utilityProcess.fork's execArgv). */
    readonly execArgv: readonly string[] = [],
  ) {
    super();
  }
  postMessage(message: { type: string }, transfer: FakePort[] = []): void {
    this.messages.push(message);
    this.ports.push(...transfer);
    if (message.type === 'start') {
      const start = this.behaviour.start;
      setImmediate(() => this.emit('message', start === 'ready' ? { type: 'ready' } : { type: 'failed', message: start.failed }));
    }
    if (message.type === 'stop' && Number.isFinite(this.behaviour.stopTakesMs)) {
      setTimeout(() => this.exit(0), this.behaviour.stopTakesMs);
    }
  }
  kill(): boolean {
    this.killed = true;
    this.exit(null);
    return true;
  }
  /** Sends a core event to every connected client (the tray's, the windows'). */
  broadcast(event: unknown): void {
    for (const port of this.ports) port.postMessage({ kind: 'event', event });
  }
  private exit(code: number | null): void {
    if (this.exited) return;
    this.exited = true;
    this.emit('exit', code);
  }
}

export interface FakeElectronOptions {
  /** false: another instance holds the lock. */
  singleInstance?: boolean;
  displays?: { workArea: { x: number; y: number; width: number; height: number } }[];
  core?: Partial<FakeCoreBehaviour>;
  userData: string;
  version?: string;
}

type Handler = (...args: never[]) => unknown;

/** A fresh fake `electron` module and what it recorded. */
export function fakeElectron(options: FakeElectronOptions) {
  FakeBrowserWindow.all.length = 0;
  FakeTray.all.length = 0;
  const calls: string[] = [];
  const paths: Record<string, string> = { userData: options.userData, downloads: options.userData };
  const ipcOn = new Map<string, Handler>();
  const ipcHandle = new Map<string, Handler>();
  const processes: FakeUtilityProcess[] = [];
  const schemes: unknown[] = [];
  const protocolHandlers = new Map<string, (request: { url: string }) => Promise<Response>>();
  const permission = { request: null as Handler | null, check: null as Handler | null };
  const notifications: { title: string; body: string }[] = [];
  const errorBoxes: string[] = [];
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    quitCount: 0,
    ended: false,
    requestSingleInstanceLock: () => options.singleInstance ?? true,
    getVersion: () => options.version ?? '1.2.3',
    getPath: (name: string) => paths[name] ?? options.userData,
    setPath: (name: string, value: string) => void (paths[name] = value),
    whenReady: () => Promise.resolve(),
    /** As Electron's: before-quit (cancellable), then the app ends unless it was cancelled. */
    quit() {
      app.quitCount++;
      calls.push('app.quit');
      const event = new FakeEvent();
      app.emit('before-quit', event);
      if (!event.defaultPrevented) app.ended = true;
    },
  });
  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    Tray: FakeTray,
    MessageChannelMain: FakeMessageChannel,
    Menu: { buildFromTemplate: (items: unknown[]) => ({ items }) },
    nativeImage: { createFromPath: (file: string) => ({ file }) },
    Notification: class {
      constructor(private readonly note: { title: string; body: string }) {}
      show() {
        notifications.push(this.note);
      }
    },
    screen: { getAllDisplays: () => options.displays ?? [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Handler) => void (permission.request = handler),
        setPermissionCheckHandler: (handler: Handler) => void (permission.check = handler),
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (list: unknown[]) => void schemes.push(...list),
      handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) => void protocolHandlers.set(scheme, handler),
    },
    ipcMain: {
      on: (channel: string, handler: Handler) => void ipcOn.set(channel, handler),
      handle: (channel: string, handler: Handler) => void ipcHandle.set(channel, handler),
    },
    dialog: {
      showErrorBox: (title: string, text: string) => void errorBoxes.push(`${title}: ${text}`),
      showSaveDialog: () => Promise.resolve({ canceled: true, filePath: undefined }),
    },
    shell: { showItemInFolder: () => undefined, openPath: () => Promise.resolve('') },
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (text: string) => Buffer.from(`enc:${text}`),
      decryptString: (data: Buffer) => data.toString().slice(4),
    },
    utilityProcess: {
      fork: (entry: string, _args: string[], forkOptions: { execArgv?: string[] } = {}) => {
        const child = new FakeUtilityProcess(entry, { start: 'ready', stopTakesMs: 50, ...options.core }, forkOptions.execArgv);
        processes.push(child);
        return child;
      },
    },
  };
  return {
    electron: electron as unknown as ElectronApi,
    app,
    calls,
    ipcOn,
    ipcHandle,
    processes,
    schemes,
    protocolHandlers,
    permission,
    notifications,
    errorBoxes,
    windows: FakeBrowserWindow.all,
    trays: FakeTray.all,
  };
}
