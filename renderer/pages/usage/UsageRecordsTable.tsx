import { App as AntApp, Button, Input, Modal, Table, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../electron/core/contract';
import { badRowText, marketplaceCodeText } from '../../app/error-message';
import { formatTime, formatTimeWithSeconds, zoneName } from '../../app/format-time';
import { ExportButton } from '../../components/ExportButton';
import { useCore } from '../../stores/core-store';
import { useQueueVersion } from './useQueueRefresh';

type UsageRecord = MethodOutput<'usage.records'>[number];

const STATE_COLORS: Record<string, string> = { queued: 'blue', sending: 'cyan', accepted: 'green', rejected: 'red', anomaly: 'purple', expired: 'default' };
const CORRECTABLE = new Set(['rejected', 'anomaly', 'expired']);

/** The records of one window, with "correct and re-push" for refused ones. */
export function UsageRecordsTable({ windowOpensAt }: { windowOpensAt: number }) {
  const { t } = useTranslation();
  const client = useCore((s) => s.client);
  const version = useQueueVersion();
  const [records, setRecords] = useState<UsageRecord[]>([]);
  const [correcting, setCorrecting] = useState<UsageRecord | null>(null);
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  useEffect(() => {
    void client?.call('usage.records', { windowOpensAt, limit: 500 }).then(setRecords);
  }, [client, windowOpensAt, version]);
  return (
    <>
      <ExportButton selection={{ table: 'usage_records', filters: { windowOpensAt } }} testId={`usage-export-records-${windowOpensAt}`} />
      <Table
        size="small"
        rowKey="id"
        dataSource={records}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          { title: t('usage.instance'), dataIndex: 'instanceId', ellipsis: true },
          {
            // the window above is in the seller's zone, so the periods under it are too
            title: t('usage.period', { zone: zoneName(timeZone) }),
            key: 'period',
            render: (_: unknown, r: UsageRecord) => `${formatTimeWithSeconds(r.beginAt, timeZone)} – ${formatTimeWithSeconds(r.endAt, timeZone).slice(11)}`,
          },
          { title: t('usage.value'), dataIndex: 'usageValue', width: 100 },
          {
            title: t('usage.state'),
            dataIndex: 'state',
            width: 110,
            render: (s: string, r: UsageRecord) => (
              <Tag color={STATE_COLORS[s]}>
                {t(`vocab.usageState.${s}`)}
                {r.timeliness ? ` · ${t(`vocab.timeliness.${r.timeliness}`)}` : ''}
              </Tag>
            ),
          },
          {
            title: t('usage.error'),
            key: 'error',
            render: (_: unknown, r: UsageRecord) =>
              r.lastErrorCode ? (
                <Tooltip title={r.lastErrorMessage}>
                  <span>{marketplaceCodeText(r.lastErrorCode)}</span>
                </Tooltip>
              ) : r.acceptedAt ? (
                t('usage.acceptedAt', { time: formatTime(r.acceptedAt, timeZone) })
              ) : (
                ''
              ),
          },
          {
            title: '',
            key: 'action',
            width: 120,
            render: (_: unknown, r: UsageRecord) =>
              CORRECTABLE.has(r.state) && (
                <Button size="small" onClick={() => setCorrecting(r)}>
                  {t('usage.correct')}
                </Button>
              ),
          },
        ]}
      />
      {correcting && <CorrectDialog record={correcting} onClose={() => setCorrecting(null)} />}
    </>
  );
}

function CorrectDialog({ record, onClose }: { record: UsageRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useCore((s) => s.client);
  const [value, setValue] = useState(record.usageValue);
  const submit = async () => {
    const result = await client!.call('usage.correct', { id: record.id, usage_value: value });
    if (result.queued > 0) {
      void message.success(t('usage.queued', { count: 1 }));
      onClose();
    } else void message.error(result.problems.map(badRowText).join('；'));
  };
  return (
    <Modal open title={t('usage.correctTitle', { sn: record.meteringSn })} onOk={() => void submit()} onCancel={onClose}>
      <Input value={value} onChange={(e) => setValue(e.target.value)} addonBefore={t('usage.value')} />
    </Modal>
  );
}
