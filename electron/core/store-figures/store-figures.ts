import { addMonths, billingPeriodOf } from '../conventions';
import type { Figures, ReportPeriod, StoreFigures as Report } from '../contract';
import type { SqliteDatabase } from '../db';
import { paidOrdersByMonthSql, reportSql } from './figures-sql';
import { dayRange, twelveMonthsTo } from './periods';

export interface ReportContext {
  now: number;
  source: Report['source'];
  sellerName: string | null;
}

/** Paid orders in one Beijing month (商家总览). */
export interface MonthPaidOrders {
  month: string;
  paidOrders: number;
  amountFen: number;
}

/** One line of the report query: its section (0 totals, 1 month, 2 product type, 3 product), name and figures. */
type Line = Figures & { section: 0 | 1 | 2 | 3; name: string | null; products: number };

/**
 * 云商店订单交易额/订单数 and the overview's 12 months, read from the totals the database keeps: a
 * year's report sums a few thousand lines, not every order and transaction detail.
 */
export class StoreFiguresReader {
  constructor(private readonly db: SqliteDatabase) {}

  report(period: ReportPeriod, context: ReportContext): Report {
    const range = dayRange(period);
    const { sql, params } = reportSql(range);
    const lines = this.db.prepare(sql).all(params) as Line[];
    const of = (section: Line['section']) => lines.filter((line) => line.section === section);
    return {
      period: { from: range.from, to: range.to },
      asOf: context.now,
      source: context.source,
      sellerName: context.sellerName,
      totals: figures(of(0)[0]!),
      byMonth: of(1).map((line) => ({ month: line.name!, ...figures(line) })),
      byProductType: of(2).map((line) => ({ productType: line.name!, ...figures(line) })),
      byProduct: of(3).map((line) => ({ productName: line.name, products: line.products, ...figures(line) })),
    };
  }

  /** The 12 Beijing months up to `now`'s, oldest first, every month present (a month without payments: zeros). */
  lastTwelveMonths(now: number): MonthPaidOrders[] {
    const current = billingPeriodOf(now);
    const { sql, params } = paidOrdersByMonthSql(twelveMonthsTo(current));
    const found = new Map((this.db.prepare(sql).all(params) as MonthPaidOrders[]).map((m) => [m.month, m]));
    return Array.from({ length: 12 }, (_, i) => {
      const month = addMonths(current, i - 11);
      return found.get(month) ?? { month, paidOrders: 0, amountFen: 0 };
    });
  }
}

function figures(line: Line): Figures {
  return {
    paidOrders: line.paidOrders,
    orderAmountFen: line.orderAmountFen,
    transactions: line.transactions,
    billedFen: line.billedFen,
    unbilledFen: line.unbilledFen,
  };
}
