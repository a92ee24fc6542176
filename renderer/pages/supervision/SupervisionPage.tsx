import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button } from 'antd';
import { useCallback, useMemo, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../../electron/core/contract';
import { SUPERVISION_FLOW_TYPES, SUPERVISION_STATUSES, SUPERVISION_TURNS } from '../../../electron/core/conventions';
import { formatTime } from '../../app/format-time';
import { useSyncedVersion } from '../../app/use-synced-version';
import { BigTable, type BigColumn, type TableSort } from '../../components/big-table/BigTable';
import { CellTag } from '../../components/big-table/CellTag';
import { FilterBar, type FilterField } from '../../components/filter-bar/FilterBar';
import { TableEmpty } from '../../components/filter-bar/TableEmpty';
import { PageFrame } from '../../components/page/PageFrame';
import { SyncButton } from '../../components/SyncButton';
import { useCore } from '../../stores/core-store';
import { useArrivalFilters, type ArrivalFilters } from '../../stores/navigation-store';
import { OrderDrawer } from '../review/OrderDrawer';
import { useLabels } from '../review/use-labels';
import { useFilters, useReviewSource } from '../review/use-review-source';
import { StartFlowDialog } from './StartFlowDialog';
import { SupervisionDrawer } from './SupervisionDrawer';
import { ORDER_STATUS_COLORS, STATUS_COLORS } from './supervision-colors';
import './supervision.css';

type FlowRow = MethodOutput<'supervision.page'>['rows'][number];
type Filters = NonNullable<MethodInput<'supervision.page'>['filters']>;

/**
 * 服务监管: every flow with its step, whose turn it is, the 3-hour completion deadline and whether
 * 申诉 is open; a drawer per flow with its steps, timeline, proof files and the actions open now.
 * The overview's to-dos land here filtered (待我处理, 可申诉, 超期).
 */
export function SupervisionPage() {
  const { t } = useTranslation();
  const arrival = useArrivalFilters('supervision');
  const { filters, set, clear, formKey, filtered } = useFilters<Filters>(arrivalForm(arrival));
  const [sort, setSort] = useState<TableSort | null>(null);
  const [refresh, setRefresh] = useState(0);
  const reload = useCallback(() => setRefresh((n) => n + 1), []);
  const [openFlow, setOpenFlow] = useState<string | null>(null);
  const [openOrder, setOpenOrder] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const synced = useSyncedVersion('supervision');
  const { total, fetchPage } = useReviewSource('supervision.page', null, filters, refresh + synced, sort);
  const fields = useSupervisionFilterFields();
  const columns = useSupervisionColumns(setOpenOrder);
  const startButton = (primary: boolean, testId: string) => (
    <Button icon={<PlusOutlined />} type={primary ? 'primary' : 'default'} onClick={() => setStarting(true)} data-testid={testId}>
      {t('supervision.newFlow')}
    </Button>
  );
  return (
    <PageFrame
      title={t('nav.sections.supervision')}
      testId="page-supervision"
      actions={
        <>
          {startButton(false, 'supervision-new')}
          <SyncButton resources={['supervision']} testId="sync-supervision" />
        </>
      }
    >
      <FilterBar key={formKey} fields={fields} onApply={set} initial={formKey === 0 ? filters : undefined} testId="supervision-filters" />
      <BigTable
        testId="supervision-table"
        columns={columns}
        total={total}
        fetchPage={fetchPage}
        sort={sort}
        onSortChange={setSort}
        onRowClick={(row) => setOpenFlow(row.flowId)}
        empty={
          <TableEmpty
            filtered={filtered}
            what={t('supervision.what')}
            actions={
              <>
                <SyncButton resources={['supervision']} primary testId="sync-supervision-empty" />
                {startButton(false, 'supervision-new-empty')}
              </>
            }
            onClearFilters={clear}
          />
        }
      />
      {openFlow && <SupervisionDrawer flowId={openFlow} onClose={() => setOpenFlow(null)} onChanged={reload} onOpenOrder={setOpenOrder} />}
      {openOrder && <OrderDrawer orderId={openOrder} onClose={() => setOpenOrder(null)} />}
      {starting && (
        <StartFlowDialog
          onClose={() => setStarting(false)}
          onStarted={(flowId) => {
            setStarting(false);
            reload();
            setOpenFlow(flowId);
          }}
        />
      )}
    </PageFrame>
  );
}

/** What a link brought (a to-do on 商家总览): the form's fields among them. */
function arrivalForm(arrival: ArrivalFilters | null): Partial<Filters> {
  if (!arrival) return {};
  const form: Record<string, unknown> = {};
  for (const key of ['flowType', 'turn', 'status', 'orderId'] as const) if (typeof arrival[key] === 'string') form[key] = arrival[key];
  for (const key of ['appealable', 'completionOverdue'] as const) if (arrival[key] === true) form[key] = true;
  return form as Partial<Filters>;
}

function useSupervisionFilterFields(): FilterField<Filters>[] {
  const { t } = useTranslation();
  const flowTypes = useLabels('vocab.supervisionFlowType', SUPERVISION_FLOW_TYPES);
  const turns = useLabels('vocab.supervisionTurn', SUPERVISION_TURNS);
  const statuses = useLabels('vocab.supervisionStatus', SUPERVISION_STATUSES);
  return useMemo(
    () => [
      {
        kind: 'select',
        name: 'flowType',
        label: t('supervision.fields.flowType'),
        width: 150,
        options: SUPERVISION_FLOW_TYPES.map((v) => ({ value: v, label: flowTypes[v] })),
        testId: 'supervision-flow-type',
      },
      {
        kind: 'select',
        name: 'turn',
        label: t('supervision.fields.turn'),
        width: 90,
        options: SUPERVISION_TURNS.map((v) => ({ value: v, label: turns[v] })),
        testId: 'supervision-turn',
      },
      {
        kind: 'select',
        name: 'status',
        label: t('supervision.fields.status'),
        width: 90,
        options: SUPERVISION_STATUSES.map((v) => ({ value: v, label: statuses[v] })),
        testId: 'supervision-status',
      },
      { kind: 'text', name: 'orderId', label: t('supervision.fields.orderId'), width: 160, testId: 'supervision-order-id' },
      { kind: 'check', name: 'completionOverdue', label: t('supervision.fields.overdueOnly'), testId: 'supervision-overdue' },
      { kind: 'check', name: 'appealable', label: t('supervision.fields.appealableOnly'), testId: 'supervision-appealable' },
    ],
    [t, flowTypes, turns, statuses],
  );
}

function useSupervisionColumns(openOrder: (orderId: string) => void): BigColumn<FlowRow>[] {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  return useMemo(() => {
    const copy = (event: MouseEvent, orderId: string) => {
      event.stopPropagation();
      void navigator.clipboard?.writeText(orderId).then(() => message.success(t('supervision.copied', { orderId })));
    };
    return [
      {
        key: 'order',
        title: t('supervision.fields.orderId'),
        width: 230,
        render: (r) => (
          <span className="sv-order-cell">
            {r.orderStatus === null ? (
              <span translate="no" title={t('supervision.orderNotCached')}>
                {r.orderId}
                <CopyOutlined className="sv-copy" onClick={(e) => copy(e, r.orderId)} aria-label={t('supervision.copyOrderId')} />
              </span>
            ) : (
              <>
                <a
                  translate="no"
                  onClick={(e) => {
                    e.stopPropagation();
                    openOrder(r.orderId);
                  }}
                  data-testid="supervision-order-link"
                >
                  {r.orderId}
                </a>
                <CellTag color={ORDER_STATUS_COLORS[r.orderStatus]}>{t(`vocab.orderStatus.${r.orderStatus}`)}</CellTag>
              </>
            )}
          </span>
        ),
      },
      { key: 'product', title: t('supervision.fields.productName'), width: 140, render: (r) => r.productName },
      { key: 'flowType', title: t('supervision.fields.flowType'), width: 136, render: (r) => t(`vocab.supervisionFlowType.${r.flowType}`) },
      {
        key: 'step',
        title: t('supervision.fields.step'),
        width: 150,
        render: (r) => <span data-step={r.step}>{t(`vocab.supervisionStep.${r.step}`)}</span>,
      },
      { key: 'turn', title: t('supervision.fields.turn'), width: 90, render: (r) => (r.turn ? t(`vocab.supervisionTurn.${r.turn}`) : '-') },
      {
        key: 'stepEnteredAt',
        title: t('supervision.fields.stepEnteredAt'),
        width: 140,
        sortField: 'stepEnteredAt',
        render: (r) => formatTime(r.stepEnteredAt, timeZone),
      },
      {
        key: 'status',
        title: t('supervision.fields.status'),
        width: 76,
        render: (r) => <CellTag color={STATUS_COLORS[r.status]}>{t(`vocab.supervisionStatus.${r.status}`)}</CellTag>,
      },
      // 提醒 before 驳回次数, so 超期 and 可申诉 show without scrolling sideways at 1440 px
      { key: 'flags', title: t('supervision.fields.flags'), width: 200, render: (r) => <Flags row={r} timeZone={timeZone} /> },
      { key: 'rejections', title: t('supervision.fields.rejections'), width: 80, align: 'end', render: (r) => r.rejections },
      { key: 'updatedAt', title: t('supervision.fields.updatedAt'), width: 140, sortField: 'updatedAt', render: (r) => formatTime(r.updatedAt, timeZone) },
    ];
  }, [t, timeZone, message, openOrder]);
}

/** 超期 (with the deadline) and 可申诉, as tags in a cell. */
function Flags({ row, timeZone }: { row: FlowRow; timeZone: string }) {
  const { t } = useTranslation();
  if (!row.completionOverdue && row.appealGrounds.length === 0) return null;
  const deadline = row.completionDeadline === null ? '' : formatTime(row.completionDeadline, timeZone);
  // the cell has room for the month, day and time; the tooltip says the whole of it
  const grounds = row.appealGrounds.map((g) => t(`supervision.appealGrounds.${g}`)).join('；');
  return (
    <span className="sv-flags">
      {row.completionOverdue && (
        <span title={t('supervision.overdueTitle', { deadline })} data-testid="flag-overdue">
          <CellTag color="red">{t('supervision.overdueTag')}</CellTag>
          <span className="sv-deadline">{t('supervision.dueBy', { deadline: deadline.slice(5) })}</span>
        </span>
      )}
      {row.appealGrounds.length > 0 && (
        <span title={grounds} data-testid="flag-appealable">
          <CellTag color="gold">{t('supervision.appealableTag')}</CellTag>
        </span>
      )}
    </span>
  );
}
