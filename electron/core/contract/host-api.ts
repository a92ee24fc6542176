/**
 * What the desktop app's window can do besides talking to the core (`window.sellerDeskHost`, exposed
 * by electron/preload/preload.ts; absent in browser mode): print to PDF, and the app's updates. Shared
 * by the preload and the renderer, like the contract.
 */
export interface SellerDeskHost {
  printToPdf(fileName: string): Promise<{ saved: string | null }>;
  updates: {
    get(): Promise<UpdateState>;
    subscribe(listener: (state: UpdateState) => void): () => void;
    /** Quits (the core first finishes what it is sending) and installs the downloaded update. */
    installNow(): Promise<void>;
  };
}

/**
 * The app's update, as the window shows it. `off`: this copy does not update itself (not an
 * installed build, or no update feed configured: `reason` says which).
 */
export interface UpdateState {
  currentVersion: string;
  state: 'off' | 'idle' | 'checking' | 'none' | 'downloading' | 'ready' | 'error';
  reason?: 'notPackaged' | 'noFeed';
  /** The newer version being downloaded or ready, with its release notes as plain text. */
  available?: { version: string; releaseNotes: string | null; releaseDate: string | null };
  /** Download progress, 0–100. */
  percent?: number;
  error?: string;
  checkedAt?: number;
}
