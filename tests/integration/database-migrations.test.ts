import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../../electron/core/contract';
import { latestVersion, migrations, openDatabase, runMigrations, schemaVersion, type SqliteDatabase } from '../../electron/core/db';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const now = Date.UTC(2026, 10, 24, 2, 0, 0);

/** Rows a seller would have at each schema version; a new migration adds an entry here. */
const seeds: Record<number, { table: string; row: Record<string, unknown> }[]> = {
  1: [
    { table: 'settings', row: { key: 'language', value_json: '"en-US"', updated_at: now } },
    {
      table: 'products',
      row: {
        product_id: 'OFFI1',
        name: '智云财务管理系统',
        product_type: 'general',
        access_type: 'SaaS',
        status: 'on_sale',
        source: 'sandbox',
        updated_at: now,
      },
    },
    {
      table: 'orders',
      row: {
        order_id: 'CS2611240100ABCDE',
        order_type: 'NEW',
        status: 'completed',
        product_type: 'general',
        product_name: '智云财务管理系统',
        customer_name: '杭州星河信息技术有限公司',
        user_name: 'hw10000001',
        amount_fen: 990000,
        created_at: now,
        paid_at: now,
        source: 'import',
        updated_at: now,
      },
    },
    {
      table: 'order_lines',
      row: {
        order_line_id: 'CS2611240100ABCDE-000001',
        order_id: 'CS2611240100ABCDE',
        product_id: 'OFFI1',
        product_name: '智云财务管理系统',
        charging_mode: 'PERIOD',
        period_type: 'month',
        period_number: 1,
        amount_fen: 990000,
        updated_at: now,
      },
    },
    {
      table: 'transaction_details',
      row: {
        detail_id: 'TD1',
        order_id: 'CS2611240100ABCDE',
        product_type: 'general',
        product_name: '智云财务管理系统',
        customer_account: 'hw10000001',
        charging_mode: 'PERIOD',
        billing_period: '2026-11',
        transaction_at: now,
        billing_status: 'unbilled',
        amount_fen: 990000,
        settlement_amount_fen: 940500,
        ops_fee_ratio: '0.05',
        source: 'import',
        updated_at: now,
      },
    },
    {
      table: 'tickets',
      row: {
        ticket_id: 'TK1',
        title: '开通后无法登录控制台',
        status: 'pending',
        priority: 'high',
        customer_name: '杭州星河信息技术有限公司',
        waiting_on_me: 1,
        created_at: now,
        updated_at: now,
      },
    },
    { table: 'sync_cursors', row: { resource: 'orders', cursor: 'abc', last_synced_at: now } },
  ],
  2: [
    {
      table: 'usage_records',
      row: {
        metering_sn: 'sn-1',
        instance_id: 'inst-1',
        begin_at: now - 3_600_000,
        end_at: now - 1,
        recorded_at: now,
        usage_value: '12.5',
        billing_cycle: 'hourly',
        state: 'queued',
        window_opens_at: now,
        window_closes_at: now + 900_000,
        created_at: now,
        updated_at: now,
      },
    },
    {
      table: 'upload_attempts',
      row: { started_at: now, ts: String(now), nonce: 'n-1', body_sha256: 'ab'.repeat(32), record_count: 1, http_status: 200, code: 'MKT.0000' },
    },
  ],
  3: [
    {
      table: 'import_column_mappings',
      row: { header_set_hash: 'h1', file_kind: 'orders', headers_json: '["订单号"]', mapping_json: '{"订单号":"order_id"}', created_at: now, updated_at: now },
    },
  ],
  4: [{ table: 'upload_attempt_records', row: { attempt_id: 1, record_id: 1 } }],
  6: [
    { table: 'ticket_actions', row: { ticket_id: 'TK1', action: 'reply', body: '您好，已为您重置密码', state: 'queued', created_at: now } },
    { table: 'product_authorizations', row: { product_id: 'OFFI1', sub_account: 'sub_ops_1', updated_at: now } },
  ],
  7: [
    {
      table: 'bills',
      row: {
        bill_id: 'BL202610001',
        billing_period: '2026-10',
        period_start: Date.UTC(2026, 8, 30, 16),
        product_type: 'general',
        amount_fen: 1880000,
        settlement_amount_fen: 1786000,
        status: '待开票',
        generated_at: now,
        source: 'import',
        updated_at: now,
      },
    },
  ],
  8: [{ table: 'stale_search_indexes', row: { index_name: 'orders_search' } }],
  9: [
    { table: 'ticket_messages', row: { ticket_id: 'TK1', message_id: 'm1', author: 'customer', body: '开通后无法登录控制台，提示密码错误', sent_at: now } },
    { table: 'sync_cursors', row: { resource: 'tickets', cursor: 'x', last_synced_at: now, last_error_json: '{"code":"MKT.0999"}', last_error_at: now } },
  ],
  5: [
    {
      table: 'orders_search',
      row: { order_id: 'CS2611240100ABCDE', customer_name: '杭州星河信息技术有限公司', user_name: 'hw10000001', product_name: '智云财务管理系统' },
    },
  ],
};

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
