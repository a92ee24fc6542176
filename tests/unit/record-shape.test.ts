import { describe, expect, it } from 'vitest';
import { RecordShape } from '../../electron/core/imports/record-shape';

/** Sends records the way the import staging does: values on one thread, the shape as JSON, records again on the other. */
function crossed(records: Record<string, unknown>[]): Record<string, unknown>[] {
  const shape = new RecordShape();
  const values: unknown[] = [];
  for (const record of records) shape.append(record, values);
  const other = new RecordShape(JSON.parse(JSON.stringify(shape.toJSON())));
  return other.recordsIn(JSON.parse(JSON.stringify(values)) as unknown[]);
}

describe('records crossing to the import staging thread as arrays of values', () => {
  it('come back with every field, nulls and lists of lines included', () => {
    const orders = [
      { order_id: 'CS1', customer_name: '杭州星河信息技术有限公司', amount_fen: 123456, paid_at: null, lines: [{ order_line_id: 'CS1-1', sku_code: null }] },
      { order_id: 'CS2', customer_name: 'hw"quoted"\n', amount_fen: -5, paid_at: 1_767_225_600_000, lines: [] },
      { order_id: 'CS3', customer_name: '', amount_fen: 0, paid_at: null, lines: null },
    ];
    expect(crossed(orders)).toEqual(orders);
  });

  it('learn the shape of lines from the first order that has any, after orders that had none', () => {
    const orders = [
      { order_id: 'CS1', lines: [] },
      { order_id: 'CS2', lines: [{ order_line_id: 'CS2-1', amount_fen: 1 }] },
      {
        order_id: 'CS3',
        lines: [
          { order_line_id: 'CS3-1', amount_fen: 2 },
          { order_line_id: 'CS3-2', amount_fen: 3 },
        ],
      },
    ];
    expect(crossed(orders)).toEqual(orders);
  });

  it('refuse a record with other fields than the first, naming both', () => {
    const shape = new RecordShape();
    const out: unknown[] = [];
    shape.append({ order_id: 'CS1', status: 'completed', lines: [] }, out);
    expect(() => shape.append({ order_id: 'CS2', state: 'completed', lines: [] }, out)).toThrow(/expected order_id, status, lines, got order_id, state, lines/);
    expect(() => shape.append({ order_id: 'CS2', status: 'completed' }, out)).toThrow(/same fields/);
    expect(() => shape.append({ order_id: 'CS2', status: ['completed'], lines: [] }, out)).toThrow(/lists where the first had lists/);
    expect(() => shape.append({ order_id: 'CS2', status: 'completed', lines: 'none' }, out)).toThrow(/lists where the first had lists/);
    expect(() => shape.append({ order_id: 'CS2', status: 'completed', lines: [7] }, out)).toThrow(/a list of records holds 7/);
  });
});
