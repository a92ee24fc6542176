import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db';
import { OrdersTable, type OrderRecord } from '../../electron/core/orders';
import { TransactionDetailsTable, type DetailRecord } from '../../electron/core/transaction-details';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

/**
 * One upsert policy for every source: a record that lacks a value (an import file without the
 * column, an answer without the field) keeps what the cache holds, and a first record without it
 * gets the documented default. Values that are always sent replace what is stored.
 */
describe('the upsert policy of the cached tables', () => {
  const full: DetailRecord = {
    detail_id: 'TD1',
    order_id: 'CS1',
    order_line_id: 'L1',
    product_type: 'joint_operation',
    product_name: '云主机',
    customer_account: 'acct-1',
    charging_mode: 'ON_DEMAND',
    billing_period: '202611',
    transaction_at: 1_000,
    billing_status: 'billed',
    supervision_status: '已完成',
    amount_fen: 500,
    settlement_amount_fen: 450,
    ops_fee_ratio: '0.1',
    updated_at: 1,
  };
  const bare = (detail_id: string): DetailRecord => ({
    ...full,
    detail_id,
    order_line_id: null,
    product_type: null,
    product_name: null,
    customer_account: null,
    charging_mode: null,
    billing_status: null,
    supervision_status: null,
    settlement_amount_fen: null,
    ops_fee_ratio: null,
  });

  it('keeps a transaction detail’s stored values where a later record has none, and defaults a first one', () => {
    const db = openDatabase(path.join(tempDir(), 'cache.sqlite'));
    const write = new TransactionDetailsTable(db).bulkWriter('sandbox');
    const read = (id: string) => db.prepare('SELECT * FROM transaction_details WHERE detail_id = ?').get(id);
    write(full);
    write({ ...bare('TD1'), order_id: 'CS2', amount_fen: 600, billing_period: '202612', transaction_at: 2_000, updated_at: 2 });
    expect(read('TD1')).toEqual({
      ...full,
      order_id: 'CS2',
      amount_fen: 600,
      billing_period: '202612',
      transaction_at: 2_000,
      updated_at: 2,
      source: 'sandbox',
    });
    write(bare('TD2'));
    expect(read('TD2')).toMatchObject({
      product_type: 'general',
      product_name: '',
      customer_account: '',
      charging_mode: 'PERIOD',
      billing_status: 'unbilled',
      settlement_amount_fen: 500, // the amount
      order_line_id: null,
      ops_fee_ratio: null,
    });
    db.close();
  });

  it('keeps an order’s and its lines’ stored values where a later record has none, and defaults a first one', () => {
    const db = openDatabase(path.join(tempDir(), 'cache.sqlite'));
    const table = new OrdersTable(db);
    const order: OrderRecord = {
      order_id: 'CS1',
      order_type: 'RENEW',
      status: 'processing',
      product_type: 'joint_operation',
      product_name: '云主机',
      customer_name: '华为',
      user_name: 'hw-user',
      amount_fen: 900,
      created_at: 1_000,
      paid_at: 1_500,
      updated_at: 1,
      lines: [
        {
          order_line_id: 'L1',
          product_id: 'P1',
          product_name: '云主机',
          sku_code: 'SKU1',
          charging_mode: 'PERIOD',
          period_type: 'month',
          period_number: 3,
          instance_id: 'I1',
          expire_at: 9_000,
          amount_fen: 900,
        },
      ],
    };
    const nothing = {
      order_type: null,
      status: null,
      product_type: null,
      product_name: null,
      customer_name: null,
      user_name: null,
      amount_fen: null,
      paid_at: null,
    };
    const lineWithout = {
      product_id: null,
      product_name: null,
      sku_code: null,
      period_type: null,
      period_number: null,
      instance_id: null,
      expire_at: null,
      amount_fen: null,
    };
    table.upsert(order, 'sandbox');
    table.upsert({ ...order, ...nothing, updated_at: 2, lines: [{ ...order.lines[0]!, ...lineWithout, charging_mode: 'ONE_TIME' }] }, 'import');
    const { lines, ...row } = order;
    expect(db.prepare('SELECT * FROM orders').get()).toEqual({ ...row, currency: 'CNY', updated_at: 2, source: 'import' });
    expect(db.prepare('SELECT * FROM order_lines').get()).toEqual({ ...lines[0], order_id: 'CS1', charging_mode: 'ONE_TIME', updated_at: 2 });
    table.upsert({ ...order, ...nothing, order_id: 'CS2', lines: [{ ...order.lines[0]!, ...lineWithout, order_line_id: 'L2' }] }, 'import');
    expect(
      db.prepare("SELECT order_type, status, product_type, product_name, customer_name, user_name, amount_fen FROM orders WHERE order_id = 'CS2'").get(),
    ).toEqual({
      order_type: 'NEW',
      status: 'completed',
      product_type: 'general',
      product_name: '',
      customer_name: '',
      user_name: '',
      amount_fen: 0,
    });
    expect(db.prepare("SELECT product_id, product_name, amount_fen FROM order_lines WHERE order_line_id = 'L2'").get()).toEqual({
      product_id: '',
      product_name: '',
      amount_fen: 0,
    });
    db.close();
  });
});
