import type { billsContract, HandlersFor } from '../contract';
import type { SqliteDatabase } from '../db';
import { countMatches, readPage } from '../lists';
import { BILL_LIST } from './bills-list';

export function billHandlers(db: SqliteDatabase): HandlersFor<typeof billsContract> {
  return {
    'bills.page': (request) => readPage(db, BILL_LIST, request),
    'bills.count': ({ filters }) => countMatches(db, BILL_LIST, filters),
  };
}
