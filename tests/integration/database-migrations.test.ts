import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../../electron/core/contract';
import { latestVersion, migrations, openDatabase, runMigrations, schemaVersion, type SqliteDatabase } from '../../electron/core/db';
import { now, seeds } from '../support/migration-seeds';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

function insert(db: SqliteDatabase, table: string, row: Record<string, unknown>): void {
  const columns = Object.keys(row);
  db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`).run(row);
}

function rowsSeededBefore(version: number) {
  return Object.entries(seeds)
    .filter(([v]) => Number(v) < version)
    .flatMap(([, rows]) => rows);
}

describe('migrations', () => {
  it('has a seed entry for every migration, so each step is tested with data', () => {
    expect(Object.keys(seeds).map(Number)).toEqual(migrations.map((m) => m.version));
  });

  it.each(migrations.map((m) => [m.version, m.name] as const))('upgrading to %i (%s) keeps every existing row', (version) => {
    const file = path.join(tempDir(), 'seller-desk.sqlite');
    const previous = openDatabase(file, { migrations: migrations.filter((m) => m.version < version) });
    const rows = rowsSeededBefore(version);
    for (const { table, row } of rows) insert(previous, table, row);
    previous.close();

    const upgraded = openDatabase(file);
    expect(schemaVersion(upgraded)).toBe(latestVersion(migrations));
    for (const { table, row } of rows) {
      const [key, value] = Object.entries(row)[0]!;
      expect(upgraded.prepare(`SELECT * FROM ${table} WHERE ${key} = ?`).get(value)).toMatchObject(row);
    }
    for (const { table, row } of seeds[version]!) insert(upgraded, table, row); // the new tables work
    upgraded.close();
  });

  it('upgrading to 10 starts the day totals from the orders and transaction details already cached', () => {
    const file = path.join(tempDir(), 'seller-desk.sqlite');
    const previous = openDatabase(file, { migrations: migrations.filter((m) => m.version < 10) });
    for (const { table, row } of rowsSeededBefore(10)) insert(previous, table, row);
    const paid = previous.prepare('SELECT COUNT(*) AS n, SUM(amount_fen) AS amount FROM orders WHERE paid_at IS NOT NULL').get() as {
      n: number;
      amount: number;
    };
    const details = previous.prepare('SELECT COUNT(*) AS n, SUM(amount_fen) AS amount FROM transaction_details').get() as { n: number; amount: number };
    previous.close();
    expect(paid.n).toBeGreaterThan(0);
    expect(details.n).toBeGreaterThan(0);
    const upgraded = openDatabase(file);
    expect(upgraded.prepare('SELECT SUM(orders) AS n, SUM(amount_fen) AS amount FROM order_day_totals').get()).toEqual(paid);
    expect(upgraded.prepare('SELECT SUM(transactions) AS n, SUM(amount_fen) AS amount FROM detail_day_totals').get()).toEqual(details);
    upgraded.close();
  });

  it('upgrading to 18 drops orders_by_created, whose column leads orders_by_created_id, and forgets a bulk load meant to build it', () => {
    const file = path.join(tempDir(), 'seller-desk.sqlite');
    const previous = openDatabase(file, { migrations: migrations.filter((m) => m.version < 18) });
    const setAside = previous.prepare(
      `INSERT INTO bulk_loads (table_name, kind, name, sql) SELECT 'orders', 'index', name, sql FROM sqlite_master WHERE name = ?`,
    );
    setAside.run('orders_by_created');
    setAside.run('orders_by_status');
    previous.close();

    const upgraded = openDatabase(file);
    const indexes = upgraded.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders'`).pluck().all();
    expect(indexes).not.toContain('orders_by_created');
    expect(indexes).toContain('orders_by_created_id');
    expect(upgraded.prepare('SELECT name FROM bulk_loads').pluck().all()).toEqual(['orders_by_status']);
    const plan = upgraded.prepare('EXPLAIN QUERY PLAN SELECT COUNT(*) FROM orders WHERE created_at >= ? AND created_at < ?').all(0, 1) as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toMatch(/orders_by_created_id \(created_at>\? AND created_at<\?\)/);
    upgraded.close();
  });

  it('refuses a database from a newer version without touching it', () => {
    const file = path.join(tempDir(), 'seller-desk.sqlite');
    const db = openDatabase(file);
    insert(db, 'settings', { key: 'language', value_json: '"en-US"', updated_at: now });
    db.pragma('journal_mode = DELETE');
    db.pragma('user_version = 99');
    db.close();
    const before = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe('SCHEMA_TOO_NEW');
    expect((error as CoreError).message).toContain(file);
    expect((error as CoreError).message).toMatch(new RegExp(`version 99.*up to ${latestVersion(migrations)}`));

    expect(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT value_json FROM settings').get()).toEqual({ value_json: '"en-US"' });
    raw.close();
  });

  it('rolls a failing migration back whole and keeps the previous version', () => {
    const file = path.join(tempDir(), 'seller-desk.sqlite');
    const db = openDatabase(file);
    const latest = latestVersion(migrations);
    const broken = { version: latest + 1, name: 'broken', sql: 'CREATE TABLE half_done (id INTEGER); CREATE TABLE oops (' };
    expect(() => runMigrations(db, [...migrations, broken])).toThrow();
    expect(schemaVersion(db)).toBe(latest);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    db.close();
  });

  it('opens in WAL mode with full synchronous writes (queued usage survives a power cut)', () => {
    const db = openDatabase(path.join(tempDir(), 'seller-desk.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});
