import { Alert, Button, Descriptions, Drawer } from 'antd';
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../../electron/core/contract';
import { formatFen, formatRatio } from '../../app/format-money';
import { formatTime } from '../../app/format-time';
import { BigTable, type BigColumn, type TableSort } from '../../components/big-table/BigTable';
import { CellTag } from '../../components/big-table/CellTag';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar, type FilterField } from '../../components/filter-bar/FilterBar';
import { TableEmpty } from '../../components/filter-bar/TableEmpty';
import { PageFrame } from '../../components/page/PageFrame';
import { SellerCenterImport } from '../../components/SellerCenterImport';
import { SyncButton } from '../../components/SyncButton';
import { useSyncedVersion } from '../../app/use-synced-version';
import { useCore } from '../../stores/core-store';
import { OrderDrawer } from './OrderDrawer';
import { ProductTypeTabs } from './ProductTypeTabs';
import { useLabels } from './use-labels';
import { useFilters, useReviewSource } from './use-review-source';

type Filters = NonNullable<MethodInput<'transactionDetails.page'>['filters']>;
type DetailRow = MethodOutput<'transactionDetails.page'>['rows'][number];
type Totals = MethodOutput<'transactionDetails.totals'>;
const BILLING_STATUSES = ['billed', 'unbilled'] as const;
const SUPERVISION_STATUSES = ['不涉及', '进行中', '已完成'];

/** 交易明细: product-type tabs, Seller Center's filters, the T+1 banner, 合计 of what is filtered, and a row's full details. */
export function TransactionDetailsPage() {
  const { t } = useTranslation();
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const completeThrough = useCore((s) => s.status?.sync.resources.find((r) => r.resource === 'transaction_details')?.completeThrough ?? null);
  const { filters, set, clear, formKey, filtered } = useFilters<Filters>();
  const [refresh, setRefresh] = useState(0);
  const [open, setOpen] = useState<DetailRow | null>(null);
  const [openOrder, setOpenOrder] = useState<string | null>(null);
  const version = refresh + useSyncedVersion('transaction_details');
  const imported = useCallback(() => setRefresh((n) => n + 1), []);
  const billingLabels = useLabels('vocab.billingStatus', BILLING_STATUSES);
  const fields = useMemo<FilterField<Filters>[]>(
    () => [
      { kind: 'text', name: 'orderId', label: t('review.orderId'), width: 180, testId: 'details-order-id' },
      { kind: 'month', name: 'billingPeriod', label: t('review.billingPeriod'), testId: 'details-period' },
      { kind: 'text', name: 'customerAccount', label: t('review.customerAccount'), width: 140 },
      { kind: 'dayRange', from: 'transactionFrom', to: 'transactionTo', label: t('review.transactionAt'), testId: 'details-date' },
      {
        kind: 'select',
        name: 'billingStatus',
        label: t('review.billingStatus'),
        options: BILLING_STATUSES.map((s) => ({ value: s, label: billingLabels[s] })),
        testId: 'details-billing',
      },
      { kind: 'select', name: 'supervisionStatus', label: t('review.supervisionStatus'), options: SUPERVISION_STATUSES.map((s) => ({ value: s, label: s })) },
    ],
    [t, billingLabels],
  );
  // the same elements while only the filters change: a tab click re-renders the tabs, 导出 and the table, not the page's other buttons
  const importAndSync = useMemo(
    () => (
      <>
        <SellerCenterImport kind="transaction_details" onImported={imported} />
        <SyncButton resources={['transaction_details']} testId="sync-transaction_details" />
      </>
    ),
    [imported],
  );
  // 导出 takes new filters in a render of its own after the table's: its (closed) dialog is not drawn before the table asks for rows
  const exportFilters = useDeferredValue(filters);
  const exportButton = useMemo(
    () => <ExportButton selection={{ table: 'transaction_details', filters: exportFilters }} testId="export-transaction-details" />,
    [exportFilters],
  );
  const banner = useMemo(
    () => (
      <Alert
        type="info"
        showIcon
        data-testid="details-complete-through"
        message={completeThrough ? t('review.completeThrough', { day: formatTime(completeThrough - 1, timeZone).slice(0, 10) }) : t('review.notSynced')}
      />
    ),
    [completeThrough, timeZone, t],
  );
  return (
    <PageFrame
      title={t('nav.sections.transactions')}
      testId="page-transactions"
      actions={
        <>
          {exportButton}
          {importAndSync}
        </>
      }
    >
      {banner}
      <ProductTypeTabs value={filters.productType} onChange={set} />
      <FilterBar key={formKey} fields={fields} onApply={set} testId="details-filters" />
      <DetailsTable filters={filters} version={version} filtered={filtered} onClearFilters={clear} onImported={imported} onRowClick={setOpen} />
      {open && <DetailDrawer detail={open} onClose={() => setOpen(null)} onOpenOrder={setOpenOrder} />}
      {openOrder && <OrderDrawer orderId={openOrder} onClose={() => setOpenOrder(null)} />}
    </PageFrame>
  );
}

interface DetailsTableProps {
  filters: Filters;
  version: number;
  filtered: boolean;
  onClearFilters: () => void;
  onImported: () => void;
  onRowClick: (row: DetailRow) => void;
}

/**
 * The table with its count and 合计, on its own: their answers re-render it alone, not the page's
 * tabs, filter form and buttons.
 */
const DetailsTable = memo(function DetailsTable({ filters, version, filtered, onClearFilters, onImported, onRowClick }: DetailsTableProps) {
  const { t } = useTranslation();
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const [sort, setSort] = useState<TableSort | null>(null);
  const { total, fetchPage } = useReviewSource('transactionDetails.page', 'transactionDetails.count', filters, version, sort);
  const totals = useTotals(filters, version);
  const summary = useMemo(() => (totals && totals.rows > 0 ? <TotalsLine totals={totals} /> : null), [totals]);
  const billingLabels = useLabels('vocab.billingStatus', BILLING_STATUSES);
  const columns = useMemo<BigColumn<DetailRow>[]>(
    () => [
      { key: 'orderId', title: t('review.orderId'), width: 190, render: (r) => <span data-testid="detail-order-id">{r.orderId}</span> },
      { key: 'at', title: t('review.transactionAt'), width: 150, sortField: 'transactionAt', render: (r) => formatTime(r.transactionAt, timeZone) },
      { key: 'amount', title: t('review.transactionAmount'), width: 120, align: 'end', sortField: 'amountFen', render: (r) => formatFen(r.amountFen) },
      {
        key: 'billing',
        title: t('review.billingStatus'),
        width: 90,
        render: (r) => <CellTag color={r.billingStatus === 'billed' ? 'green' : 'gold'}>{billingLabels[r.billingStatus]}</CellTag>,
      },
      { key: 'settlement', title: t('review.settlementAmount'), width: 120, align: 'end', render: (r) => formatFen(r.settlementAmountFen) },
      { key: 'period', title: t('review.billingPeriod'), width: 90, render: (r) => r.billingPeriod },
      { key: 'account', title: t('review.customerAccount'), width: 130, render: (r) => r.customerAccount },
      { key: 'product', title: t('review.productName'), width: 200, render: (r) => r.productName },
      { key: 'supervision', title: t('review.supervisionStatus'), width: 110, render: (r) => r.supervisionStatus ?? '-' },
    ],
    [t, timeZone, billingLabels],
  );
  const empty = useMemo(() => {
    const fill = (
      <>
        <SyncButton resources={['transaction_details']} primary testId="sync-transaction_details-empty" />
        <SellerCenterImport kind="transaction_details" onImported={onImported} testId="import-transaction_details-empty" />
      </>
    );
    return <TableEmpty filtered={filtered} what={t('nav.sections.transactions')} actions={fill} onClearFilters={onClearFilters} />;
  }, [filtered, t, onImported, onClearFilters]);
  return (
    <BigTable
      testId="details-table"
      columns={columns}
      total={total}
      fetchPage={fetchPage}
      sort={sort}
      onSortChange={setSort}
      onRowClick={onRowClick}
      summary={summary}
      empty={empty}
    />
  );
});

/** Filters the seller only passes through (clicking along the tabs) are not summed. */
const TOTALS_AFTER_MS = 300;

/**
 * 合计 of every row the filters select (not only the rows on screen). Asked once the filters have
 * stayed put for a moment: the sum reads every matching row (on the core's worker thread), and the
 * rows themselves come first.
 */
function useTotals(filters: Filters, refresh: number): Totals | null {
  const client = useCore((s) => s.client);
  const key = `${refresh}:${JSON.stringify(filters)}`;
  const [answer, setAnswer] = useState<{ key: string; totals: Totals } | null>(null);
  useEffect(() => {
    if (!client) return;
    let current = true;
    const timer = setTimeout(() => {
      const asked = JSON.parse(key.slice(key.indexOf(':') + 1)) as Filters;
      void client.call('transactionDetails.totals', { filters: asked }).then((totals) => current && setAnswer({ key, totals }));
    }, TOTALS_AFTER_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, key]);
  return answer?.key === key ? answer.totals : null;
}

function TotalsLine({ totals }: { totals: Totals }) {
  const { t } = useTranslation();
  return (
    <span data-testid="details-totals" data-amount-fen={totals.amountFen}>
      {t('review.totals', {
        amount: formatFen(totals.amountFen),
        settlement: formatFen(totals.settlementAmountFen),
        opsFee: formatFen(totals.opsFeeFen),
      })}
    </span>
  );
}

function DetailDrawer({ detail, onClose, onOpenOrder }: { detail: DetailRow; onClose: () => void; onOpenOrder: (orderId: string) => void }) {
  const { t } = useTranslation();
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  return (
    <Drawer open size={560} title={t('review.detailTitle', { id: detail.detailId })} onClose={onClose} data-testid="detail-drawer">
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('review.orderId')}>
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpenOrder(detail.orderId)} data-testid="detail-open-order">
            {detail.orderId}
          </Button>
        </Descriptions.Item>
        <Descriptions.Item label={t('review.orderLineId')}>{detail.orderLineId ?? '-'}</Descriptions.Item>
        <Descriptions.Item label={t('review.detailId')}>{detail.detailId}</Descriptions.Item>
        <Descriptions.Item label={t('review.productType')}>{t(`vocab.productType.${detail.productType}`)}</Descriptions.Item>
        <Descriptions.Item label={t('review.productName')}>{detail.productName}</Descriptions.Item>
        <Descriptions.Item label={t('review.customerAccount')}>{detail.customerAccount}</Descriptions.Item>
        <Descriptions.Item label={t('review.chargingMode')}>
          {t(`vocab.chargingMode.${detail.chargingMode}`, { defaultValue: detail.chargingMode })}
        </Descriptions.Item>
        <Descriptions.Item label={t('review.billingPeriod')}>{detail.billingPeriod}</Descriptions.Item>
        <Descriptions.Item label={t('review.transactionAt')}>{formatTime(detail.transactionAt, timeZone)}</Descriptions.Item>
        <Descriptions.Item label={t('review.billingStatus')}>{t(`vocab.billingStatus.${detail.billingStatus}`)}</Descriptions.Item>
        <Descriptions.Item label={t('review.supervisionStatus')}>{detail.supervisionStatus ?? '-'}</Descriptions.Item>
        <Descriptions.Item label={t('review.transactionAmount')}>{formatFen(detail.amountFen)}</Descriptions.Item>
        <Descriptions.Item label={t('review.settlementAmount')}>{formatFen(detail.settlementAmountFen)}</Descriptions.Item>
        <Descriptions.Item label={t('review.opsFee')}>{formatFen(detail.amountFen - detail.settlementAmountFen)}</Descriptions.Item>
        <Descriptions.Item label={t('review.opsFeeRatio')}>
          <span data-testid="detail-ops-ratio">{formatRatio(detail.opsFeeRatio)}</span>
        </Descriptions.Item>
      </Descriptions>
    </Drawer>
  );
}
