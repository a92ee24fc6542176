import { EditOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../../electron/core/contract';
import { PLANNING_STATES, planningYears } from '../../../electron/core/conventions';
import { formatFen } from '../../app/format-money';
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
import { PLANNING_COLORS } from '../offers/offer-format';
import { SalesPathNote } from '../offers/SalesParts';
import { useLabels } from '../review/use-labels';
import { useFilters, useReviewSource } from '../review/use-review-source';
import { PlanDrawer } from './PlanDrawer';
import { PlanImportButton } from './PlanImport';
import { PlanSettingsDialog, type PlanItem, type PlanSettingsStart } from './PlanSettingsDialog';

type PlanRow = MethodOutput<'planning.page'>['rows'][number];
type Filters = NonNullable<MethodInput<'planning.page'>['filters']>;

/**
 * 商业规划: each product with GMV and 项目数 for 当年 and the next two years and its approval (with
 * the reason when refused); 商业规划设置 fills every 待填写 product at once, 单商品设置 one product;
 * plans are exported to Excel and imported back. The overview's to-do (待填写) lands here filtered.
 */
export function PlanningPage() {
  const { t } = useTranslation();
  const arrival = useArrivalFilters('planning');
  const { filters, set, clear, formKey, filtered } = useFilters<Filters>(arrivalForm(arrival));
  const [sort, setSort] = useState<TableSort | null>(null);
  const [refresh, setRefresh] = useState(0);
  const reload = useCallback(() => setRefresh((n) => n + 1), []);
  const [open, setOpen] = useState<string | null>(null);
  const [settings, setSettings] = useState<PlanSettingsStart | null>(null);
  const synced = useSyncedVersion('planning');
  const { total, fetchPage } = useReviewSource('planning.page', null, filters, refresh + synced, sort);
  const fields = usePlanFields();
  const editOne = useCallback((item: PlanItem) => setSettings({ kind: 'single', item }), []);
  const columns = usePlanColumns(editOne);
  const settingsButton = (testId: string) => (
    <Button type="primary" icon={<EditOutlined />} onClick={() => setSettings({ kind: 'toFill' })} data-testid={testId}>
      {t('planning.settings')}
    </Button>
  );
  return (
    <PageFrame
      title={t('nav.sections.planning')}
      testId="page-planning"
      actions={
        <>
          {settingsButton('plan-settings-open')}
          <PlanImportButton onPlans={(items) => setSettings({ kind: 'file', items })} />
          <ExportButton selection={{ table: 'business_plans', filters }} testId="export-planning" />
          <SyncButton resources={['planning', 'products']} testId="sync-planning" />
        </>
      }
    >
      <SalesPathNote />
      <FilterBar key={formKey} fields={fields} onApply={set} initial={formKey === 0 ? filters : undefined} testId="planning-filters" />
      <BigTable
        testId="planning-table"
        columns={columns}
        total={total}
        fetchPage={fetchPage}
        sort={sort}
        onSortChange={setSort}
        onRowClick={(row) => setOpen(row.productId)}
        empty={
          <TableEmpty
            filtered={filtered}
            what={t('planning.what')}
            actions={<SyncButton resources={['planning', 'products']} primary testId="sync-planning-empty" />}
            onClearFilters={clear}
          />
        }
      />
      {open && <PlanDrawer productId={open} refresh={refresh} onClose={() => setOpen(null)} onChanged={reload} onEdit={editOne} />}
      {settings && (
        <PlanSettingsDialog
          start={settings}
          onClose={() => setSettings(null)}
          onSubmitted={() => {
            setSettings(null);
            reload();
          }}
        />
      )}
    </PageFrame>
  );
}

function arrivalForm(arrival: ArrivalFilters | null): Partial<Filters> {
  return arrival && typeof arrival.approval === 'string' ? ({ approval: arrival.approval } as Partial<Filters>) : {};
}

function usePlanFields(): FilterField<Filters>[] {
  const { t } = useTranslation();
  const approvals = useLabels('vocab.planningState', PLANNING_STATES);
  return useMemo(
    () => [
      {
        kind: 'select',
        name: 'approval',
        label: t('planning.fields.approval'),
        width: 130,
        options: PLANNING_STATES.map((v) => ({ value: v, label: approvals[v] })),
        testId: 'planning-approval',
      },
    ],
    [t, approvals],
  );
}

function usePlanColumns(onEdit: (item: PlanItem) => void): BigColumn<PlanRow>[] {
  const { t } = useTranslation();
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  // the years of the core's clock: 当年 and the two after it (moves on at the Beijing new year)
  const year = planningYears(useNow(600_000))[0];
  return useMemo(() => {
    const years = [year, year + 1, year + 2];
    const yearOf = (row: PlanRow, y: number) => row.years.find((entry) => entry.year === y);
    return [
      {
        key: 'product',
        title: t('planning.fields.productName'),
        width: 150,
        render: (r) => (
          <span className="sales-cell-two" title={r.productName} data-product-id={r.productId} translate="no">
            {r.productName}
          </span>
        ),
      },
      ...years.flatMap((y): BigColumn<PlanRow>[] => [
        {
          key: `gmv${y}`,
          title: t('planning.fields.yearGmv', { year: y }),
          width: 118,
          align: 'end',
          render: (r) => {
            const fen = yearOf(r, y)?.gmvFen;
            // the unit is in the header: 12,390,000.00
            return fen == null ? <span className="sales-muted">-</span> : formatFen(fen).replace('¥', '');
          },
        },
        {
          key: `projects${y}`,
          title: t('planning.fields.yearProjects', { year: y }),
          width: 106,
          align: 'end',
          render: (r) => yearOf(r, y)?.projects ?? <span className="sales-muted">-</span>,
        },
      ]),
      {
        key: 'approval',
        title: t('planning.fields.approval'),
        width: 110,
        render: (r) => (
          <span className="sales-cell-two" title={r.reason ?? undefined} data-approval={r.approval}>
            <CellTag color={PLANNING_COLORS[r.approval]}>{t(`vocab.planningState.${r.approval}`)}</CellTag>
            {r.reason && <small>{r.reason}</small>}
          </span>
        ),
      },
      {
        key: 'submitted',
        title: t('planning.fields.submittedAt'),
        width: 136,
        render: (r) => (r.submittedAt === null ? '-' : formatTime(r.submittedAt, timeZone)),
      },
      {
        key: 'actions',
        title: t('planning.fields.actions'),
        width: 90,
        render: (r) => (
          <a
            onClick={(event) => {
              event.stopPropagation();
              onEdit(r);
            }}
            data-testid="plan-single"
          >
            {t('planning.single')}
          </a>
        ),
      },
    ];
  }, [t, timeZone, year, onEdit]);
}
