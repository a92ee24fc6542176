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
  10: [
    {
      table: 'seller_profile',
      row: {
        id: 1,
        seller_id: 'SP0000000001',
        seller_name: '杭州云栖数智科技有限公司',
        certification: 'certified',
        agreement: 'signed',
        source: 'sandbox',
        updated_at: now,
      },
    },
    { table: 'store_traffic', row: { month: '2026-11', page_views: 18_000, visitors: 4_100, source: 'sandbox', updated_at: now } },
    { table: 'sync_cursors', row: { resource: 'store_traffic', cursor: 'x', last_synced_at: now } }, // a list the old CHECK did not know
  ],
  11: [
    {
      table: 'supervision_flows',
      row: {
        flow_id: 'SV2611240100ABCDE',
        order_id: 'CS2611240100ABCDE',
        product_name: '智云财务管理软件',
        flow_type: 'license_online_code',
        step: 'license_activate',
        turn: 'seller',
        step_entered_at: now,
        rejections: 0,
        status: 'in_progress',
        license_code: 'LIC2611240100ABCDE',
        origin: 'source',
        updated_at: now,
      },
    },
    { table: 'supervision_actions', row: { id: 1, flow_id: 'SV2611240100ABCDE', action: 'deliver', payload: '{}', state: 'queued', created_at: now } },
    { table: 'supervision_events', row: { flow_id: 'SV2611240100ABCDE', at: now, actor: 'seller', kind: 'action', action_id: 1 } },
    {
      table: 'supervision_files',
      row: { flow_id: 'SV2611240100ABCDE', file_name: 'SOW.pdf', stored_name: 'a.pdf', sha256: 'ab'.repeat(32), size: 10, uploaded_at: now },
    },
  ],
  12: [
    { table: 'product_skus', row: { product_id: 'OFFI1', sku_code: 'SKU-BASIC', name: '基础版' } },
    {
      table: 'requirements',
      row: {
        requirement_id: 'RQ100001',
        provider_name: '南京云帆信息服务有限公司',
        customer_name: '杭州星河信息技术有限公司',
        product_id: 'OFFI846204237451911168',
        product_name: '智云财务管理系统',
        state: 'to_accept',
        expected_share: 0.12,
        max_share: 0.15,
        created_at: now,
        origin: 'source',
        updated_at: now,
      },
    },
    {
      table: 'offers',
      row: {
        offer_id: 'PO0001',
        name: '年度框架优惠',
        customer_name: '杭州星河信息技术有限公司',
        product_id: 'OFFI846204237451911168',
        product_name: '智云财务管理系统',
        discount_rate: 0.85,
        valid_from: now,
        valid_until: now + 1,
        state: 'submitted',
        origin: 'local',
        created_at: now,
        updated_at: now,
      },
    },
    {
      table: 'vouchers',
      row: {
        voucher_id: 'VC0001',
        name: '满1000减100',
        voucher_type: 'full_reduction',
        threshold_fen: 100_000,
        discount_fen: 10_000,
        category: 'general',
        valid_from: now,
        valid_until: now + 1,
        submission: 'published',
        origin: 'source',
        updated_at: now,
      },
    },
    { table: 'voucher_scopes', row: { voucher_id: 'VC0001', product_id: 'OFFI846204237451911168', sku_code: '' } },
    {
      table: 'business_plans',
      row: { product_id: 'OFFI846204237451911168', product_name: '智云财务管理系统', approval: 'to_fill', origin: 'source', updated_at: now },
    },
    { table: 'business_plan_years', row: { product_id: 'OFFI846204237451911168', year: 2026, gmv_fen: 100, projects: 1 } },
    { table: 'sales_history', row: { section: 'plan', item_id: 'OFFI846204237451911168', at: now, actor: 'seller', change: 'submitted' } },
    {
      table: 'sales_submissions',
      row: { section: 'plan', item_id: 'OFFI846204237451911168', action: 'submit', payload: '{}', state: 'queued', created_at: now },
    },
  ],
  13: [
    {
      table: 'agents_registrations',
      row: {
        registration_id: 'AG1',
        product_name: '智能客服大模型API',
        backend_url: 'https://api.example.com/v1/chat',
        auth_mode: 'self_managed',
        region: 'cn-north-4',
        state: 'ready',
        created_at: now,
        updated_at: now,
      },
    },
    { table: 'agents_checks', row: { registration_id: 'AG1', backend_url: 'https://api.example.com/v1/chat', at: now, passed: 1, result: '{}' } },
  ],
  14: [
    {
      table: 'listing_steps',
      row: { product_id: 'OFFI846204237451911168', step: 'haydn_test', done: 1, done_on: '2026-11-20', note: '海顿报告 HD-1', updated_at: now },
    },
    {
      table: 'listing_guide_checks',
      row: {
        product_id: 'OFFI846204237451911168',
        kind: 'saas',
        file_name: '使用指南.docx',
        size: 1024,
        extracted: 1,
        passed: 0,
        result_json: '{}',
        checked_at: now,
      },
    },
    {
      table: 'receiver_categories',
      row: {
        category_code: '101',
        category_name: '产品创建开通通知',
        channels_json: '["site","email","sms"]',
        origin: 'local',
        local_changes_at: now,
        updated_at: now,
      },
    },
    {
      table: 'receivers',
      row: { receiver_id: 'RV1', category_code: '101', position: 0, name: '张伟', email: 'zhang.wei@example.com', mobile: '13800138000', updated_at: now },
    },
    { table: 'receiver_history', row: { category_code: '101', at: now, actor: 'seller', change: 'receiverAdded', detail: '张伟' } },
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
