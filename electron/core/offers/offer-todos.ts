import type { SqliteDatabase } from '../db';
import type { TodoProvider } from '../todos';
import { EXPIRING_SOON_SQL, LAPSING_SOON_SQL } from './offer-lists';

/** 商家总览's to-dos: requirements lapsing within 24 hours, offers expiring within 7 days. */
export function offerTodos(db: SqliteDatabase): TodoProvider[] {
  const lapsing = db.prepare(`SELECT COUNT(*) FROM requirements WHERE ${LAPSING_SOON_SQL}`).pluck();
  const expiring = db.prepare(`SELECT COUNT(*) FROM offers WHERE ${EXPIRING_SOON_SQL}`).pluck();
  return [
    {
      key: 'requirements.lapsing',
      link: { section: 'offers', filters: { lapsingSoon: true } },
      read: (now) => ({ count: lapsing.get({ now }) as number, overdue: null }),
    },
    {
      key: 'offers.expiring',
      link: { section: 'offers', filters: { expiringSoon: true } },
      read: (now) => ({ count: expiring.get({ now }) as number, overdue: null }),
    },
  ];
}
