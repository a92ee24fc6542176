import path from 'node:path';
import { BillsTable, billHandlers } from './bills';
import { mergeUnique, type AppStatus, type HandlerTable } from './contract';
import { DATABASE_FILE_NAME, latestVersion, migrations, openDatabase, startCheckpoints } from './db';
import { EventBus } from './events';
import { ExportService, exportHandlers } from './exports';
import { ColumnMappings, DownloadsWatcher, importHandlers, SellerCenterImport } from './imports';
import { JobEngine, jobHandlers, systemClock, type Clock } from './jobs';
import { DataSourceManager, marketplaceHandlers, type SandboxMode } from './marketplace';
import { OrdersTable, orderHandlers } from './orders';
import type { Platform } from './platform';
import { ProductsTable } from './products';
import { SettingsService, settingsHandlers, settingsTable } from './settings';
import { ConnectivityMonitor, statusHandlers } from './status';
import { CursorsTable, SyncService, syncHandlers } from './sync';
import { ticketHandlers, TicketsTable, TicketWork, TICKET_FLUSH_JOB } from './tickets';
import { TransactionDetailsTable, transactionDetailHandlers } from './transaction-details';
import { UsageService, UsageStore, usageHandlers } from './usage';

export interface CoreOptions {
  /** Folder for seller-desk.sqlite; created if missing. */
  dataDir: string;
  platform: Platform;
  appVersion: string;
  /** The sandbox marketplace: started by the core with the host's starter, one running elsewhere, or none (default). */
  sandbox?: SandboxMode;
  /** Size of the embedded sandbox's generated data (default small). */
  sandboxSize?: 'small' | 'large';
  /** The core's clock: "now" and timers (demos and benchmarks run it faster). */
  clock?: Clock;
  /** Only the reading of the clock (tests move it by hand; timers stay real). */
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

/** What hosts and tests may use besides the contract: narrow, and never the core's insides. */
export interface CoreHostApi {
  /** The SQLite file (tests open their own connection to it). */
  readonly databaseFile: string;
  /** An exported file by name, only inside the export folder (browser-mode downloads). */
  exportedFile(fileName: string): string | null;
  /** Runs a schedule now (`sync.due`, `usage.tick`, `connectivity.probe`) instead of waiting for its timer. */
  runScheduleNow(name: string): Promise<void>;
}

export interface ComposedCore {
  handlers: HandlerTable;
  events: EventBus;
  host: CoreHostApi;
  close(): Promise<void>;
}

/**
 * The composition root: opens the database, builds every capability once and wires them together —
 * tables, services, handlers, schedules. Nothing else happens here.
 */
export async function composeCore(options: CoreOptions): Promise<ComposedCore> {
  const clock = options.clock ?? systemClock(options.now ? { now: options.now } : {});
  const now = clock.now;
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const db = openDatabase(path.join(options.dataDir, DATABASE_FILE_NAME), binding);
  const events = new EventBus();
  const jobs = new JobEngine(events, clock);
  const checkpoints = startCheckpoints(db.name, binding);
  const values = settingsTable(db, now);
  const settings = new SettingsService(values);
  const dataSource = new DataSourceManager({
    sandboxMode: options.sandbox ?? 'off',
    sandboxSize: options.sandboxSize ?? 'small',
    secrets: options.platform.secrets,
    now,
  });
  const connector = () => dataSource.connector;

  const orders = new OrdersTable(db);
  const tables = {
    orders,
    details: new TransactionDetailsTable(db),
    bills: new BillsTable(db),
    tickets: new TicketsTable(db),
    products: new ProductsTable(db),
  };
  const ticketWork = new TicketWork(tables.tickets, values, now);
  const usage = new UsageService({
    store: new UsageStore(db),
    values,
    connector,
    now,
    events,
    jobs,
    platform: options.platform,
    locale: () => settings.read(),
    ...(options.random ? { random: options.random } : {}),
    ...(options.usageTickMs !== undefined ? { tickMs: options.usageTickMs } : {}),
    ...(options.usageLeaseMs !== undefined ? { leaseMs: options.usageLeaseMs } : {}),
  });
  const connectivity: ConnectivityMonitor = new ConnectivityMonitor({
    probeUrl: () => dataSource.probeUrl(),
    now,
    onChange: (state) => {
      emitStatus();
      if (state.state === 'online') whenOnline();
    },
  });
  const sync = new SyncService({
    db,
    tables,
    cursors: new CursorsTable(db),
    connector,
    events,
    jobs,
    now,
    checkpointCatchUp: () => checkpoints.catchUp(),
    intervalMinutes: () => settings.read().syncIntervalMinutes,
    isOnline: () => connectivity.state.state === 'online',
    tickMs: options.syncTickMs ?? 60_000,
    afterSync: () => emitStatus(),
  });
  const sellerCenter = new SellerCenterImport({ db, tables, mappings: new ColumnMappings(db, now), now });
  const downloads = new DownloadsWatcher(sellerCenter, values, events, jobs);
  const exports = new ExportService({
    databaseFile: db.name,
    ...binding,
    jobs,
    platform: options.platform,
    folder: () => settings.read().exportFolder ?? options.platform.downloadsFolder ?? path.join(options.dataDir, 'exports'),
    timeZone: () => settings.read().timeZone,
    now,
  });

  const status = (): AppStatus => ({
    dataSource: dataSource.current,
    connectivity: connectivity.state,
    sync: sync.summary(),
    usageQueue: usage.store.queueSummary(usage.flusher.marketplaceNow()),
  });
  function emitStatus(): void {
    events.emit({ type: 'status', status: status() });
  }
  const flushTicketActions = () => jobs.runShared(TICKET_FLUSH_JOB, 'tickets.flush', () => ticketWork.flush(connector()));
  function whenOnline(): void {
    const logged = (what: string) => (error: unknown) => console.error(`${what} after reconnecting failed`, error);
    void usage.onOnline().catch(logged('usage flush'));
    void sync.syncDue().catch(logged('sync'));
    void flushTicketActions().catch(logged('ticket actions'));
  }
  const reselectDataSource = async () => {
    await dataSource.apply(settings.read());
    await connectivity.probe();
    emitStatus();
  };
  settings.onChange(async (before, after) => {
    if (before.dataSource !== after.dataSource || before.marketplaceRegion !== after.marketplaceRegion) await reselectDataSource();
    await usage.watchFolder(after.usageWatchedFolder);
    await downloads.watch(after.exportsWatchedFolder);
  });

  const handlers: HandlerTable = mergeUnique(
    'Handler',
    statusHandlers({
      appInfo: () => ({ version: options.appVersion, schemaVersion: latestVersion(migrations), dataDir: options.dataDir, host: options.platform.host }),
      status,
      connectivity,
    }),
    settingsHandlers(settings),
    marketplaceHandlers({ dataSource, secrets: options.platform.secrets, reselect: reselectDataSource }),
    orderHandlers({ db, orders, connector, now }),
    transactionDetailHandlers(db),
    billHandlers(db),
    ticketHandlers({ db, work: ticketWork, flush: flushTicketActions }),
    usageHandlers(usage),
    syncHandlers(sync),
    importHandlers(sellerCenter, jobs),
    exportHandlers(exports),
    jobHandlers(jobs),
  );

  const close = async () => {
    await jobs.stop();
    await usage.stop();
    await downloads.watch(null);
    await checkpoints.stop();
    await dataSource.close();
    if (db.open) db.close();
  };
  try {
    orders.rebuildSearchIfStale(); // a crash between synced orders and their search index
    await dataSource.apply(settings.read());
    const probeEveryMs = options.connectivityIntervalMs ?? 15_000;
    jobs.startSchedules([{ name: 'connectivity.probe', everyMs: probeEveryMs, run: () => connectivity.probe() }, ...sync.schedules, ...usage.schedules]);
    if (probeEveryMs > 0) void jobs.runScheduleNow('connectivity.probe');
    else await connectivity.probe();
    if ((options.usageTickMs ?? 15_000) > 0) void jobs.runScheduleNow('usage.tick');
    await usage.watchFolder(settings.read().usageWatchedFolder);
    await downloads.watch(settings.read().exportsWatchedFolder);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    handlers,
    events,
    host: { databaseFile: db.name, exportedFile: (fileName) => exports.exportedFile(fileName), runScheduleNow: (name) => jobs.runScheduleNow(name) },
    close,
  };
}
