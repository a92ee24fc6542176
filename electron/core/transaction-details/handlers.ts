import type { HandlersFor, transactionDetailsContract } from '../contract';
import type { SqliteDatabase } from '../db';
import { countMatches, readPage, sumsSql, type Aggregates } from '../lists';
import { DETAIL_LIST } from './details-list';

/** 合计 of 交易明细: amounts in fen, the operation fee being what the seller does not receive. */
const DETAIL_SUMS = {
  amountFen: 'SUM(amount_fen)',
  settlementAmountFen: 'SUM(settlement_amount_fen)',
  opsFeeFen: 'SUM(amount_fen - settlement_amount_fen)',
};

export function transactionDetailHandlers(db: SqliteDatabase, aggregates: Aggregates): HandlersFor<typeof transactionDetailsContract> {
  return {
    'transactionDetails.page': (request) => readPage(db, DETAIL_LIST, request),
    'transactionDetails.count': ({ filters }) => countMatches(db, DETAIL_LIST, filters),
    'transactionDetails.totals': ({ filters }) => {
      const { sql, params } = sumsSql(DETAIL_LIST, filters, DETAIL_SUMS);
      return aggregates.row(sql, params);
    },
  };
}
