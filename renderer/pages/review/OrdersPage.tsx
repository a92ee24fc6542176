import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../../electron/core/contract';
import { formatFen } from '../../app/format-money';
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

type Filters = NonNullable<MethodInput<'orders.page'>['filters']>;
type OrderRow = MethodOutput<'orders.page'>['rows'][number];

const STATUS_COLORS = { pending_payment: 'gold', processing: 'blue', cancelled: 'default', completed: 'green' } as const;
const STATUSES = Object.keys(STATUS_COLORS) as (keyof typeof STATUS_COLORS)[];

/** 订单列表: product-type tabs, the Seller Center's filters, Chinese search, sortable amounts, and an order drawer. */
export function OrdersPage() {
  const { t } = useTranslation();
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const { filters, set, clear, formKey, filtered } = useFilters<Filters>();
  const [sort, setSort] = useState<TableSort | null>(null);
  const [refresh, setRefresh] = useState(0);
  const reload = () => setRefresh((n) => n + 1);
  const [open, setOpen] = useState<string | null>(null);
  const synced = useSyncedVersion('orders');
  const { total, fetchPage } = useReviewSource('orders.page', 'orders.count', filters, refresh + synced, sort);
  const statusLabels = useLabels('vocab.orderStatus', STATUSES);
  const fields = useMemo<FilterField<Filters>[]>(
    () => [
      { kind: 'text', name: 'search', label: t('review.search'), placeholder: t('review.searchPlaceholder'), width: 240, testId: 'orders-search' },
      { kind: 'text', name: 'orderId', label: t('review.orderId'), width: 180 },
      {
        kind: 'select',
        name: 'status',
        label: t('review.status'),
        options: STATUSES.map((s) => ({ value: s, label: statusLabels[s] })),
        testId: 'orders-status',
      },
      { kind: 'dayRange', from: 'createdFrom', to: 'createdTo', label: t('review.createdAt'), testId: 'orders-created' },
    ],
    [t, statusLabels],
  );
  // status and amount first: they stay in view when the window is narrow
  const columns = useMemo<BigColumn<OrderRow>[]>(
    () => [
      { key: 'orderId', title: t('review.orderId'), width: 190, render: (r) => r.orderId },
      { key: 'status', title: t('review.status'), width: 96, render: (r) => <CellTag color={STATUS_COLORS[r.status]}>{statusLabels[r.status]}</CellTag> },
      { key: 'amount', title: t('review.amount'), width: 120, align: 'end', sortField: 'amountFen', render: (r) => formatFen(r.amountFen) },
      { key: 'created', title: t('review.createdAt'), width: 150, sortField: 'createdAt', render: (r) => formatTime(r.createdAt, timeZone) },
      { key: 'customer', title: t('review.customerName'), width: 220, render: (r) => r.customerName },
      { key: 'product', title: t('review.productName'), width: 220, render: (r) => r.productName },
      { key: 'user', title: t('review.userName'), width: 120, render: (r) => r.userName },
    ],
    [t, timeZone, statusLabels],
  );
  const fill = (
    <>
      <SyncButton resources={['orders']} primary testId="sync-orders-empty" />
      <SellerCenterImport kind="orders" onImported={reload} testId="import-orders-empty" />
    </>
  );
  return (
    <PageFrame
      title={t('nav.sections.orders')}
      testId="page-orders"
      actions={
        <>
          <ExportButton selection={{ table: 'orders', filters }} testId="export-orders" />
          <SellerCenterImport kind="orders" onImported={reload} />
          <SyncButton resources={['orders']} testId="sync-orders" />
        </>
      }
    >
      <ProductTypeTabs value={filters.productType} onChange={set} />
      <FilterBar key={formKey} fields={fields} onApply={set} testId="orders-filters" />
      <BigTable
        testId="orders-table"
        columns={columns}
        total={total}
        fetchPage={fetchPage}
        sort={sort}
        onSortChange={setSort}
        onRowClick={(r) => setOpen(r.orderId)}
        empty={<TableEmpty filtered={filtered} what={t('nav.sections.orders')} actions={fill} onClearFilters={clear} />}
      />
      {open && <OrderDrawer orderId={open} onClose={() => setOpen(null)} onChanged={reload} />}
    </PageFrame>
  );
}
