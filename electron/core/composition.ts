import path from 'node:path';
import { agentsChannel, AgentsTables, AgentsWork, agentsHandlers } from './agents';
import { BillsTable, billHandlers } from './bills';
import { mergeUnique, type AppStatus, type HandlerTable } from './contract';
import { BulkLoads, DATABASE_FILE_NAME, latestVersion, migrations, openDatabase, startCheckpoints, type Checkpoints, type SqliteDatabase } from './db';
import { EventBus } from './events';
import { ExportService, exportHandlers } from './exports';
import { ColumnMappings, DownloadsWatcher, emptiedStagingFolder, importHandlers, SellerCenterImport } from './imports';
import { JobEngine, jobHandlers, sendAfter, systemClock, type Clock } from './jobs';
import { Aggregates } from './lists';
import { DataSourceManager, marketplaceHandlers, type SandboxMode } from './marketplace';
import { OrdersTable, orderHandlers } from './orders';
import { OverviewService, overviewHandlers, overviewListWriters, SellerTables } from './overview';
import { TodoRegistry } from './todos';
import type { Platform } from './platform';
import { ProductsTable } from './products';
import { SettingsService, settingsHandlers, settingsTable } from './settings';
import { ConnectivityMonitor, statusHandlers } from './status';
import { BULK_LOADED_TOTALS, StoreFiguresReader, storeFiguresHandlers } from './store-figures';
import { OfferTables, OfferWork, offerChannels, offerHandlers, offerListWriters, offerTodos } from './offers';
import { PlanningTables, PlanningWork, planningChannel, planningHandlers, planningListWriters, planningTodos } from './planning';
import { SalesRecords, SubmissionSender, type SalesContext } from './submissions';
import { VoucherTables, VoucherWork, voucherChannel, voucherHandlers, voucherListWriters, voucherTodos } from './vouchers';
import {
  ProofFiles,
  SupervisionSender,
  supervisionHandlers,
  supervisionListWriters,
  SupervisionTables,
  supervisionTodos,
  SupervisionWork,
  SUPERVISION_FLUSH_JOB,
} from './supervision';
import { CursorsTable, reviewListWriters, SyncService, syncHandlers } from './sync';
import { ticketHandlers, TicketsTable, ticketTodos, TicketWork, TICKET_FLUSH_JOB } from './tickets';
import { TransactionDetailsTable, transactionDetailHandlers } from './transaction-details';
import { UsageService, UsageStore, usageHandlers, usageTodos } from './usage';
import { ListingTables, ListingWork, listingHandlers } from './listing';
import { Notifier, noticeHandlers, TodoNotices } from './notices';
import { ReceiverTables, ReceiverWork, receiverHandlers, receiverListWriters } from './receivers';

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
 * tables, services, handlers, schedules. Nothing else happens here. A new capability adds its table
 * and service in `capabilities`, its handlers in `handlerTable`, its schedules in `start`.
 */
export async function composeCore(options: CoreOptions): Promise<ComposedCore> {
  const base = foundation(options);
  const parts = capabilities(base, options);
  const wiring = wire(base, parts);
  const close = async () => {
    await base.jobs.stop();
    await parts.usage.stop();
    await parts.downloads.watch(null);
    await base.checkpoints.stop();
    await base.aggregates.close();
    await base.dataSource.close();
    if (base.db.open) base.db.close();
  };
  try {
    await start(base, parts, wiring, options);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    handlers: handlerTable(base, parts, wiring, options),
    events: base.events,
    host: {
      databaseFile: base.db.name,
      exportedFile: (fileName) => parts.exports.exportedFile(fileName),
      runScheduleNow: (name) => base.jobs.runScheduleNow(name),
    },
    close,
  };
}

type Foundation = ReturnType<typeof foundation>;
type Capabilities = ReturnType<typeof capabilities>;
type Wiring = ReturnType<typeof wire>;

/** What every capability stands on: the clock, the database, events, jobs, settings, the data source. */
function foundation(options: CoreOptions) {
  const clock = options.clock ?? systemClock(options.now ? { now: options.now } : {});
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const db = openDatabase(path.join(options.dataDir, DATABASE_FILE_NAME), binding);
  const events = new EventBus();
  const values = settingsTable(db, clock.now);
  const dataSource = new DataSourceManager({
    sandboxMode: options.sandbox ?? 'off',
    sandboxSize: options.sandboxSize ?? 'small',
    secrets: options.platform.secrets,
    now: clock.now,
  });
  return {
    now: clock.now,
    binding,
    db,
    events,
    jobs: new JobEngine(events, clock),
    checkpoints: startCheckpoints(db.name, binding),
    aggregates: new Aggregates({ file: db.name, ...binding }),
    values,
    settings: new SettingsService(values),
    dataSource,
    connector: () => dataSource.connector,
    syncTickMs: options.syncTickMs ?? 60_000,
  };
}

/** How long a bulk load's end waits for the aggregate thread to take its snapshot (it may be finishing a 合计 first). */
const SNAPSHOT_PIN_WITHIN_MS = 3_000;

/**
 * The cache's bulk loads (a first sync, an import into empty tables) as the core runs them: between
 * indexes the checkpoint copies the last one back (calls waiting on the core answer meanwhile), and
 * the totals are counted on the aggregate thread while the indexes build.
 */
export function cacheBulkLoads(db: SqliteDatabase, checkpoints: Checkpoints, aggregates: Aggregates): BulkLoads {
  return new BulkLoads(db, BULK_LOADED_TOTALS, {
    betweenIndexes: () => checkpoints.catchUp(0),
    countElsewhere: (sql) => aggregates.snapshotRows(sql, SNAPSHOT_PIN_WITHIN_MS),
  });
}

/** Each capability's tables and service, built once. */
function capabilities({ now, binding, db, events, jobs, checkpoints, aggregates, values, settings, connector }: Foundation, options: CoreOptions) {
  const tables = {
    orders: new OrdersTable(db),
    details: new TransactionDetailsTable(db),
    bills: new BillsTable(db),
    tickets: new TicketsTable(db),
    products: new ProductsTable(db),
  };
  const notifier = new Notifier({
    values,
    osNotify: (title, body) => options.platform.notify(title, body),
    emit: (event) => events.emit(event),
    locale: () => settings.read(),
  });
  const usage = new UsageService({
    store: new UsageStore(db),
    values,
    connector,
    now,
    events,
    jobs,
    notify: (category, values) => notifier.notify(category, values),
    ...(options.random ? { random: options.random } : {}),
    ...(options.usageTickMs !== undefined ? { tickMs: options.usageTickMs } : {}),
    ...(options.usageLeaseMs !== undefined ? { leaseMs: options.usageLeaseMs } : {}),
  });
  const bulkLoads = cacheBulkLoads(db, checkpoints, aggregates);
  const staging = { dir: emptiedStagingFolder(path.join(options.dataDir, 'import-staging')), ...binding };
  const sellerCenter = new SellerCenterImport({ db, tables, mappings: new ColumnMappings(db, now), bulkLoads, now, staging });
  const exports = new ExportService({
    db,
    databaseFile: db.name,
    ...binding,
    jobs,
    platform: options.platform,
    folder: () => settings.read().exportFolder ?? options.platform.downloadsFolder ?? path.join(options.dataDir, 'exports'),
    timeZone: () => settings.read().timeZone,
    now,
  });
  const cursors = new CursorsTable(db);
  const sellerTables = new SellerTables(db);
  const figures = new StoreFiguresReader(db);
  const todos = new TodoRegistry();
  todos.register(...ticketTodos(tables.tickets), ...usageTodos(usage), ...supervisionTodos(db));
  const supervision = supervisionParts(db, jobs, connector, now, options.dataDir);
  const sales = salesParts(db, jobs, connector, now, tables.products);
  todos.register(...offerTodos(db), ...voucherTodos(db), ...planningTodos(db));
  const receiverTables = new ReceiverTables(db);
  return {
    bulkLoads,
    supervision,
    sales,
    agents: new AgentsWork({ tables: sales.tables.agents, sales: sales.ctx, secrets: options.platform.secrets }),
    tables,
    cursors,
    figures,
    todos,
    sellerTables,
    notifier,
    todoNotices: new TodoNotices({ todos, notifier, values, now }),
    listing: new ListingWork({ tables: new ListingTables(db), now }),
    receivers: new ReceiverWork(receiverTables, now),
    syncWriters: {
      ...reviewListWriters(tables, bulkLoads),
      ...overviewListWriters(sellerTables),
      ...supervisionListWriters(supervision.tables),
      ...sales.writers,
      ...receiverListWriters(receiverTables, now),
    },
    ticketWork: new TicketWork(tables.tickets, values, now),
    usage,
    sellerCenter,
    downloads: new DownloadsWatcher(sellerCenter, values, events, jobs),
    exports,
    checkpointCatchUp: () => checkpoints.catchUp(),
  };
}

/** 服务监管: its tables, the rules, and the sender of queued actions (one shared job). */
function supervisionParts(db: Foundation['db'], jobs: Foundation['jobs'], connector: Foundation['connector'], now: () => number, dataDir: string) {
  const tables = new SupervisionTables(db);
  const work = new SupervisionWork({
    db,
    tables,
    proofs: new ProofFiles(path.join(dataDir, 'supervision-proofs')),
    now,
    sourceTakesActions: () => connector()?.capabilities.supervisionActions ?? false,
  });
  const flush = () => jobs.runShared(SUPERVISION_FLUSH_JOB, 'supervision.flush', () => sender.flush());
  const sender: SupervisionSender = new SupervisionSender({ tables, work, connector, now, flushShared: flush });
  return { tables, work, sender, flush };
}

/**
 * 销售管理 (客户需求 and 商家优惠, 代金券, 商业规划): their tables and rules, one history, one queue of
 * submissions — which 注册Agents registrations share.
 */
function salesParts(db: Foundation['db'], jobs: Foundation['jobs'], connector: Foundation['connector'], now: () => number, products: ProductsTable) {
  const records = new SalesRecords(db);
  const ctx: SalesContext = { db, records, products, now, path: () => (connector()?.capabilities.salesActions ? 'act' : 'local') };
  const tables = { offers: new OfferTables(db), vouchers: new VoucherTables(db), planning: new PlanningTables(db), agents: new AgentsTables(db) };
  const sender = new SubmissionSender({
    records,
    connector,
    now,
    channels: {
      ...offerChannels(tables.offers, records, now),
      voucher: voucherChannel(tables.vouchers, records, now),
      plan: planningChannel(tables.planning, records, now),
      agents: agentsChannel(tables.agents, records, now),
    },
  });
  const flush = () => jobs.runShared(SALES_FLUSH_JOB, 'sales.flush', () => sender.flush());
  return {
    ctx,
    tables,
    records,
    flush,
    offers: new OfferWork(ctx, tables.offers),
    vouchers: new VoucherWork(ctx, tables.vouchers),
    planning: new PlanningWork(ctx, tables.planning),
    writers: {
      ...offerListWriters(tables.offers, records),
      ...voucherListWriters(tables.vouchers, records),
      ...planningListWriters(tables.planning, records),
    },
  };
}

/** Sending queued 销售管理 submissions: one at a time, whoever asks. */
const SALES_FLUSH_JOB = 'sales:flush';

/** What happens between capabilities: status, reconnecting, settings that move a watched folder or the source. */
function wire(base: Foundation, parts: Capabilities) {
  const { events, jobs, settings, dataSource, connector, now } = base;
  const status = (): AppStatus => ({
    now: parts.usage.flusher.marketplaceNow(),
    dataSource: dataSource.current,
    connectivity: connectivity.state,
    sync: sync.summary(),
    usageQueue: parts.usage.store.queueSummary(parts.usage.flusher.marketplaceNow()),
  });
  const emitStatus = () => events.emit({ type: 'status', status: status() });
  const flushTicketActions = () => jobs.runShared(TICKET_FLUSH_JOB, 'tickets.flush', () => parts.ticketWork.flush(connector()));
  const whenOnline = () => {
    const logged = (what: string) => (error: unknown) => console.error(`${what} after reconnecting failed`, error);
    void parts.usage.onOnline().catch(logged('usage flush'));
    void sync.syncDue().catch(logged('sync'));
    void flushTicketActions().catch(logged('ticket actions'));
    void parts.supervision.flush().catch(logged('服务监管 actions'));
    void parts.sales.flush().catch(logged('销售管理 submissions'));
  };
  const connectivity = new ConnectivityMonitor({
    probeUrl: () => dataSource.probeUrl(),
    now,
    onChange: (after, before) => {
      emitStatus();
      const wasReachable = before.state === 'online' || before.state === 'degraded';
      if (!wasReachable && connectivity.reachable) whenOnline();
    },
  });
  dataSource.onRequest((observation) => connectivity.observe(observation));
  const sync = new SyncService({
    db: base.db,
    writers: parts.syncWriters,
    cursors: parts.cursors,
    connector,
    events,
    jobs,
    now,
    checkpointCatchUp: parts.checkpointCatchUp,
    intervalMinutes: () => settings.read().syncIntervalMinutes,
    isOnline: () => connectivity.reachable,
    tickMs: base.syncTickMs,
    onStateChange: emitStatus,
  });
  const reselectDataSource = async () => {
    await dataSource.apply(settings.read());
    await connectivity.probe();
    emitStatus();
  };
  settings.onChange(async (before, after) => {
    if (before.dataSource !== after.dataSource || before.marketplaceRegion !== after.marketplaceRegion) await reselectDataSource();
    await parts.usage.watchFolder(after.usageWatchedFolder);
    await parts.downloads.watch(after.exportsWatchedFolder);
  });
  const overview = new OverviewService({
    figures: parts.figures,
    tables: parts.sellerTables,
    todos: parts.todos,
    settings: () => settings.read(),
    source: () => ({
      kind: dataSource.current.kind,
      listsTraffic: dataSource.capabilities().lists.includes('store_traffic'),
      credentials: () => dataSource.credentials(),
    }),
    now,
  });
  return { status, connectivity, sync, flushTicketActions, reselectDataSource, overview };
}

/** Every method's handler, one part per capability (a method declared twice fails at start-up). */
function handlerTable(
  { db, jobs, settings, dataSource, connector, now, aggregates }: Foundation,
  parts: Capabilities,
  wiring: Wiring,
  options: CoreOptions,
): HandlerTable {
  const appInfo = () => ({ version: options.appVersion, schemaVersion: latestVersion(migrations), dataDir: options.dataDir, host: options.platform.host });
  return mergeUnique(
    'Handler',
    statusHandlers({ appInfo, status: wiring.status, connectivity: wiring.connectivity }),
    settingsHandlers(settings),
    marketplaceHandlers({ dataSource, secrets: options.platform.secrets, reselect: wiring.reselectDataSource }),
    orderHandlers({ db, orders: parts.tables.orders, connector, now }),
    transactionDetailHandlers(db, aggregates),
    billHandlers(db),
    ticketHandlers({ db, work: parts.ticketWork, flush: wiring.flushTicketActions }),
    usageHandlers({ usage: parts.usage, orderInstances: () => parts.tables.orders.payPerUseInstances() }),
    overviewHandlers(wiring.overview),
    storeFiguresHandlers(parts.figures, () => ({
      now: now(),
      source: dataSource.connector?.source ?? null,
      sellerName: wiring.overview.seller().name,
    })),
    supervisionHandlers({ ...parts.supervision, now }),
    salesHandlers(parts.sales, now),
    listingHandlers(parts.listing),
    receiverHandlers(parts.receivers),
    noticeHandlers(parts.notifier),
    agentsHandlers(parts.agents, sendAfter(parts.sales.flush, '销售管理 submissions')),
    syncHandlers(wiring.sync),
    importHandlers(parts.sellerCenter, jobs),
    exportHandlers(parts.exports),
    jobHandlers(jobs),
  );
}

/** 客户需求 and 商家优惠, 代金券, 商业规划, and sending their queue; an action starts sending without waiting for it. */
function salesHandlers(sales: Capabilities['sales'], now: () => number) {
  const sent = sendAfter(sales.flush, '销售管理 submissions');
  return mergeUnique('Handler', offerHandlers(sales.offers, now, sent), voucherHandlers(sales.vouchers, now, sent), planningHandlers(sales.planning, sent), {
    'sales.flushSubmissions': () => sales.flush(),
  });
}

/** Repairs what a crash left, picks the source, starts the schedules and the watched folders. */
async function start({ jobs, settings, dataSource }: Foundation, parts: Capabilities, { connectivity, sync }: Wiring, options: CoreOptions): Promise<void> {
  parts.tables.orders.rebuildSearchIfStale(); // a crash between synced orders and their search index
  await parts.bulkLoads.finishUnfinished(); // a crash during a first sync: its indexes and totals
  parts.usage.recoverLeases(); // records a crashed process was sending: queued again at once
  parts.supervision.tables.recoverSending(); // 服务监管 actions a crashed process was sending: checked, then sent once
  parts.sales.records.recoverSending(); // 销售管理 submissions likewise (the same action id: the source takes it once)
  await dataSource.apply(settings.read());
  const probeEveryMs = options.connectivityIntervalMs ?? 15_000;
  jobs.startSchedules([
    { name: 'connectivity.probe', everyMs: probeEveryMs, run: () => connectivity.probe() },
    ...sync.schedules,
    ...parts.usage.schedules,
    ...parts.todoNotices.schedules,
  ]);
  if (probeEveryMs > 0) void jobs.runScheduleNow('connectivity.probe');
  else await connectivity.probe();
  if ((options.usageTickMs ?? 15_000) > 0) void jobs.runScheduleNow('usage.tick');
  await parts.usage.watchFolder(settings.read().usageWatchedFolder);
  await parts.downloads.watch(settings.read().exportsWatchedFolder);
}
