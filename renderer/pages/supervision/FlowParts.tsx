import { Alert, Descriptions, Empty, Space, Steps, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../electron/core/contract';
import { formatTime } from '../../app/format-time';
import { CellTag } from '../../components/big-table/CellTag';
import { ORDER_STATUS_COLORS, STATUS_COLORS } from './supervision-colors';

/** The parts of a 服务监管 flow's drawer that only show it: fields, steps, deadline, proof files, timeline. */

type Detail = MethodOutput<'supervision.get'>;
type Flow = Detail['flow'];
type TimelineEvent = Detail['timeline'][number];
type ProofFile = Detail['files'][number];

const DELIVERY_COLORS: Record<NonNullable<TimelineEvent['delivery']>, string> = {
  queued: 'blue',
  sending: 'processing',
  sent: 'green',
  failed: 'red',
  recorded: 'default',
};

/** 已验收 … 应于 HH:mm 前完成, and a warning once that time has passed with the order not 已完成. */
export function DeadlineNote({ flow, timeZone }: { flow: Flow; timeZone: string }) {
  const { t } = useTranslation();
  if (flow.completionDeadline === null || flow.acceptedAt === null) return null;
  const acceptedAt = formatTime(flow.acceptedAt, timeZone);
  const full = formatTime(flow.completionDeadline, timeZone);
  // the same day: the time is enough
  const deadline = full.slice(0, 10) === acceptedAt.slice(0, 10) ? full.slice(11) : full;
  if (flow.completionOverdue) {
    return <Alert type="error" showIcon data-testid="supervision-overdue" message={t('supervision.overdueNote', { acceptedAt, deadline })} />;
  }
  if (flow.orderStatus === 'completed' || (flow.orderStatus === null && flow.status === 'completed')) return null;
  return <Alert type="info" showIcon data-testid="supervision-deadline" message={t('supervision.acceptedNote', { acceptedAt, deadline })} />;
}

export function FlowFields({ flow, timeZone, onOpenOrder }: { flow: Flow; timeZone: string; onOpenOrder: (orderId: string) => void }) {
  const { t } = useTranslation();
  const time = (ms: number | null) => (ms === null ? '-' : formatTime(ms, timeZone));
  return (
    <Descriptions
      column={2}
      size="small"
      bordered
      styles={{ label: { whiteSpace: 'nowrap' }, content: { wordBreak: 'break-all' } }}
      data-testid="supervision-fields"
    >
      <Descriptions.Item label={t('supervision.fields.orderId')}>
        <Space size={4} wrap>
          {flow.orderStatus === null ? (
            <Typography.Text copyable translate="no">
              {flow.orderId}
            </Typography.Text>
          ) : (
            <a translate="no" onClick={() => onOpenOrder(flow.orderId)} data-testid="supervision-drawer-order">
              {flow.orderId}
            </a>
          )}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('supervision.fields.orderStatus')}>
        {flow.orderStatus === null ? (
          <Typography.Text type="secondary">{t('supervision.orderNotCached')}</Typography.Text>
        ) : (
          <CellTag color={ORDER_STATUS_COLORS[flow.orderStatus]}>{t(`vocab.orderStatus.${flow.orderStatus}`)}</CellTag>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('supervision.fields.productName')} span={2}>
        {flow.productName}
      </Descriptions.Item>
      <Descriptions.Item label={t('supervision.fields.flowType')}>{t(`vocab.supervisionFlowType.${flow.flowType}`)}</Descriptions.Item>
      <Descriptions.Item label={t('supervision.fields.status')}>
        <CellTag color={STATUS_COLORS[flow.status]}>{t(`vocab.supervisionStatus.${flow.status}`)}</CellTag>
      </Descriptions.Item>
      <Descriptions.Item label={t('supervision.fields.step')}>
        <span data-testid="supervision-current-step" data-step={flow.step}>
          {t(`vocab.supervisionStep.${flow.step}`)}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('supervision.fields.turn')}>{flow.turn ? t(`vocab.supervisionTurn.${flow.turn}`) : '-'}</Descriptions.Item>
      <Descriptions.Item label={t('supervision.fields.stepEnteredAt')}>{time(flow.stepEnteredAt)}</Descriptions.Item>
      <Descriptions.Item label={t('supervision.fields.rejections')}>{flow.rejections}</Descriptions.Item>
      <Descriptions.Item label={t('supervision.fields.acceptedAt')}>{time(flow.acceptedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('supervision.fields.completionDeadline')}>{time(flow.completionDeadline)}</Descriptions.Item>
      <Descriptions.Item label={t('supervision.fields.licenseCode')}>
        {flow.licenseCode ? (
          <Typography.Text copyable translate="no" data-testid="supervision-license-code">
            {flow.licenseCode}
          </Typography.Text>
        ) : (
          '-'
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('supervision.fields.origin')}>{t(`supervision.origins.${flow.origin}`)}</Descriptions.Item>
      <Descriptions.Item label={t('supervision.fields.flowId')}>
        <span translate="no">{flow.flowId}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('supervision.fields.updatedAt')}>{time(flow.updatedAt)}</Descriptions.Item>
    </Descriptions>
  );
}

/** The flow type's steps, the current one highlighted (red while 申诉中). */
export function FlowSteps({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  const { flow, steps } = detail;
  const current = Math.max(0, steps.indexOf(flow.step));
  const status = flow.status === 'completed' ? 'finish' : flow.status === 'appealing' ? 'error' : 'process';
  return (
    <Steps
      size="small"
      titlePlacement="vertical"
      responsive={false}
      current={current}
      status={status}
      data-testid="supervision-steps"
      items={steps.map((step) => ({ key: step, title: t(`vocab.supervisionStep.${step}`) }))}
    />
  );
}

export function ProofFiles({ files, timeZone }: { files: ProofFile[]; timeZone: string }) {
  const { t } = useTranslation();
  if (files.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.noFiles')} style={{ margin: 0 }} />;
  return (
    <Table
      size="small"
      rowKey="fileId"
      pagination={false}
      dataSource={files}
      data-testid="supervision-files"
      columns={[
        { key: 'name', title: t('supervision.fileName'), render: (_, f) => f.fileName, ellipsis: true },
        { key: 'size', title: t('supervision.fileSize'), width: 90, align: 'end', render: (_, f) => fileSize(f.size) },
        {
          key: 'sha',
          title: t('supervision.sha256'),
          width: 150,
          render: (_, f) => (
            <Typography.Text copyable={{ text: f.sha256 }} translate="no" title={f.sha256}>
              {`${f.sha256.slice(0, 10)}…`}
            </Typography.Text>
          ),
        },
        { key: 'uploaded', title: t('supervision.uploadedAt'), width: 140, render: (_, f) => formatTime(f.uploadedAt, timeZone) },
      ]}
    />
  );
}

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Who did what, when: steps entered, 驳回, the seller's actions with where each is on its way. */
export function FlowTimeline({ events, timeZone }: { events: TimelineEvent[]; timeZone: string }) {
  const { t } = useTranslation();
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.noEvents')} style={{ margin: 0 }} />;
  return (
    <Timeline
      titleSpan={6}
      data-testid="supervision-timeline"
      items={events.map((e, i) => ({
        key: i,
        color: e.kind === 'rejected' || e.delivery === 'failed' ? 'red' : e.kind === 'action' ? 'blue' : 'gray',
        title: formatTime(e.at, timeZone),
        content: (
          <div className="sv-event" data-kind={e.kind} data-delivery={e.delivery ?? ''}>
            <strong>{t(`supervision.actors.${e.actor}`)}</strong> <span>{eventText(e, t)}</span>
            {e.delivery && (
              <Tag color={DELIVERY_COLORS[e.delivery]} style={{ marginInlineStart: 6 }}>
                {t(`supervision.deliveryStates.${e.delivery}`)}
              </Tag>
            )}
            {e.delivery === 'failed' && e.error && <div className="sv-event-error">{e.error}</div>}
            {e.note && <div className="sv-event-note">{e.note}</div>}
          </div>
        ),
      }))}
    />
  );
}

function eventText(e: TimelineEvent, t: (key: string, values?: Record<string, string>) => string): string {
  const step = e.step ? t(`vocab.supervisionStep.${e.step}`) : '';
  if (e.kind === 'step') return t('supervision.events.step', { step });
  if (e.kind === 'rejected') return t('supervision.events.rejected', { step });
  return e.action ? t(`vocab.supervisionAction.${e.action}`) : t('supervision.events.action');
}
