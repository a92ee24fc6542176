import type { ReportPeriod } from '../contract';
import { amountField, integerField, textField, type ExportTable } from '../lists';
import { reportSql } from './figures-sql';
import { dayRange } from './periods';

type Filters = { period: ReportPeriod };

/** The report as one sheet, in the report's order: 合计, then by month, by product type and by product. */
export const STORE_FIGURES_EXPORT: ExportTable<Filters> = {
  title: '云商店订单交易额与订单数',
  fields: [
    textField('分组', 'section', 10, { 0: '合计', 1: '按月', 2: '按商品类型', 3: '按商品' }),
    textField('名称', 'name', 30, 'productType'),
    integerField('支付订单数', 'paidOrders'),
    amountField('订单交易额', 'orderAmountFen'),
    integerField('交易笔数', 'transactions'),
    amountField('已出账金额', 'billedFen'),
    amountField('待出账金额', 'unbilledFen'),
  ],
  rows({ period }) {
    const range = dayRange(period);
    const { sql, params } = reportSql(range);
    const name = `CASE WHEN section = 0 THEN '${range.from} 至 ${range.to}' WHEN name IS NULL THEN '其他 ' || products || ' 个商品' ELSE name END`;
    return { sql: `SELECT section, ${name}, paidOrders, orderAmountFen, transactions, billedFen, unbilledFen FROM (${sql})`, params };
  },
  count(db, filters) {
    const { sql, params } = this.rows(filters);
    return (db.prepare(`SELECT COUNT(*) AS n FROM (${sql})`).get(params) as { n: number }).n;
  },
};
