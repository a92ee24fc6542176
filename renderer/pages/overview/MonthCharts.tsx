import { Card, Col, Empty, Row, Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../../electron/core/contract';
import { formatFen } from '../../app/format-money';
import { Chart, type ChartOption } from '../../components/charts/Chart';

type Month = Overview['months'][number];

/** 近 12 个月: 交易金额 and 支付成功订单数 as bars, 商品浏览量 and 独立访客数 as lines, and the same figures as a table. */
export function MonthCharts({ months, traffic }: { months: Month[]; traffic: Overview['traffic'] }) {
  const { t } = useTranslation();
  const labels = months.map((m) => m.month);
  const sales = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 64, right: 48, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: labels },
      yAxis: [
        { type: 'value', name: t('overview.chart.yuan'), axisLabel: { formatter: (v: number) => v.toLocaleString() } },
        { type: 'value', name: t('overview.chart.orders'), minInterval: 1 },
      ],
      series: [
        {
          name: t('overview.amount'),
          type: 'bar',
          data: months.map((m) => m.amountFen / 100),
          tooltip: { valueFormatter: (v: number) => formatFen(Math.round(v * 100)) },
        },
        { name: t('overview.paidOrders'), type: 'bar', yAxisIndex: 1, data: months.map((m) => m.paidOrders) },
      ],
    }),
    [months, labels, t],
  );
  const visits = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 64, right: 24, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('overview.pageViews'), type: 'line', smooth: true, data: months.map((m) => m.pageViews) },
        { name: t('overview.visitors'), type: 'line', smooth: true, data: months.map((m) => m.visitors) },
      ],
    }),
    [months, labels, t],
  );
  const notProvided = t('overview.notProvided');
  return (
    <Card size="small" title={t('overview.monthsTitle')}>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Chart option={sales} testId="chart-sales" label={t('overview.chart.salesLabel')} />
        </Col>
        <Col xs={24} xl={12}>
          {traffic.available ? (
            <Chart option={visits} testId="chart-traffic" label={t('overview.chart.trafficLabel')} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`overview.trafficMissing.${traffic.reason}`)} data-testid="traffic-missing" />
          )}
        </Col>
      </Row>
      <Table
        size="small"
        rowKey="month"
        pagination={false}
        dataSource={months}
        style={{ marginTop: 8 }}
        scroll={{ x: 640 }}
        data-testid="months-table"
        columns={[
          { title: t('overview.month'), dataIndex: 'month' },
          { title: t('overview.amount'), dataIndex: 'amountFen', align: 'end', render: (fen: number) => formatFen(fen) },
          { title: t('overview.paidOrders'), dataIndex: 'paidOrders', align: 'end' },
          {
            title: t('overview.pageViews'),
            dataIndex: 'pageViews',
            align: 'end',
            render: (n: number | null) => (n === null ? notProvided : n.toLocaleString()),
          },
          { title: t('overview.visitors'), dataIndex: 'visitors', align: 'end', render: (n: number | null) => (n === null ? notProvided : n.toLocaleString()) },
        ]}
      />
    </Card>
  );
}
