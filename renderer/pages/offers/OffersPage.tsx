import { PlusOutlined } from '@ant-design/icons';
import { Button, Tabs } from 'antd';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../../electron/core/contract';
import { OFFER_STATES, REQUIREMENT_STATES } from '../../../electron/core/conventions';
import { formatShare } from '../../app/format-money';
import { formatTime } from '../../app/format-time';
import { useNow } from '../../app/use-now';
import { useSyncedVersion } from '../../app/use-synced-version';
import { BigTable, type BigColumn, type TableSort } from '../../components/big-table/BigTable';
import { CellTag } from '../../components/big-table/CellTag';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar, type FilterField } from '../../components/filter-bar/FilterBar';
import { TableEmpty } from '../../components/filter-bar/TableEmpty';
import { PageFrame } from '../../components/page/PageFrame';
import { SyncButton } from '../../components/SyncButton';
import { useCore } from '../../stores/core-store';
import { useArrivalFilters, type ArrivalFilters } from '../../stores/navigation-store';
import { useLabels } from '../review/use-labels';
import { useFilters, useReviewSource } from '../review/use-review-source';
import { OFFER_COLORS, REQUIREMENT_COLORS, validityDays, type ProductChoice } from './offer-format';
import { offerTerms, TimeLeft } from './OfferCells';
import { OfferDrawer } from './OfferDrawer';
import { OfferForm, type OfferFormStart } from './OfferForm';
import { RecordRequirementDialog } from './RecordRequirementDialog';
import { RequirementDrawer } from './RequirementDrawer';
import { SalesPathNote, useSalesPath } from './SalesParts';

type RequirementRow = MethodOutput<'requirements.page'>['rows'][number];
type OfferRow = MethodOutput<'offers.page'>['rows'][number];
type RequirementFilters = NonNullable<MethodInput<'requirements.page'>['filters']>;
type OfferFilters = NonNullable<MethodInput<'offers.page'>['filters']>;
/** The offer form's fields: 来源 as the seller picks it (直接创建 / 客户需求), a boolean for the core. */
type OfferForm = Omit<OfferFilters, 'fromRequirement'> & { source?: 'direct' | 'requirement' };
type Tab = 'requirements' | 'offers';

const SYNCED = ['requirements', 'offers', 'products'] as const;

/**
 * 商家优惠 (Private Offer) and the 客户需求 they come from: two tabs, each a list with its filters,
 * a drawer per item with its history and actions, and the form that creates an offer — directly or
 * from a requirement 需求转化中 (its provider then gets the share). The overview's to-dos land here
 * filtered (24小时内失效, 7天内到期).
 */
export function OffersPage() {
  const { t } = useTranslation();
  const arrival = useArrivalFilters('offers');
  const [tab, setTab] = useState<Tab>(arrival?.expiringSoon === true ? 'offers' : 'requirements');
  const requirementForm = useFilters<RequirementFilters>(requirementArrival(arrival));
  const offerForm = useFilters<OfferForm>(offerArrival(arrival));
  const offerFilters = useMemo(() => coreOfferFilters(offerForm.filters), [offerForm.filters]);
  const [refresh, setRefresh] = useState(0);
  const reload = useCallback(() => setRefresh((n) => n + 1), []);
  const [openRequirement, setOpenRequirement] = useState<string | null>(null);
  const [openOffer, setOpenOffer] = useState<string | null>(null);
  const [creating, setCreating] = useState<OfferFormStart | null>(null);
  const [recording, setRecording] = useState(false);
  const products = useJointProducts(refresh);
  const path = useSalesPath();
  const createButton = (primary: boolean, testId: string) => (
    <Button icon={<PlusOutlined />} type={primary ? 'primary' : 'default'} onClick={() => setCreating({})} data-testid={testId}>
      {t('offers.create')}
    </Button>
  );
  const recordButton = (testId: string) => (
    <Button icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid={testId}>
      {t('requirements.record.button')}
    </Button>
  );
  return (
    <PageFrame
      title={t('nav.sections.offers')}
      testId="page-offers"
      actions={
        <>
          {tab === 'requirements' && path === 'local' && recordButton('requirement-record')}
          {createButton(tab === 'offers', 'offer-create')}
          {tab === 'requirements' ? (
            <ExportButton selection={{ table: 'requirements', filters: requirementForm.filters }} testId="export-requirements" />
          ) : (
            <ExportButton selection={{ table: 'offers', filters: offerFilters }} testId="export-offers" />
          )}
          <SyncButton resources={[...SYNCED]} testId="sync-offers" />
        </>
      }
    >
      <SalesPathNote />
      <Tabs
        size="small"
        className="sales-tabs"
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        items={[
          { key: 'requirements', label: <span data-testid="tab-requirements">{t('requirements.tab')}</span> },
          { key: 'offers', label: <span data-testid="tab-offers">{t('offers.tab')}</span> },
        ]}
        data-testid="offers-tabs"
      />
      {tab === 'requirements' ? (
        <RequirementList
          form={requirementForm}
          products={products}
          refresh={refresh}
          onOpen={setOpenRequirement}
          emptyActions={
            <>
              <SyncButton resources={[...SYNCED]} primary testId="sync-requirements-empty" />
              {path === 'local' && recordButton('requirement-record-empty')}
            </>
          }
        />
      ) : (
        <OfferList
          form={offerForm}
          filters={offerFilters}
          products={products}
          refresh={refresh}
          onOpen={setOpenOffer}
          emptyActions={
            <>
              {createButton(true, 'offer-create-empty')}
              <SyncButton resources={[...SYNCED]} testId="sync-offers-empty" />
            </>
          }
        />
      )}
      {openRequirement && (
        <RequirementDrawer
          requirementId={openRequirement}
          onClose={() => setOpenRequirement(null)}
          refresh={refresh}
          onChanged={reload}
          onOpenOffer={setOpenOffer}
          onCreateOffer={(requirement) => setCreating({ requirement })}
        />
      )}
      {openOffer && <OfferDrawer offerId={openOffer} onClose={() => setOpenOffer(null)} onChanged={reload} />}
      {creating && (
        <OfferForm
          start={creating}
          products={products}
          onClose={() => setCreating(null)}
          onCreated={(offerId) => {
            setCreating(null);
            reload();
            setOpenOffer(offerId);
          }}
        />
      )}
      {recording && (
        <RecordRequirementDialog
          products={products}
          onClose={() => setRecording(false)}
          onRecorded={(requirementId) => {
            setRecording(false);
            reload();
            setOpenRequirement(requirementId);
          }}
        />
      )}
    </PageFrame>
  );
}

/** The 联营 products offers are made for (the product filter and the form), read again after a sync. */
function useJointProducts(refresh: number): ProductChoice[] {
  const client = useCore((s) => s.client);
  const synced = useSyncedVersion('products');
  const [products, setProducts] = useState<ProductChoice[]>([]);
  useEffect(() => {
    void client?.call('offers.products', {}).then(setProducts);
  }, [client, synced, refresh]);
  return products;
}

type FormState<F extends object> = ReturnType<typeof useFilters<F>>;

function RequirementList({
  form,
  products,
  refresh,
  onOpen,
  emptyActions,
}: {
  form: FormState<RequirementFilters>;
  products: ProductChoice[];
  refresh: number;
  onOpen: (requirementId: string) => void;
  emptyActions: ReactNode;
}) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<TableSort | null>(null);
  const synced = useSyncedVersion('requirements');
  const { total, fetchPage } = useReviewSource('requirements.page', null, form.filters, refresh + synced, sort);
  const fields = useRequirementFields(products);
  const columns = useRequirementColumns();
  return (
    <>
      <FilterBar key={form.formKey} fields={fields} onApply={form.set} initial={form.formKey === 0 ? form.filters : undefined} testId="requirements-filters" />
      <BigTable
        testId="requirements-table"
        columns={columns}
        total={total}
        fetchPage={fetchPage}
        sort={sort}
        onSortChange={setSort}
        onRowClick={(row) => onOpen(row.requirementId)}
        empty={<TableEmpty filtered={form.filtered} what={t('requirements.what')} actions={emptyActions} onClearFilters={form.clear} />}
      />
    </>
  );
}

function OfferList({
  form,
  filters,
  products,
  refresh,
  onOpen,
  emptyActions,
}: {
  form: FormState<OfferForm>;
  filters: OfferFilters;
  products: ProductChoice[];
  refresh: number;
  onOpen: (offerId: string) => void;
  emptyActions: ReactNode;
}) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<TableSort | null>(null);
  const synced = useSyncedVersion('offers');
  const { total, fetchPage } = useReviewSource('offers.page', null, filters, refresh + synced, sort);
  const fields = useOfferFields(products);
  const columns = useOfferColumns(products);
  return (
    <>
      <FilterBar key={form.formKey} fields={fields} onApply={form.set} initial={form.formKey === 0 ? form.filters : undefined} testId="offers-filters" />
      <BigTable
        testId="offers-table"
        columns={columns}
        total={total}
        fetchPage={fetchPage}
        sort={sort}
        onSortChange={setSort}
        onRowClick={(row) => onOpen(row.offerId)}
        empty={<TableEmpty filtered={form.filtered} what={t('offers.what')} actions={emptyActions} onClearFilters={form.clear} />}
      />
    </>
  );
}

/** What a to-do brought: 24小时内失效 (and any state or product) for the requirements. */
function requirementArrival(arrival: ArrivalFilters | null): Partial<RequirementFilters> {
  if (!arrival || arrival.expiringSoon === true) return {};
  const form: Record<string, unknown> = {};
  for (const key of ['state', 'productId'] as const) if (typeof arrival[key] === 'string') form[key] = arrival[key];
  if (arrival.lapsingSoon === true) form.lapsingSoon = true;
  return form as Partial<RequirementFilters>;
}

/** What a to-do brought: 7天内到期 (and any state, product or source) for the offers. */
function offerArrival(arrival: ArrivalFilters | null): Partial<OfferForm> {
  if (!arrival || arrival.expiringSoon !== true) return {};
  const form: Record<string, unknown> = { expiringSoon: true };
  for (const key of ['state', 'productId'] as const) if (typeof arrival[key] === 'string') form[key] = arrival[key];
  if (typeof arrival.fromRequirement === 'boolean') form.source = arrival.fromRequirement ? 'requirement' : 'direct';
  return form as Partial<OfferForm>;
}

function coreOfferFilters({ source, ...rest }: OfferForm): OfferFilters {
  return { ...rest, ...(source ? { fromRequirement: source === 'requirement' } : {}) };
}

function productOptions(products: ProductChoice[]) {
  return products.map((p) => ({ value: p.productId, label: p.name }));
}

function useRequirementFields(products: ProductChoice[]): FilterField<RequirementFilters>[] {
  const { t } = useTranslation();
  const states = useLabels('vocab.requirementState', REQUIREMENT_STATES);
  return useMemo(
    () => [
      {
        kind: 'select',
        name: 'state',
        label: t('requirements.fields.state'),
        width: 130,
        options: REQUIREMENT_STATES.map((v) => ({ value: v, label: states[v] })),
        testId: 'requirements-state',
      },
      {
        kind: 'select',
        name: 'productId',
        label: t('requirements.fields.productName'),
        width: 200,
        options: productOptions(products),
        testId: 'requirements-product',
      },
      { kind: 'check', name: 'lapsingSoon', label: t('requirements.fields.lapsingOnly'), testId: 'requirements-lapsing' },
    ],
    [t, states, products],
  );
}

function useOfferFields(products: ProductChoice[]): FilterField<OfferForm>[] {
  const { t } = useTranslation();
  const states = useLabels('vocab.offerState', OFFER_STATES);
  return useMemo(
    () => [
      {
        kind: 'select',
        name: 'state',
        label: t('offers.fields.state'),
        width: 110,
        options: OFFER_STATES.map((v) => ({ value: v, label: states[v] })),
        testId: 'offers-state',
      },
      { kind: 'select', name: 'productId', label: t('offers.fields.productName'), width: 200, options: productOptions(products), testId: 'offers-product' },
      {
        kind: 'select',
        name: 'source',
        label: t('offers.fields.source'),
        width: 120,
        options: (['direct', 'requirement'] as const).map((v) => ({ value: v, label: t(`offers.sources.${v}`) })),
        testId: 'offers-source',
      },
      { kind: 'check', name: 'expiringSoon', label: t('offers.fields.expiringOnly'), testId: 'offers-expiring' },
    ],
    [t, states, products],
  );
}

function useRequirementColumns(): BigColumn<RequirementRow>[] {
  const { t } = useTranslation();
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const now = useNow();
  return useMemo(
    () => [
      { key: 'id', title: t('requirements.fields.requirementId'), width: 110, render: (r) => <span translate="no">{r.requirementId}</span> },
      {
        key: 'state',
        title: t('requirements.fields.state'),
        width: 96,
        render: (r) => <CellTag color={REQUIREMENT_COLORS[r.state]}>{t(`vocab.requirementState.${r.state}`)}</CellTag>,
      },
      { key: 'left', title: t('requirements.fields.timeLeft'), width: 120, render: (r) => <TimeLeft row={r} now={now} /> },
      { key: 'provider', title: t('requirements.fields.providerName'), width: 160, render: (r) => r.providerName },
      { key: 'customer', title: t('requirements.fields.customerName'), width: 160, render: (r) => r.customerName },
      {
        key: 'product',
        title: t('requirements.fields.productName'),
        width: 150,
        // product names are the seller's data (磐石BIM …), not words of the app
        render: (r) => <span translate="no">{r.productName}</span>,
      },
      { key: 'expected', title: t('requirements.fields.expectedShare'), width: 100, align: 'end', render: (r) => formatShare(r.expectedShare) },
      { key: 'max', title: t('requirements.fields.maxShare'), width: 100, align: 'end', render: (r) => formatShare(r.maxShare) },
      { key: 'created', title: t('requirements.fields.createdAt'), width: 140, sortField: 'createdAt', render: (r) => formatTime(r.createdAt, timeZone) },
    ],
    [t, timeZone, now],
  );
}

function useOfferColumns(products: ProductChoice[]): BigColumn<OfferRow>[] {
  const { t } = useTranslation();
  return useMemo(() => {
    // a spec by its name where the product is cached (codes are the marketplace's)
    const specNames = new Map(products.flatMap((p) => p.skus.map((s) => [`${p.productId}/${s.skuCode}`, s.name] as const)));
    const spec = (r: OfferRow) => (r.skuCode ? (specNames.get(`${r.productId}/${r.skuCode}`) ?? r.skuCode) : '');
    return [
      { key: 'name', title: t('offers.fields.name'), width: 180, render: (r) => r.name },
      {
        key: 'state',
        title: t('offers.fields.state'),
        width: 80,
        render: (r) => <CellTag color={OFFER_COLORS[r.state]}>{t(`vocab.offerState.${r.state}`)}</CellTag>,
      },
      { key: 'customer', title: t('offers.fields.customer'), width: 180, render: (r) => r.customerName },
      {
        key: 'product',
        title: t('offers.fields.product'),
        width: 190,
        render: (r) => (
          <span className="sales-cell-two" title={r.skuCode ? `${r.productName} / ${spec(r)}` : r.productName} translate="no">
            {r.productName}
            <small>{spec(r)}</small>
          </span>
        ),
      },
      { key: 'terms', title: t('offers.fields.terms'), width: 100, align: 'end', render: (r) => offerTerms(r, t) },
      { key: 'validity', title: t('offers.fields.validity'), width: 190, sortField: 'validUntil', render: (r) => validityDays(r.validFrom, r.validUntil) },
      {
        key: 'provider',
        title: t('offers.fields.provider'),
        width: 210,
        render: (r) =>
          r.providerName ? (
            <span className="sales-cell-two" title={r.providerName}>
              {r.providerName}
              <small>{formatShare(r.share)}</small>
            </span>
          ) : (
            <span className="sales-muted">{t('offers.sources.direct')}</span>
          ),
      },
    ];
  }, [t, products]);
}
