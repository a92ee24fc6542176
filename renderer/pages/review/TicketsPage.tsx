import { Tabs } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../../electron/core/contract';
import { formatTime } from '../../app/format-time';
import { coreNow, useNow } from '../../app/use-now';
import { BigTable, type BigColumn, type TableSort } from '../../components/big-table/BigTable';
import { CellTag, type CellTagColor } from '../../components/big-table/CellTag';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar, type FilterField } from '../../components/filter-bar/FilterBar';
import { TableEmpty } from '../../components/filter-bar/TableEmpty';
import { PageFrame } from '../../components/page/PageFrame';
import { SyncButton } from '../../components/SyncButton';
import { useSyncedVersion } from '../../app/use-synced-version';
import { useCore } from '../../stores/core-store';
import { useArrivalFilters, type ArrivalFilters } from '../../stores/navigation-store';
import { TicketDrawer } from './TicketDrawer';
import { TicketSettings } from './TicketSettings';
import { useLabels } from './use-labels';
import { useFilters, useReviewSource } from './use-review-source';

type TicketRow = MethodOutput<'tickets.page'>['rows'][number];
type Filters = NonNullable<MethodInput<'tickets.page'>['filters']>;
/** The form's fields: the core's filters, and SLA as the seller picks it (turned into a deadline at 查询). */
type FormFilters = Omit<Filters, 'slaDueBefore' | 'waitingOnMe'> & { sla?: SlaChoice };
type SlaChoice = 'overdue' | 'within4h' | 'within24h';

const PRIORITY_COLORS: Record<string, CellTagColor> = { high: 'red', medium: 'orange', low: 'default' };
const STATUSES = ['pending', 'processing', 'awaiting_customer', 'closed'] as const;
const PRIORITIES = ['high', 'medium', 'low'] as const;
const SLA_HOURS: Record<SlaChoice, number> = { overdue: 0, within4h: 4, within24h: 24 };
/** 待我处理 is worked from the top: the nearest (or most overdue) SLA first. */
const BY_SLA: TableSort = { field: 'slaDueAt', direction: 'asc' };

/** 客户工单: 待我处理 (by SLA) and 全部工单, filters for state, priority, product and SLA, and a drawer with the conversation. */
export function TicketsPage() {
  const { t } = useTranslation();
  const arrival = useArrivalFilters('tickets');
  const [tab, setTab] = useState<'mine' | 'all'>(arrival?.waitingOnMe === false ? 'all' : 'mine');
  const { filters: form, set, clear, formKey, filtered } = useFilters<FormFilters>(arrivalForm(arrival));
  const [sorts, setSorts] = useState<Record<'mine' | 'all', TableSort | null>>({ mine: BY_SLA, all: null });
  const [refresh, setRefresh] = useState(0);
  const reload = useCallback(() => setRefresh((n) => n + 1), []);
  const [open, setOpen] = useState<TicketRow | null>(null);
  const filters = useMemo(() => coreFilters(form, tab === 'mine'), [form, tab]);
  const sort = sorts[tab];
  const synced = useSyncedVersion('tickets');
  const { total, fetchPage } = useReviewSource('tickets.page', null, filters, refresh + synced, sort);
  const fields = useTicketFilterFields();
  const columns = useTicketColumns();
  return (
    <PageFrame
      title={t('nav.sections.tickets')}
      testId="page-tickets"
      actions={
        <>
          <ExportButton selection={{ table: 'tickets', filters }} testId="export-tickets" />
          <TicketSettings onChanged={reload} />
          <SyncButton resources={['tickets']} testId="sync-tickets" />
        </>
      }
    >
      <Tabs
        size="small"
        tabBarStyle={{ margin: 0 }}
        activeKey={tab}
        onChange={(key) => setTab(key as 'mine' | 'all')}
        items={[
          { key: 'mine', label: t('review.waitingOnMe') },
          { key: 'all', label: t('review.allTickets') },
        ]}
        data-testid="ticket-tabs"
      />
      <FilterBar key={formKey} fields={fields} onApply={set} initial={formKey === 0 ? form : undefined} testId="tickets-filters" />
      <BigTable
        key={tab}
        testId="tickets-table"
        columns={columns}
        total={total}
        fetchPage={fetchPage}
        sort={sort}
        onSortChange={(next) => setSorts((s) => ({ ...s, [tab]: next }))}
        onRowClick={setOpen}
        empty={
          <TableEmpty
            filtered={filtered}
            what={tab === 'mine' ? t('review.waitingOnMe') : t('nav.sections.tickets')}
            actions={<SyncButton resources={['tickets']} primary testId="sync-tickets-empty" />}
            onClearFilters={clear}
          />
        }
      />
      {open && <TicketDrawer ticketId={open.ticketId} onClose={() => setOpen(null)} onChanged={reload} />}
    </PageFrame>
  );
}

/** What a link brought (a to-do on 商家总览): the form's fields among them. */
function arrivalForm(arrival: ArrivalFilters | null): Partial<FormFilters> {
  if (!arrival) return {};
  const { status, priority, productId, sla } = arrival;
  return Object.fromEntries(Object.entries({ status, priority, productId, sla }).filter(([, v]) => typeof v === 'string')) as Partial<FormFilters>;
}

/** The core's filters for the tab and the form; an SLA choice becomes a deadline from now. */
function coreFilters({ sla, ...rest }: FormFilters, mine: boolean): Filters {
  return {
    ...rest,
    ...(mine ? { waitingOnMe: true } : {}),
    ...(sla ? { slaDueBefore: coreNow() + SLA_HOURS[sla] * 3_600_000 } : {}),
  };
}

function useTicketFilterFields(): FilterField<FormFilters>[] {
  const { t } = useTranslation();
  const client = useCore((s) => s.client);
  const statusLabels = useLabels('vocab.ticketStatus', STATUSES);
  const priorityLabels = useLabels('vocab.ticketPriority', PRIORITIES);
  const [products, setProducts] = useState<MethodOutput<'tickets.products'>>([]);
  useEffect(() => {
    void client?.call('tickets.products', {}).then(setProducts);
  }, [client]);
  return useMemo(
    () => [
      {
        kind: 'select',
        name: 'status',
        label: t('review.status'),
        options: STATUSES.map((s) => ({ value: s, label: statusLabels[s] })),
        testId: 'tickets-status',
      },
      { kind: 'select', name: 'priority', label: t('review.priority'), width: 90, options: PRIORITIES.map((p) => ({ value: p, label: priorityLabels[p] })) },
      {
        kind: 'select',
        name: 'productId',
        label: t('review.productName'),
        width: 200,
        options: products.map((p) => ({ value: p.productId, label: p.productName })),
        testId: 'tickets-product',
      },
      {
        kind: 'select',
        name: 'sla',
        label: t('review.slaDue'),
        width: 140,
        options: (['overdue', 'within4h', 'within24h'] as const).map((c) => ({ value: c, label: t(`review.slaFilter.${c}`) })),
        testId: 'tickets-sla',
      },
    ],
    [t, statusLabels, priorityLabels, products],
  );
}

function useTicketColumns(): BigColumn<TicketRow>[] {
  const { t } = useTranslation();
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const now = useNow();
  return useMemo(
    () => [
      { key: 'id', title: t('review.ticketId'), width: 170, render: (r) => r.ticketId },
      {
        key: 'sla',
        title: t('review.slaDue'),
        width: 156,
        sortField: 'slaDueAt',
        render: (r) => (r.slaDueAt ? <SlaTimer due={r.slaDueAt} open={r.waitingOnMe} now={now} timeZone={timeZone} /> : '-'),
      },
      {
        key: 'priority',
        title: t('review.priority'),
        width: 80,
        render: (r) => <CellTag color={PRIORITY_COLORS[r.priority]}>{t(`vocab.ticketPriority.${r.priority}`)}</CellTag>,
      },
      { key: 'status', title: t('review.status'), width: 100, render: (r) => t(`vocab.ticketStatus.${r.status}`) },
      { key: 'title', title: t('review.ticketTitle'), width: 220, render: (r) => r.title },
      { key: 'product', title: t('review.productName'), width: 200, render: (r) => r.productName ?? '-' },
      { key: 'customer', title: t('review.customerName'), width: 200, render: (r) => r.customerName },
      { key: 'assignee', title: t('review.assignee'), width: 110, render: (r) => (r.assignee === 'main' ? t('review.mainAccount') : (r.assignee ?? '-')) },
      { key: 'updated', title: t('review.updatedAt'), width: 150, sortField: 'updatedAt', render: (r) => formatTime(r.updatedAt, timeZone) },
    ],
    [t, timeZone, now],
  );
}

function SlaTimer({ due, open, now, timeZone }: { due: number; open: boolean; now: number; timeZone: string }) {
  const { t } = useTranslation();
  if (!open) return <span>{formatTime(due, timeZone)}</span>;
  const left = due - now;
  const color = left < 0 ? 'red' : left < 4 * 3_600_000 ? 'orange' : 'green';
  return <CellTag color={color}>{t(left < 0 ? 'review.slaOverdue' : 'review.slaLeft', { duration: durationText(Math.abs(left), t) })}</CellTag>;
}

/** "3 小时 20 分钟", "45 分钟", "2 天 3 小时": the two largest units. */
function durationText(ms: number, t: (key: string, values: Record<string, number>) => string): string {
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return t('review.durationDaysHours', { days, hours });
  if (hours > 0) return t('review.durationHoursMinutes', { hours, minutes: minutes % 60 });
  return t('review.durationMinutes', { minutes });
}
