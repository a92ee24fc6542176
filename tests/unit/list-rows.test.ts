import { describe, expect, it } from 'vitest';
import { itemsOfRows, rowsOfItems } from '../../electron/core/marketplace';

describe('list items as rows (the shape=rows wire form)', () => {
  it('puts every item under every key any item has, in the order first met, null where an item has none', () => {
    const items = [
      { order_id: 'CS1', amount_fen: 100, paid_at: undefined },
      { amount_fen: 200, order_id: 'CS2', paid_at: 1 },
      { order_id: 'CS3', amount_fen: 300, paid_at: null, memo: '续费' },
    ];
    expect(rowsOfItems(items)).toEqual({
      fields: ['order_id', 'amount_fen', 'paid_at', 'memo'],
      values: [
        ['CS1', 100, null, null],
        ['CS2', 200, 1, null],
        ['CS3', 300, null, '续费'],
      ],
    });
  });

  it('gives back items with the same values as they went out', () => {
    const items = [
      { detail_id: 'D1', transaction_at: 1_767_225_600_000, supervision_status: null },
      { detail_id: 'D2', transaction_at: 1_767_225_600_001, supervision_status: '已监管' },
    ];
    expect(itemsOfRows(rowsOfItems(items))).toEqual(items);
    expect(rowsOfItems([])).toEqual({ fields: [], values: [] });
  });
});
