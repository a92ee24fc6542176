import type { HandlersFor, transactionDetailsContract } from '../contract';
import type { SqliteDatabase } from '../db';
import { countMatches, readPage } from '../lists';
import { DETAIL_LIST } from './details-list';

export function transactionDetailHandlers(db: SqliteDatabase): HandlersFor<typeof transactionDetailsContract> {
  return {
    'transactionDetails.page': (request) => readPage(db, DETAIL_LIST, request),
    'transactionDetails.count': ({ filters }) => countMatches(db, DETAIL_LIST, filters),
  };
}
