import { create } from 'zustand';
import type { AppInfo, AppStatus, CoreClient, CoreEvent, Settings } from '../../electron/core/contract';
import { errorMessage } from '../app/error-message';

type Notice = Extract<CoreEvent, { type: 'notice' }>;

interface CoreState {
  client: CoreClient | null;
  status: AppStatus | null;
  settings: Settings | null;
  info: AppInfo | null;
  /** Set when the core cannot be reached (e.g. browser-mode token expired). */
  connectionError: string | null;
  notices: Notice[];
  connect(client: CoreClient): Promise<void>;
  refreshStatus(): Promise<void>;
  updateSettings(changes: Partial<Settings>): Promise<void>;
  dismissNotice(index: number): void;
}

/** What the UI knows about the core: status bar values, settings and app info — all read through the contract. */
export const useCore = create<CoreState>((set, get) => ({
  client: null,
  status: null,
  settings: null,
  info: null,
  connectionError: null,
  notices: [],

  async connect(client) {
    set({ client });
    client.subscribe((event) => onCoreEvent(event));
    try {
      const [info, settings, status] = await Promise.all([client.call('app.info', {}), client.call('settings.get', {}), client.call('status.get', {})]);
      set({ info, settings, status, connectionError: null });
    } catch (error) {
      set({ connectionError: errorMessage(error) });
    }
  },

  async refreshStatus() {
    const client = get().client;
    if (!client) return;
    try {
      set({ status: await client.call('status.get', {}), connectionError: null });
    } catch (error) {
      set({ connectionError: errorMessage(error) });
    }
  },

  async updateSettings(changes) {
    const client = get().client;
    if (!client) return;
    set({ settings: await client.call('settings.update', changes) });
    await get().refreshStatus();
  },

  dismissNotice(index) {
    set({ notices: get().notices.filter((_, i) => i !== index) });
  },
}));

function onCoreEvent(event: CoreEvent): void {
  const state = useCore.getState();
  if (event.type === 'status') useCore.setState({ status: event.status });
  else if (event.type === 'queue' && state.status) useCore.setState({ status: { ...state.status, usageQueue: event.queue } });
  else if (event.type === 'notice') useCore.setState({ notices: [...state.notices, event] });
}
