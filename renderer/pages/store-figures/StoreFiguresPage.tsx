import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Col, Descriptions, Row, Statistic, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Figures, ReportPeriod, StoreFigures } from '../../../electron/core/contract';
import { beijingDate } from '../../../electron/core/conventions';
import { errorMessage } from '../../app/error-message';
import { formatFen } from '../../app/format-money';
import { formatTime } from '../../app/format-time';
import { useDataVersion } from '../../app/use-core-refresh';
import { coreNow } from '../../app/use-now';
import { ExportButton } from '../../components/ExportButton';
import { PageFrame } from '../../components/page/PageFrame';
import { useCore } from '../../stores/core-store';
import { PeriodPicker, periodName, quarterOf } from './PeriodPicker';
import './print.css';

/**
 * 云商店订单交易额/订单数: paid orders and transaction details for a period, by month, product type and
 * product, with the rule behind each figure; printed (to PDF) or exported to Excel to hand over.
 */
export function StoreFiguresPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<ReportPeriod>(() => quarterOf(beijingDate(coreNow())));
  const report = useReport(period);
  const name = periodName(period, t);
  return (
    <PageFrame
      title={t('nav.sections.storeFigures')}
      testId="page-storeFigures"
      scroll
      actions={
        <div className="no-print" style={{ display: 'flex', gap: 8 }}>
          <PrintButton fileName={`${t('figures.fileTitle')}_${name}.pdf`} />
          <ExportButton selection={{ table: 'store_figures', filters: { period } }} testId="export-store-figures" />
        </div>
      }
    >
      <div className="no-print">
        <PeriodPicker value={period} onChange={setPeriod} />
      </div>
      {report.error && <Alert type="error" showIcon message={report.error} />}
      {report.data && <Report report={report.data} name={name} />}
    </PageFrame>
  );
}

function useReport(period: ReportPeriod): { data: StoreFigures | null; error: string | null } {
  const client = useCore((s) => s.client);
  const version = useDataVersion();
  const key = JSON.stringify(period);
  const [state, setState] = useState<{ data: StoreFigures | null; error: string | null }>({ data: null, error: null });
  useEffect(() => {
    let current = true;
    client
      ?.call('reports.storeFigures', { period: JSON.parse(key) as ReportPeriod })
      .then((data) => current && setState({ data, error: null }))
      .catch((error: unknown) => current && setState({ data: null, error: errorMessage(error) }));
    return () => {
      current = false;
    };
  }, [client, key, version]);
  return state;
}

/** The report itself: what prints. */
function Report({ report, name }: { report: StoreFigures; name: string }) {
  const { t } = useTranslation();
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const { totals } = report;
  return (
    <div className="print-area" data-testid="store-figures-report">
      <h2 className="print-only">{t('figures.printTitle')}</h2>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered data-testid="report-header">
        <Descriptions.Item label={t('figures.seller')}>{report.sellerName ?? t('overview.seller.unknown')}</Descriptions.Item>
        <Descriptions.Item label={t('figures.period')}>
          <span data-testid="report-period">
            {name}（{t('filters.range', { from: report.period.from, to: report.period.to })}）
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('figures.asOf')}>{formatTime(report.asOf, timeZone)}</Descriptions.Item>
        <Descriptions.Item label={t('figures.source')}>{t(`figures.sources.${report.source ?? 'none'}`)}</Descriptions.Item>
      </Descriptions>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }} data-testid="report-totals">
        <Col xs={12} md={6}>
          <Statistic title={t('figures.orderAmount')} value={formatFen(totals.orderAmountFen)} data-testid="total-order-amount" />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('figures.paidOrders')} value={totals.paidOrders} />
        </Col>
        <Col xs={12} md={5}>
          <Statistic title={t('figures.billed')} value={formatFen(totals.billedFen)} />
        </Col>
        <Col xs={12} md={5}>
          <Statistic title={t('figures.unbilled')} value={formatFen(totals.unbilledFen)} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('figures.transactions')} value={totals.transactions} />
        </Col>
      </Row>
      <FiguresTable title={t('figures.byMonth')} rows={report.byMonth} nameOf={(r) => r.month} nameTitle={t('overview.month')} testId="by-month" />
      <FiguresTable
        title={t('figures.byProductType')}
        rows={report.byProductType}
        nameOf={(r) => t(`vocab.productType.${r.productType}`, { defaultValue: r.productType })}
        nameTitle={t('review.productType')}
        testId="by-product-type"
      />
      <FiguresTable
        title={t('figures.byProduct')}
        rows={report.byProduct}
        nameOf={(r) => r.productName ?? t('figures.otherProducts', { count: r.products })}
        nameTitle={t('review.productName')}
        testId="by-product"
      />
      <Card size="small" title={t('figures.rules.title')} style={{ marginTop: 12 }}>
        <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="report-rules">
          <li>{t('figures.rules.paidOrders')}</li>
          <li>{t('figures.rules.transactions')}</li>
          <li>{t('figures.rules.products')}</li>
          <li>{t('figures.rules.cache')}</li>
        </ul>
      </Card>
    </div>
  );
}

function FiguresTable<R extends Figures>({
  title,
  rows,
  nameOf,
  nameTitle,
  testId,
}: {
  title: string;
  rows: R[];
  nameOf: (row: R) => string;
  nameTitle: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} style={{ marginTop: 12 }} className="print-block">
      <Table<R>
        size="small"
        pagination={false}
        rowKey={(r) => nameOf(r)}
        dataSource={rows}
        data-testid={testId}
        columns={[
          { title: nameTitle, key: 'name', render: (_: unknown, r) => nameOf(r) },
          { title: t('figures.paidOrders'), dataIndex: 'paidOrders', align: 'end' },
          { title: t('figures.orderAmount'), dataIndex: 'orderAmountFen', align: 'end', render: (fen: number) => formatFen(fen) },
          { title: t('figures.transactions'), dataIndex: 'transactions', align: 'end' },
          { title: t('figures.billed'), dataIndex: 'billedFen', align: 'end', render: (fen: number) => formatFen(fen) },
          { title: t('figures.unbilled'), dataIndex: 'unbilledFen', align: 'end', render: (fen: number) => formatFen(fen) },
        ]}
      />
    </Card>
  );
}

/** The desktop app prints the page to a PDF file (printToPDF); a browser opens its own print dialog. */
function PrintButton({ fileName }: { fileName: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const print = async () => {
    const host = window.sellerDeskHost;
    if (!host) return window.print();
    try {
      const { saved } = await host.printToPdf(fileName);
      if (saved) void message.success(t('figures.savedPdf', { file: saved }));
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };
  return (
    <Button icon={<FilePdfOutlined />} onClick={() => void print()} data-testid="print-report">
      {t('figures.print')}
    </Button>
  );
}
