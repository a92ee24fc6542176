import { Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../electron/core/contract';
import { formatTime } from '../../app/format-time';
import { ExportButton } from '../../components/ExportButton';
import { useCore } from '../../stores/core-store';
import { useQueueVersion } from './useQueueRefresh';

type Attempt = MethodOutput<'usage.attempts'>[number];

/** The proof of every push: time, ts, nonce, body SHA-256, HTTP status, code — exportable to Excel or CSV. */
export function AttemptsLog() {
  const { t } = useTranslation();
  const client = useCore((s) => s.client);
  const timeZone = useCore((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const version = useQueueVersion();
  const [attempts, setAttempts] = useState<Attempt[]>([]);
  useEffect(() => {
    void client?.call('usage.attempts', { limit: 200 }).then(setAttempts);
  }, [client, version]);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ExportButton selection={{ table: 'upload_attempts', filters: {} }} testId="usage-export-attempts" />
      <Table
        size="small"
        rowKey="id"
        dataSource={attempts}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          { title: t('usage.time'), dataIndex: 'startedAt', width: 150, render: (ms: number) => formatTime(ms, timeZone) },
          { title: 'ts', dataIndex: 'ts', width: 130 },
          { title: 'nonce', dataIndex: 'nonce', ellipsis: true },
          { title: 'SHA-256', dataIndex: 'bodySha256', ellipsis: true },
          { title: t('usage.count'), dataIndex: 'recordCount', width: 80 },
          { title: t('usage.httpStatus'), dataIndex: 'httpStatus', width: 70 },
          { title: t('usage.code'), dataIndex: 'code', width: 110 },
          {
            title: t('usage.outcome'),
            dataIndex: 'outcome',
            width: 100,
            render: (o: string | null) => o && <Tag color={o === 'ok' ? 'green' : 'orange'}>{o}</Tag>,
          },
        ]}
      />
    </Space>
  );
}
