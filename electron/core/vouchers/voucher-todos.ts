import type { SqliteDatabase } from '../db';
import type { TodoProvider } from '../todos';
import { THIS_WEEK_SQL } from './voucher-list';

/** 商家总览's to-do: vouchers starting or ending within 7 days. */
export function voucherTodos(db: SqliteDatabase): TodoProvider[] {
  const thisWeek = db.prepare(`SELECT COUNT(*) FROM vouchers WHERE ${THIS_WEEK_SQL}`).pluck();
  return [
    {
      key: 'vouchers.thisWeek',
      link: { section: 'vouchers', filters: { thisWeek: true } },
      read: (now) => ({ count: thisWeek.get({ now }) as number, overdue: null }),
    },
  ];
}
