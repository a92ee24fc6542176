import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../../electron/core/contract';
import { VOUCHER_CATEGORIES, VOUCHER_STATES } from '../../../electron/core/conventions';
import { useSyncedVersion } from '../../app/use-synced-version';
import { BigTable, type BigColumn, type TableSort } from '../../components/big-table/BigTable';
import { CellTag } from '../../components/big-table/CellTag';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar, type FilterField } from '../../components/filter-bar/FilterBar';
import { TableEmpty } from '../../components/filter-bar/TableEmpty';
import { PageFrame } from '../../components/page/PageFrame';
import { SyncButton } from '../../components/SyncButton';
import { useArrivalFilters, type ArrivalFilters } from '../../stores/navigation-store';
import { SUBMISSION_COLORS, validityDays, VOUCHER_COLORS } from '../offers/offer-format';
import { SalesPathNote, useSpecNames } from '../offers/SalesParts';
import { useLabels } from '../review/use-labels';
import { useFilters, useReviewSource } from '../review/use-review-source';
import { scopeText, voucherRule } from './voucher-text';
import { VoucherDrawer } from './VoucherDrawer';
import { VoucherForm } from './VoucherForm';

type VoucherRow = MethodOutput<'vouchers.page'>['rows'][number];
type Filters = NonNullable<MethodInput<'vouchers.page'>['filters']>;

const SUBMISSIONS = ['draft', 'submitted', 'published', 'rejected'] as const;
const SYNCED = ['vouchers', 'products'] as const;

/**
 * 代金券: every 满减券 with its terms, category, products, validity, state (未开始 / 进行中 / 已结束 /
 * 已停止) and where its review is; 发布代金券 for on-sale products of one category; a drawer per
 * voucher with its history and 停止. The overview's to-do (本周开始或结束) lands here filtered.
 */
export function VouchersPage() {
  const { t } = useTranslation();
  const arrival = useArrivalFilters('vouchers');
  const { filters, set, clear, formKey, filtered } = useFilters<Filters>(arrivalForm(arrival));
  const [sort, setSort] = useState<TableSort | null>(null);
  const [refresh, setRefresh] = useState(0);
  const reload = useCallback(() => setRefresh((n) => n + 1), []);
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const synced = useSyncedVersion('vouchers');
  const { total, fetchPage } = useReviewSource('vouchers.page', null, filters, refresh + synced, sort);
  const fields = useVoucherFields();
  const columns = useVoucherColumns();
  const publishButton = (primary: boolean, testId: string) => (
    <Button icon={<PlusOutlined />} type={primary ? 'primary' : 'default'} onClick={() => setCreating(true)} data-testid={testId}>
      {t('vouchers.publish')}
    </Button>
  );
  return (
    <PageFrame
      title={t('nav.sections.vouchers')}
      testId="page-vouchers"
      actions={
        <>
          {publishButton(true, 'voucher-create')}
          <ExportButton selection={{ table: 'vouchers', filters }} testId="export-vouchers" />
          <SyncButton resources={[...SYNCED]} testId="sync-vouchers" />
        </>
      }
    >
      <SalesPathNote />
      <FilterBar key={formKey} fields={fields} onApply={set} initial={formKey === 0 ? filters : undefined} testId="vouchers-filters" />
      <BigTable
        testId="vouchers-table"
        columns={columns}
        total={total}
        fetchPage={fetchPage}
        sort={sort}
        onSortChange={setSort}
        onRowClick={(row) => setOpen(row.voucherId)}
        empty={
          <TableEmpty
            filtered={filtered}
            what={t('vouchers.what')}
            actions={
              <>
                {publishButton(true, 'voucher-create-empty')}
                <SyncButton resources={[...SYNCED]} testId="sync-vouchers-empty" />
              </>
            }
            onClearFilters={clear}
          />
        }
      />
      {open && <VoucherDrawer voucherId={open} onClose={() => setOpen(null)} onChanged={reload} />}
      {creating && (
        <VoucherForm
          onClose={() => setCreating(false)}
          onCreated={(voucherId) => {
            setCreating(false);
            reload();
            setOpen(voucherId);
          }}
        />
      )}
    </PageFrame>
  );
}

/** What a to-do brought (本周开始或结束, or a state, review state or category). */
function arrivalForm(arrival: ArrivalFilters | null): Partial<Filters> {
  if (!arrival) return {};
  const form: Record<string, unknown> = {};
  for (const key of ['state', 'submission', 'category'] as const) if (typeof arrival[key] === 'string') form[key] = arrival[key];
  if (arrival.thisWeek === true) form.thisWeek = true;
  return form as Partial<Filters>;
}

function useVoucherFields(): FilterField<Filters>[] {
  const { t } = useTranslation();
  const states = useLabels('vocab.voucherState', VOUCHER_STATES);
  const submissions = useLabels('vocab.voucherSubmission', SUBMISSIONS);
  const categories = useLabels('vocab.productType', VOUCHER_CATEGORIES);
  return useMemo(
    () => [
      {
        kind: 'select',
        name: 'state',
        label: t('vouchers.fields.state'),
        width: 110,
        options: VOUCHER_STATES.map((v) => ({ value: v, label: states[v] })),
        testId: 'vouchers-state',
      },
      {
        kind: 'select',
        name: 'submission',
        label: t('vouchers.fields.submission'),
        width: 110,
        options: SUBMISSIONS.map((v) => ({ value: v, label: submissions[v] })),
        testId: 'vouchers-submission',
      },
      {
        kind: 'select',
        name: 'category',
        label: t('vouchers.fields.category'),
        width: 120,
        options: VOUCHER_CATEGORIES.map((v) => ({ value: v, label: categories[v] })),
        testId: 'vouchers-category',
      },
      { kind: 'check', name: 'thisWeek', label: t('vouchers.fields.thisWeekOnly'), testId: 'vouchers-this-week' },
    ],
    [t, states, submissions, categories],
  );
}

function useVoucherColumns(): BigColumn<VoucherRow>[] {
  const { t } = useTranslation();
  const specNames = useSpecNames('vouchers');
  return useMemo(
    () => [
      { key: 'name', title: t('vouchers.fields.name'), width: 170, render: (r) => r.name },
      { key: 'terms', title: t('vouchers.fields.terms'), width: 130, render: (r) => voucherRule(r, t) },
      {
        key: 'state',
        title: t('vouchers.fields.state'),
        width: 80,
        render: (r) => <CellTag color={VOUCHER_COLORS[r.state]}>{t(`vocab.voucherState.${r.state}`)}</CellTag>,
      },
      {
        key: 'submission',
        title: t('vouchers.fields.submission'),
        width: 90,
        render: (r) => <CellTag color={SUBMISSION_COLORS[r.submission]}>{t(`vocab.voucherSubmission.${r.submission}`)}</CellTag>,
      },
      { key: 'category', title: t('vouchers.fields.category'), width: 100, render: (r) => t(`vocab.productType.${r.category}`) },
      { key: 'validity', title: t('vouchers.fields.validity'), width: 190, sortField: 'validFrom', render: (r) => validityDays(r.validFrom, r.validUntil) },
      {
        key: 'scope',
        title: t('vouchers.fields.scope'),
        width: 360,
        render: (r) => {
          const text = scopeText(r.scope, specNames, t);
          return (
            <span className="sales-cell-two" title={text} translate="no">
              {text}
            </span>
          );
        },
      },
    ],
    [t, specNames],
  );
}
