import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, migrations, openDatabase } from '../../electron/core/db';
import { OrdersTable, type OrderRecord } from '../../electron/core/orders';
import { trigramsCovering } from '../../electron/core/orders/order-list';
import { dbOf, startCore } from '../support/core';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

const order = (orderId: string, customerName: string, productName = '智云财务管理系统'): OrderRecord => ({
  order_id: orderId,
  order_type: 'NEW',
  status: 'completed',
  product_type: 'general',
  product_name: productName,
  customer_name: customerName,
  user_name: 'hw10000001',
  amount_fen: 100,
  created_at: Date.UTC(2026, 10, 24),
  paid_at: null,
  updated_at: Date.UTC(2026, 10, 24),
  lines: [],
});

describe('order search (订单 搜索)', () => {
  it('finds a term only where it stands whole, whatever trigrams other orders share, in Chinese, ASCII of any case and quotes', async () => {
    const { core, client } = await startCore(tempDir(), { sandbox: 'off' });
    try {
      const orders = new OrdersTable(dbOf(core));
      orders.upsert(order('CS1', '杭州星河信息技术有限公司'), 'import');
      // holds both trigrams of 杭州星河 (杭州星, 州星河) but not the term itself
      orders.upsert(order('CS2', '州星河科技（杭州星辰）'), 'import');
      orders.upsert(order('CS3', '上海云帆网络科技有限公司', 'ABC-Cloud 数据库审计'), 'import');
      orders.upsert(order('CS4', '北京"致远"软件'), 'import');
      const found = async (search: string) => (await client.call('orders.page', { filters: { search }, limit: 50 })).rows.map((r) => r.orderId).sort();
      expect(await found('杭州星河')).toEqual(['CS1']);
      expect(await found('星河信息技术有限')).toEqual(['CS1']);
      expect(await found('州星河')).toEqual(['CS1', 'CS2']);
      expect(await found('abc-cloud')).toEqual(['CS3']);
      expect(await found('"致远"')).toEqual(['CS4']);
      expect(await found('杭州')).toEqual(['CS1', 'CS2']);
      expect(await found('杭州星河科技')).toEqual([]);
    } finally {
      await core.close();
    }
  });

  it('an older cache gets its order search rebuilt by the upgrade, and finds what it held', () => {
    const file = path.join(tempDir(), DATABASE_FILE_NAME);
    const previous = openDatabase(file, { migrations: migrations.filter((m) => m.version < 17) });
    new OrdersTable(previous).upsert(order('CS1', '杭州星河信息技术有限公司'), 'import');
    previous.close();
    const db = openDatabase(file);
    expect(db.prepare(`SELECT rowid FROM orders_search WHERE orders_search MATCH '"星河信" AND "息技术"'`).pluck().all()).toHaveLength(1);
    expect(db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'orders_search'`).pluck().get()).toContain("detail = 'none'");
    db.close();
  });

  it('covers every character of a term with as few trigrams as it can', () => {
    expect(trigramsCovering('杭州')).toEqual([]);
    expect(trigramsCovering('杭州星')).toEqual(['杭州星']);
    expect(trigramsCovering('杭州星河')).toEqual(['杭州星', '州星河']);
    expect(trigramsCovering('abcdef')).toEqual(['abc', 'def']);
    expect(trigramsCovering('abcdefg')).toEqual(['abc', 'def', 'efg']);
    expect(trigramsCovering('云😀帆网')).toEqual(['云😀帆', '😀帆网']);
  });
});
