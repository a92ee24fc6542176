import { create } from 'zustand';
import {
  CoreCallError,
  syncResourceSchema,
  type AppInfo,
  type AppStatus,
  type CoreClient,
  type CoreEvent,
  type MethodOutput,
  type Settings,
  type SyncResource,
} from '../../electron/core/contract';
import { setDisplayTimeZone } from '../app/display-zone';
import { errorMessage } from '../app/error-message';

type Notice = Extract<CoreEvent, { type: 'notice' }>;

interface CoreState {
  client: CoreClient | null;
  status: AppStatus | null;
  settings: Settings | null;
  info: AppInfo | null;
  /** What the current data source can do (read again whenever the source changes). */
  capabilities: MethodOutput<'marketplace.capabilities'> | null;
  /** How far the core's clock (the marketplace's time) is ahead of this computer's, in ms. */
  clockOffsetMs: number;
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
  capabilities: null,
  clockOffsetMs: 0,
  connectionError: null,
  notices: [],

  async connect(client) {
    set({ client });
    client.subscribe((event) => onCoreEvent(event));
    try {
      const [info, settings, status] = await Promise.all([client.call('app.info', {}), client.call('settings.get', {}), client.call('status.get', {})]);
      setDisplayTimeZone(settings.timeZone);
      set({ info, settings, status, clockOffsetMs: status.now - Date.now(), connectionError: null });
      await readCapabilities();
    } catch (error) {
      set({ connectionError: connectionProblem(error) });
    }
  },

  async refreshStatus() {
    const client = get().client;
    if (!client) return;
    try {
      const before = get().status?.dataSource;
      const status = await client.call('status.get', {});
      set({ status, clockOffsetMs: status.now - Date.now(), connectionError: null });
      if (!before || before.kind !== status.dataSource.kind || before.baseUrl !== status.dataSource.baseUrl) await readCapabilities();
    } catch (error) {
      set({ connectionError: connectionProblem(error) });
    }
  },

  async updateSettings(changes) {
    const client = get().client;
    if (!client) return;
    const settings = await client.call('settings.update', changes);
    setDisplayTimeZone(settings.timeZone);
    set({ settings });
    await get().refreshStatus();
  },

  dismissNotice(index) {
    set({ notices: get().notices.filter((_, i) => i !== index) });
  },
}));

/** The lists the current source can sync (none for the real KooGallery API: its data comes from Seller Center files). */
export function syncableResources(capabilities: CoreState['capabilities']): SyncResource[] {
  return syncResourceSchema.options.filter((r) => capabilities?.lists.includes(r));
}

async function readCapabilities(): Promise<void> {
  const client = useCore.getState().client;
  if (client) useCore.setState({ capabilities: await client.call('marketplace.capabilities', {}) });
}

function onCoreEvent(event: CoreEvent): void {
  const state = useCore.getState();
  if (event.type === 'status') {
    const before = state.status?.dataSource;
    useCore.setState({ status: event.status, clockOffsetMs: event.status.now - Date.now() });
    if (before && (before.kind !== event.status.dataSource.kind || before.baseUrl !== event.status.dataSource.baseUrl)) void readCapabilities();
  } else if (event.type === 'queue' && state.status) useCore.setState({ status: { ...state.status, usageQueue: event.queue } });
  else if (event.type === 'notice') useCore.setState({ notices: [...state.notices, event] });
}

/** Why the core cannot be reached: the browser-mode session ended (the page says how to reopen it), or the failure in words. */
function connectionProblem(error: unknown): string {
  return error instanceof CoreCallError && error.reason === 'session.expired' ? 'session-expired' : errorMessage(error);
}
