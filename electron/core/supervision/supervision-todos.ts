import type { SqliteDatabase } from '../db';
import type { TodoProvider } from '../todos';
import { APPEALABLE_SQL, COMPLETION_OVERDUE_SQL, FLOWS_WITH_ORDERS } from './supervision-list';

/** 商家总览's to-dos for 服务监管: steps waiting on the seller, 申诉 open, completions overdue. */
export function supervisionTodos(db: SqliteDatabase): TodoProvider[] {
  const count = (where: string) => {
    const statement = db.prepare(`SELECT COUNT(*) FROM ${FLOWS_WITH_ORDERS} WHERE ${where}`).pluck();
    return (now: number) => statement.get({ now }) as number;
  };
  const waiting = count(`f.status = 'in_progress' AND f.turn = 'seller' AND @now IS NOT NULL`);
  const appealable = count(APPEALABLE_SQL);
  const overdue = count(COMPLETION_OVERDUE_SQL);
  return [
    {
      key: 'supervision.waitingOnMe',
      link: { section: 'supervision', filters: { turn: 'seller', status: 'in_progress' } },
      read: (now) => ({ count: waiting(now), overdue: null }),
    },
    {
      key: 'supervision.appealable',
      link: { section: 'supervision', filters: { appealable: true } },
      read: (now) => ({ count: appealable(now), overdue: null }),
    },
    {
      key: 'supervision.completionOverdue',
      link: { section: 'supervision', filters: { completionOverdue: true } },
      read: (now) => {
        const count = overdue(now);
        return { count, overdue: count };
      },
    },
  ];
}
