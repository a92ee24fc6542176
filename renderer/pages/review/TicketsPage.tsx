import { Card, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../electron/core/contract';
import { formatTime } from '../../app/format-time';
import { BigTable, type BigColumn } from '../../components/big-table/BigTable';
import { CellTag, type CellTagColor } from '../../components/big-table/CellTag';
import { ExportButton } from '../../components/ExportButton';
import { SyncButton } from '../../components/SyncButton';
import { useCore } from '../../stores/core-store';
import { TicketDrawer } from './TicketDrawer';
import { TicketSettings } from './TicketSettings';
import { useReviewSource } from './use-review-source';

type TicketRow = MethodOutput<'tickets.page'>['rows'][number];
const PRIORITY_COLORS: Record<string, CellTagColor> = { high: 'red', medium: 'orange', low: 'default' };

/** 客户工单: 待我处理 and all tickets, with state, priority and the SLA timer. */
export function TicketsPage() {
  const { t } = useTranslation();
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const [mine, setMine] = useState(true);
  const [refresh, setRefresh] = useState(0);
  const [open, setOpen] = useState<TicketRow | null>(null);
  const { total, fetchPage } = useReviewSource('tickets.page', null, mine ? { waitingOnMe: true } : {}, refresh);
  const columns: BigColumn<TicketRow>[] = [
    { key: 'id', title: t('review.ticketId'), width: 170, render: (r) => r.ticketId },
    { key: 'title', title: t('review.ticketTitle'), width: 220, render: (r) => r.title },
    { key: 'status', title: t('review.status'), width: 100, render: (r) => t(`vocab.ticketStatus.${r.status}`) },
    {
      key: 'priority',
      title: t('review.priority'),
      width: 80,
      render: (r) => <CellTag color={PRIORITY_COLORS[r.priority]}>{t(`vocab.ticketPriority.${r.priority}`)}</CellTag>,
    },
    { key: 'product', title: t('review.productName'), width: 200, render: (r) => r.productName ?? '-' },
    { key: 'customer', title: t('review.customerName'), width: 200, render: (r) => r.customerName },
    { key: 'assignee', title: t('review.assignee'), width: 110, render: (r) => (r.assignee === 'main' ? t('review.mainAccount') : (r.assignee ?? '-')) },
    {
      key: 'sla',
      title: t('review.slaDue'),
      width: 150,
      render: (r) => (r.slaDueAt ? <SlaTimer due={r.slaDueAt} open={r.waitingOnMe} timeZone={timeZone} /> : '-'),
    },
  ];
  return (
    <Card
      title={t('nav.sections.tickets')}
      data-testid="page-tickets"
      extra={
        <Space>
          <ExportButton selection={{ table: 'tickets', filters: mine ? { waitingOnMe: true } : {} }} testId="export-tickets" />
          <TicketSettings onChanged={() => setRefresh((n) => n + 1)} />
          <SyncButton resource="tickets" onSynced={() => setRefresh((n) => n + 1)} />
        </Space>
      }
    >
      <Tabs
        activeKey={mine ? 'mine' : 'all'}
        onChange={(key) => setMine(key === 'mine')}
        items={[
          { key: 'mine', label: t('review.waitingOnMe') },
          { key: 'all', label: t('review.allTickets') },
        ]}
      />
      <BigTable testId="tickets-table" columns={columns} total={total} fetchPage={fetchPage} onRowClick={setOpen} />
      {open && <TicketDrawer ticket={open} onClose={() => setOpen(null)} onChanged={() => setRefresh((n) => n + 1)} />}
    </Card>
  );
}

function SlaTimer({ due, open, timeZone }: { due: number; open: boolean; timeZone: string }) {
  const { t } = useTranslation();
  const now = useCore((s) => s.status?.connectivity.checkedAt ?? Date.now());
  if (!open) return <span>{formatTime(due, timeZone)}</span>;
  const hours = Math.round((due - now) / 3_600_000);
  return (
    <CellTag color={hours < 0 ? 'red' : hours < 4 ? 'orange' : 'green'}>
      {hours < 0 ? t('review.slaOverdue', { hours: -hours }) : t('review.slaLeft', { hours })}
    </CellTag>
  );
}
