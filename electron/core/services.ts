import path from 'node:path';
import { syncResourceSchema, type AppInfo, type AppStatus, type MethodOutput, type Settings, type SyncResource } from './contract';
import { SyncEngine, type SyncResult } from './sync/sync-engine';
import { dueResources } from './sync/sync-schedule';
import { TicketWork } from './tickets/ticket-work';
import { ExportWatcher } from './imports/export-watcher';
import { DATABASE_FILE_NAME, latestVersion, migrations, openDatabase, startCheckpoints, type Checkpoints, type SqliteDatabase } from './db';
import { EventBus } from './events/event-bus';
import { ExportService } from './exports/export-service';
import { JobRegistry } from './jobs';
import { DataSourceManager, type SandboxMode } from './marketplace/data-source';
import type { Platform } from './platform';
import { rebuildOrderSearchIfStale } from './review/order-search';
import { SettingsStore } from './settings/settings-store';
import { ConnectivityMonitor } from './status/connectivity-monitor';
import { readSyncSummary, readUsageQueueSummary } from './status/status-readers';
import { UsageService } from './usage/usage-service';

export interface CoreOptions {
  /** Folder for seller-desk.sqlite; created if missing. */
  dataDir: string;
  platform: Platform;
  appVersion: string;
  /** Embedded sandbox by default; tests may point at an external one or turn it off. */
  sandbox?: SandboxMode;
  /** Size of the embedded sandbox's generated data (default small). */
  sandboxSize?: 'small' | 'large';
  /** Injectable clock (UTC epoch ms) so tests never wait for real time. */
  now?: () => number;
  /** How often the data source is probed; 0 disables the background probe. */
  connectivityIntervalMs?: number;
  /** How often the sync schedule is checked; 0 disables it (tests call sync directly). */
  syncTickMs?: number;
  /** Usage scheduler tick; 0 disables it (tests call usage.flushNow). */
  usageTickMs?: number;
  /** How long a sending lease lasts before another sender may take the records over (default 2 min). */
  usageLeaseMs?: number;
  /** Randomness for backoff jitter and the per-install start offset (tests fix it). */
  random?: () => number;
  nativeBinding?: string;
}

/** The long-lived pieces of the core, wired once at start-up and shared by all handlers. */
export class CoreServices {
  readonly events = new EventBus();
  readonly jobs: JobRegistry;
  readonly settings: SettingsStore;
  readonly dataSource: DataSourceManager;
  readonly connectivity: ConnectivityMonitor;
  readonly usage: UsageService;
  readonly sync: SyncEngine;
  readonly tickets: TicketWork;
  readonly exportWatcher: ExportWatcher;
  readonly exports: ExportService;
  readonly now: () => number;

  readonly platform: Platform;
  private readonly checkpoints: Checkpoints;
  private syncTimer: NodeJS.Timeout | null = null;

  private constructor(
    readonly db: SqliteDatabase,
    private readonly options: CoreOptions,
  ) {
    this.platform = options.platform;
    this.checkpoints = startCheckpoints(db.name, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    this.now = options.now ?? Date.now;
    this.jobs = new JobRegistry(this.events, this.now);
    this.settings = new SettingsStore(db, this.now);
    this.dataSource = new DataSourceManager({ sandboxMode: options.sandbox ?? 'embedded', sandboxSize: options.sandboxSize ?? 'small', secrets: options.platform.secrets, now: this.now });
    this.connectivity = new ConnectivityMonitor({
      probeUrl: () => this.dataSource.probeUrl(),
      now: this.now,
      onChange: (connectivity) => {
        this.emitStatus();
        if (connectivity.state === 'online') {
          void this.usage.onOnline();
          void this.syncDue().catch(() => undefined);
          void this.tickets.flush(this.dataSource.connector).catch(() => undefined);
        }
      },
    });
    this.sync = new SyncEngine(db, () => this.dataSource.connector, this.events, this.now, () => this.checkpoints.catchUp());
    this.tickets = new TicketWork(db, this.now);
    this.exportWatcher = new ExportWatcher(db, this.events);
    this.exports = new ExportService({
      databaseFile: db.name,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      jobs: this.jobs,
      platform: options.platform,
      folder: () => this.settings.read().exportFolder ?? options.platform.downloadsFolder ?? path.join(options.dataDir, 'exports'),
      timeZone: () => this.settings.read().timeZone,
      now: this.now,
    });
    this.usage = new UsageService({
      db,
      connector: () => this.dataSource.connector,
      now: this.now,
      events: this.events,
      platform: options.platform,
      ...(options.random ? { random: options.random } : {}),
      ...(options.usageTickMs !== undefined ? { tickMs: options.usageTickMs } : {}),
      ...(options.usageLeaseMs !== undefined ? { leaseMs: options.usageLeaseMs } : {}),
    });
  }

  static async start(options: CoreOptions): Promise<CoreServices> {
    const db = openDatabase(path.join(options.dataDir, DATABASE_FILE_NAME), options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    const services = new CoreServices(db, options);
    try {
      rebuildOrderSearchIfStale(db); // a crash between synced orders and their search index
      await services.dataSource.apply(services.settings.read());
      const interval = options.connectivityIntervalMs ?? 15_000;
      if (interval > 0) services.connectivity.start(interval);
      else await services.connectivity.probe();
      services.usage.start();
      services.startSyncSchedule(options.syncTickMs ?? 60_000);
      await services.usage.watchFolder(services.settings.read().usageWatchedFolder);
      await services.exportWatcher.watch(services.settings.read().exportsWatchedFolder);
      return services;
    } catch (error) {
      await services.close();
      throw error;
    }
  }

  appInfo(): AppInfo {
    return {
      version: this.options.appVersion,
      schemaVersion: latestVersion(migrations),
      dataDir: this.options.dataDir,
      host: this.options.platform.host,
    };
  }

  status(): AppStatus {
    return {
      dataSource: this.dataSource.current,
      connectivity: this.connectivity.state,
      sync: readSyncSummary(this.db, this.sync.isRunning()),
      usageQueue: readUsageQueueSummary(this.db, this.usage.flusher.marketplaceNow()),
    };
  }

  async updateSettings(changes: Partial<Settings>): Promise<Settings> {
    const before = this.settings.read();
    const after = this.settings.update(changes);
    if (before.dataSource !== after.dataSource || before.marketplaceRegion !== after.marketplaceRegion) await this.reselectDataSource();
    if (before.usageWatchedFolder !== after.usageWatchedFolder) await this.usage.watchFolder(after.usageWatchedFolder);
    if (before.exportsWatchedFolder !== after.exportsWatchedFolder) await this.exportWatcher.watch(after.exportsWatchedFolder);
    return after;
  }

  startSyncSchedule(tickMs: number): void {
    if (tickMs <= 0) return;
    this.syncTimer = setInterval(() => void this.syncDue().catch((error: unknown) => console.error('scheduled sync failed', error)), tickMs);
    this.syncTimer.unref();
  }

  /** After settings or credentials change: pick the source again, probe it, tell the UI. */
  async reselectDataSource(): Promise<void> {
    await this.dataSource.apply(this.settings.read());
    await this.connectivity.probe();
    this.emitStatus();
  }

  /** The scheduled sync: whatever is due and not already running, when the source is reachable. */
  async syncDue(): Promise<SyncResult[]> {
    const minutes = this.settings.read().syncIntervalMinutes;
    const listable = this.dataSource.connector?.capabilities.lists ?? [];
    if (this.options.syncTickMs === 0 || minutes === 0 || this.connectivity.state.state !== 'online' || this.sync.isRunning()) return [];
    const cursors = readSyncSummary(this.db, false).resources;
    const due = dueResources(this.now(), cursors, syncResourceSchema.options.filter((r) => listable.includes(r)), minutes * 60_000);
    return due.length > 0 ? this.syncResources(due) : [];
  }

  /** Syncs one resource after another (default: every one the source can list). */
  async syncResources(resources?: SyncResource[]): Promise<SyncResult[]> {
    const listable = this.dataSource.connector?.capabilities.lists ?? [];
    const wanted = resources ?? syncResourceSchema.options.filter((r) => listable.includes(r));
    const results: SyncResult[] = [];
    for (const resource of wanted) results.push(await this.sync.sync(resource));
    this.emitStatus();
    return results;
  }

  capabilities(): MethodOutput<'marketplace.capabilities'> {
    const connector = this.dataSource.connector;
    if (!connector) return { source: null, pushUsage: false, queryOrder: false, license: false, lists: [], ticketActions: false };
    return { source: connector.source, ...connector.capabilities, lists: [...connector.capabilities.lists] };
  }

  emitStatus(): void {
    this.events.emit({ type: 'status', status: this.status() });
  }

  async close(): Promise<void> {
    this.connectivity.stop();
    if (this.syncTimer) clearInterval(this.syncTimer);
    this.sync.cancel();
    await this.usage.stop();
    await this.exportWatcher.watch(null);
    await this.checkpoints.stop();
    await this.dataSource.close();
    if (this.db.open) this.db.close();
  }
}
