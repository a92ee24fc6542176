import { Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../electron/core/contract';
import { marketplaceCodeText } from '../../app/error-message';
import { formatTime, formatTimeWithSeconds, zoneName } from '../../app/format-time';
import { ExportButton } from '../../components/ExportButton';
import { useCore } from '../../stores/core-store';
import { useQueueVersion } from './useQueueRefresh';

type Attempt = MethodOutput<'usage.attempts'>[number];
const OUTCOME_COLORS: Record<string, string> = { ok: 'green', retryable: 'orange', throttled: 'orange', ambiguous: 'gold', permanent: 'red' };

/**
 * The proof of every push: when, the signature's timestamp and nonce, the body's SHA-256, HTTP
 * status and the marketplace's answer in words — exportable to Excel or CSV for a dispute.
 */
export function AttemptsLog() {
  const { t } = useTranslation();
  const client = useCore((s) => s.client);
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const version = useQueueVersion();
  const [attempts, setAttempts] = useState<Attempt[]>([]);
  useEffect(() => {
    void client?.call('usage.attempts', { limit: 200 }).then(setAttempts);
  }, [client, version]);
  const zone = zoneName(timeZone);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <div>
        <ExportButton selection={{ table: 'upload_attempts', filters: {} }} testId="usage-export-attempts" />
      </div>
      <Table
        size="small"
        rowKey="id"
        dataSource={attempts}
        scroll={{ x: 980 }}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        data-testid="usage-attempts"
        columns={[
          { title: t('usage.sentAt', { zone }), dataIndex: 'startedAt', width: 150, render: (ms: number) => formatTime(ms, timeZone) },
          {
            title: t('usage.signedAt', { zone }),
            dataIndex: 'ts',
            width: 170,
            // ts is the signature's epoch milliseconds, kept exactly as sent (the proof), shown as a time
            render: (ts: string) => (
              <Tooltip title={t('usage.tsExact', { ts })}>
                <span data-ts={ts}>{formatTimeWithSeconds(Number(ts), timeZone)}</span>
              </Tooltip>
            ),
          },
          {
            title: t('usage.nonce'),
            dataIndex: 'nonce',
            ellipsis: true,
            render: (v: string) => <Typography.Text copyable={{ text: v }}>{v.slice(0, 8)}…</Typography.Text>,
          },
          {
            title: t('usage.bodyHash'),
            dataIndex: 'bodySha256',
            ellipsis: true,
            render: (v: string) => <Typography.Text copyable={{ text: v }}>{v.slice(0, 12)}…</Typography.Text>,
          },
          { title: t('usage.count'), dataIndex: 'recordCount', width: 80, align: 'end' },
          { title: t('usage.httpStatus'), dataIndex: 'httpStatus', width: 80, render: (s: number | null) => s ?? '-' },
          {
            title: t('usage.answer'),
            dataIndex: 'code',
            width: 220,
            ellipsis: true,
            render: (code: string | null) => (code ? marketplaceCodeText(code) : '-'),
          },
          {
            title: t('usage.outcome'),
            dataIndex: 'outcome',
            width: 140,
            render: (o: string | null) =>
              o ? <Tag color={OUTCOME_COLORS[o]}>{t(`vocab.uploadOutcome.${o}`, { defaultValue: o })}</Tag> : <Tag>{t('usage.inFlight')}</Tag>,
          },
        ]}
      />
    </div>
  );
}
