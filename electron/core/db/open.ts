import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrations as allMigrations } from './migrations';
import { refuseNewerSchema, runMigrations, type Migration } from './migration';

export interface OpenDatabaseOptions {
  /**
   * Path to a better_sqlite3.node built for the running runtime. Electron's utility process needs the
   * Electron-ABI build (see scripts/electron-native.mjs); under Node the package's own build is used.
   */
  nativeBinding?: string;
  /** For migration tests: open at an earlier schema. */
  migrations?: readonly Migration[];
}

export const DATABASE_FILE_NAME = 'seller-desk.sqlite';

/** Once a checkpoint has caught up and the WAL restarts, its file is cut back to this size. */
export const JOURNAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Opens (creating if needed) the local cache. The newer-schema check runs before any pragma that
 * writes, so a file from a newer app version is refused untouched.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  const migrations = options.migrations ?? allMigrations;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    refuseNewerSchema(db, migrations, file);
    db.pragma('journal_mode = WAL');
    // FULL: a usage record acknowledged as queued must survive a power cut. Pages of a sync, which
    // the source can give again, commit without it (writeRefetchable).
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 16 MB page cache. It was 64 MB while big imports and syncs updated several indexes per row; since
    // bulk loads build the indexes at the end, 64 MB made no measured difference (import of 200,000
    // orders, first and again: 13.8 / 15.1 s either way; sync of 1M details 27.4 / 28.3 s; review
    // queries the same) and raised the import's peak RSS from 141 MB to 214 MB.
    db.pragma('cache_size = -16384');
    // Statement journals and temporary sort tables in memory, not in temp files: a write to a table
    // with triggers keeps a statement journal, and with the cache's indexes that file made each
    // inserted transaction detail about 40 µs slower (1,000,000-row sync 45 s -> 106 s with the day
    // totals' triggers; in memory, see the commit). Sorting a filtered list by amount uses it too.
    db.pragma('temp_store = MEMORY');
    // No checkpoint inside a writer's commit (a 100k-row import would pay for copying the WAL);
    // the core checkpoints from a worker thread instead (checkpoints.ts). Commits stay durable in the WAL.
    db.pragma('wal_autocheckpoint = 0');
    // once a checkpoint has caught up, the WAL restarts; past this size its file is cut back
    db.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT_BYTES}`);
    runMigrations(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** A worker thread's own connection to the app's database (never a new file). */
export function openWorkerConnection(file: string, options: { nativeBinding?: string | undefined; readonly: boolean }): Database.Database {
  return new Database(file, { readonly: options.readonly, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
}

/**
 * Runs `write` as one transaction whose commit does not wait for the disk (synchronous NORMAL), for
 * rows the source can give again (a sync page with its cursor): a power cut may roll such a commit
 * back, never tear it, and a kill of the app loses nothing. A 1,000,000-row sync spent about 4.6 s
 * in the fsyncs of its 1,000 commits. The next FULL commit (a queued usage record) makes it durable.
 */
export function writeRefetchable(db: Database.Database, write: () => void): void {
  db.pragma('synchronous = NORMAL');
  try {
    db.transaction(write)();
  } finally {
    db.pragma('synchronous = FULL');
  }
}

/**
 * A throwaway database with the cache's schema, only written and then read once (an import's
 * staging): no journal and no syncs (a crash loses it, and nothing needs it after one), none of the
 * cache's secondary indexes or triggers (only the keys, which decide what a row updates), and no
 * foreign-key checks (the cache checks them as the rows are copied in).
 */
export function openScratchDatabase(file: string, options: { nativeBinding?: string | undefined } = {}): Database.Database {
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('temp_store = MEMORY');
  runMigrations(db, allMigrations);
  const extras = db.prepare(`SELECT type, name FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL`).all() as {
    type: string;
    name: string;
  }[];
  for (const { type, name } of extras) db.exec(`DROP ${type === 'index' ? 'INDEX' : 'TRIGGER'} "${name}"`);
  return db;
}
