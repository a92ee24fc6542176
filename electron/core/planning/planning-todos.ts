import type { SqliteDatabase } from '../db';
import type { TodoProvider } from '../todos';

/** 商家总览's to-do: products whose business plan is still to be filled (or was rejected). */
export function planningTodos(db: SqliteDatabase): TodoProvider[] {
  const toFill = db.prepare(`SELECT COUNT(*) FROM business_plans WHERE approval = 'to_fill'`).pluck();
  return [
    { key: 'planning.toFill', link: { section: 'planning', filters: { approval: 'to_fill' } }, read: () => ({ count: toFill.get() as number, overdue: null }) },
  ];
}
