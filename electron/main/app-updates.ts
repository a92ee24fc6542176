import type { UpdateState } from '../core/contract';

/** The parts of electron-updater's `autoUpdater` used here (injected: tests pass a fake). */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'checking-for-update' | 'update-not-available', listener: () => void): unknown;
  on(event: 'update-available' | 'update-downloaded', listener: (info: UpdateInfo) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateInfo {
  version: string;
  releaseNotes?: string | { version: string; note: string | null }[] | null;
  releaseDate?: string;
}

export const UPDATE_CHECK_EVERY_MS = 24 * 3_600_000;

/**
 * Checks for a newer version on start and once a day, downloads it in the background and installs
 * it when the app quits (after the core has finished what it was sending: the shell's quit path).
 * The installer's signature check (publisher on Windows, notarised signature on macOS) is
 * electron-updater's default and is never turned off here.
 */
export class AppUpdates {
  private current: UpdateState;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly updater: Updater,
    currentVersion: string,
    private readonly onChange: (state: UpdateState) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.current = { currentVersion, state: 'idle' };
  }

  get state(): UpdateState {
    return this.current;
  }

  start(): void {
    const u = this.updater;
    u.autoDownload = true;
    u.autoInstallOnAppQuit = true;
    u.on('checking-for-update', () => this.set({ state: 'checking' }));
    u.on('update-not-available', () => this.set({ state: 'none', checkedAt: this.now() }));
    u.on('update-available', (info) => this.set({ state: 'downloading', available: available(info), percent: 0, checkedAt: this.now() }));
    u.on('download-progress', ({ percent }) => this.set({ state: 'downloading', percent: Math.round(percent) }));
    u.on('update-downloaded', (info) => this.set({ state: 'ready', available: available(info), percent: 100 }));
    u.on('error', (error) => this.set({ state: this.current.state === 'ready' ? 'ready' : 'error', error: error.message }));
    void this.check();
    this.timer = setInterval(() => void this.check(), UPDATE_CHECK_EVERY_MS);
    this.timer.unref();
  }

  /** One check (skipped while a download is under way or one is ready to install). */
  async check(): Promise<void> {
    if (this.current.state === 'downloading' || this.current.state === 'ready') return;
    try {
      await this.updater.checkForUpdates();
    } catch (error) {
      this.set({ state: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Installs the downloaded update now; the caller has stopped the core first. */
  install(): void {
    if (this.current.state === 'ready') this.updater.quitAndInstall(false, true);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private set(change: Partial<UpdateState>): void {
    const { error: _previousError, ...rest } = this.current;
    this.current = { ...rest, ...change };
    this.onChange(this.current);
  }
}

/** Release notes as plain text (a generic feed gives a string, or one note per version). */
function available(info: UpdateInfo): NonNullable<UpdateState['available']> {
  const notes = Array.isArray(info.releaseNotes) ? info.releaseNotes.map((n) => `${n.version}\n${n.note ?? ''}`).join('\n\n') : (info.releaseNotes ?? null);
  return { version: info.version, releaseNotes: notes === null ? null : stripTags(notes), releaseDate: info.releaseDate ?? null };
}

function stripTags(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|li|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
